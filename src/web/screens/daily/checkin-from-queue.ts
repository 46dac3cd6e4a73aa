import type { Checkin, CheckinBody } from "../../../domain/api/daily";
import type { LocalDay } from "../../../domain/local-day";

/**
 * A save still on the phone, shown as the day's check-in. Its body was checked against the
 * server's schema when it was queued (api.ts#dailyWrites), so it is read here without zod:
 * the check-in screen must not build schemas to draw (docs/architecture.md).
 */
export function checkinFromQueue(
  day: LocalDay,
  body: Readonly<Record<string, unknown>>,
  onServer: Checkin | null,
  now = new Date(),
): Checkin {
  const said = body as CheckinBody;
  return {
    date: day,
    mood: said.mood,
    craving: said.craving,
    used: said.used,
    medicationTaken: said.medicationTaken ?? null,
    sleepHours: said.sleepHours ?? null,
    stress: said.stress ?? null,
    halt: said.halt ?? null,
    meeting: said.meeting ?? null,
    note: said.note ?? null,
    createdAt: onServer?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  };
}
