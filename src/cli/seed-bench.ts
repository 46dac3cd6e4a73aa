import { parseArgs } from "node:util";
import { seedBench } from "../../bench/generator";
import { progressReporter } from "../../bench/progress-bar";
import { withStore } from "./store";

const USAGE =
  "Usage: waymark seed-bench --members N --days D [--seed S] [--caseload C] [--long-history DAYS] [--last-day YYYY-MM-DD]\n";

/**
 * `waymark seed-bench`: fills the configured database (WAYMARK_DATA_DIR or DATABASE_URL) with
 * the benchmark data set of bench/generator.ts. Meant for an empty, throwaway database.
 */
export async function seedBenchCommand(args: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        members: { type: "string" },
        days: { type: "string" },
        seed: { type: "string" },
        caseload: { type: "string" },
        "long-history": { type: "string" },
        "last-day": { type: "string" },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const members = wholeNumber(values.members);
  const days = wholeNumber(values.days);
  if (members === null || days === null || days < 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const lastDay = values["last-day"];
  if (lastDay !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(lastDay)) {
    process.stderr.write(`--last-day must be YYYY-MM-DD\n${USAGE}`);
    return 2;
  }
  const result = await withStore((store) =>
    seedBench(store, {
      members,
      days,
      seed: wholeNumber(values.seed) ?? 1,
      caseloadSize: wholeNumber(values.caseload) ?? undefined,
      longHistoryDays: wholeNumber(values["long-history"]) ?? 0,
      lastDay,
      onProgress: progressReporter(),
    }),
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}

function wholeNumber(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  return Number.parseInt(value, 10);
}
