/** The weekday (0 = Sunday) and the "HH:MM" wall time of an instant in a zone. */
export function wallClockIn(timeZone: string, at = new Date()): { weekday: number; time: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return {
    weekday: Math.max(0, weekdays.indexOf(part("weekday"))),
    time: `${part("hour").padStart(2, "0")}:${part("minute").padStart(2, "0")}`,
  };
}
