import type { SeedProgress } from "./generator";

/** One status line for the seeder: percent, members, rows and the rate, e.g. for `\r` redraws. */
export function progressLine(progress: SeedProgress): string {
  const { membersDone, membersTotal, rows, elapsedMs } = progress;
  const fraction = membersTotal === 0 ? 1 : membersDone / membersTotal;
  const width = 24;
  const filled = Math.round(fraction * width);
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const rate = Math.round(rows / seconds);
  const eta = fraction > 0 ? Math.round(seconds / fraction - seconds) : null;
  return [
    `[${"#".repeat(filled)}${".".repeat(width - filled)}]`,
    `${(fraction * 100).toFixed(0).padStart(3)}%`,
    `${membersDone.toLocaleString("en-US")}/${membersTotal.toLocaleString("en-US")} members`,
    `${rows.toLocaleString("en-US")} rows`,
    `${rate.toLocaleString("en-US")} rows/s`,
    eta === null || fraction >= 1 ? `${seconds.toFixed(1)} s` : `ETA ${eta} s`,
  ].join("  ");
}

/** Redraws one line on a terminal; elsewhere (CI logs) prints a line every tenth of the way. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  return (progress: SeedProgress) => {
    const line = progressLine(progress);
    const done = progress.membersDone >= progress.membersTotal;
    if (stream.isTTY) {
      stream.write(`\r${line}${done ? "\n" : ""}`);
      return;
    }
    const tenth = Math.floor((progress.membersDone / Math.max(1, progress.membersTotal)) * 10);
    if (tenth > lastTenth || done) {
      lastTenth = tenth;
      stream.write(`${line}\n`);
    }
  };
}
