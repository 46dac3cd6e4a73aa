import { type Kysely, sql } from "kysely";
import { addLocalDays, type LocalDay } from "../src/domain/local-day";
import type { Database } from "../src/server/db/schema";

/**
 * The query that will feed the clinician dashboard (the care-team issue moves it into a
 * feature): for every member who gave this clinician a live consent grant, the last check-in,
 * the craving of each of the last 7 days with the week before's average (the trend), and
 * missed doses in the last 7 days. Two statements, each driven by the grantee index and the
 * members' own keys, so its cost grows with the caseload, not with the database.
 *
 * Not done here, and owed by the feature: filtering by the grant's categories in code
 * (domain/consent.ts grantAllows; the rows carry them) and the audit event per member read.
 */

/** Only what this query reads of the dose log; the medication feature owns the table. */
interface DoseLogColumns {
  member_id: string;
  local_day: string;
  status: string;
}
type CaseloadDatabase = Database & { dose_logs: DoseLogColumns };

export interface CaseloadRow {
  memberId: string;
  categories: string;
  lastCheckinOn: LocalDay | null;
  /** Average craving of the 7 days before the last 7, for the trend; null without check-ins. */
  previousWeekCraving: number | null;
  /** The last 7 days, oldest first; null where there is no check-in. */
  cravings: (number | null)[];
  /** Doses logged as missed in the last 7 days; null when the dose log does not exist. */
  missedDoses: number | null;
}

export interface CaseloadOptions {
  clinicianId: string;
  /** The clinician's local day; the week is the 7 days ending with it. */
  today: LocalDay;
  now: Date;
  /** False when the medication tables are not there yet. */
  withDoses: boolean;
}

export async function caseloadSummary(
  db: Kysely<Database>,
  options: CaseloadOptions,
): Promise<CaseloadRow[]> {
  const cdb = db as unknown as Kysely<CaseloadDatabase>;
  const { clinicianId, today, now, withDoses } = options;
  const weekFrom = addLocalDays(today, -6);
  const previousFrom = addLocalDays(today, -13);
  const previousTo = addLocalDays(today, -7);
  const nowIso = now.toISOString();

  const liveGrants = cdb
    .selectFrom("consent_grants as g")
    .where("g.grantee_user_id", "=", clinicianId)
    .where("g.revoked_at", "is", null)
    .where((eb) => eb.or([eb("g.expires_at", "is", null), eb("g.expires_at", ">", nowIso)]));

  const summaries = await liveGrants
    .select((eb) => [
      "g.member_id as memberId",
      "g.categories as categories",
      eb
        .selectFrom("checkins as c")
        .select((inner) => inner.fn.max("c.local_day").as("day"))
        .whereRef("c.member_id", "=", "g.member_id")
        .as("lastCheckinOn"),
      eb
        .selectFrom("checkins as c")
        .select((inner) => inner.fn.avg<number | null>("c.craving").as("craving"))
        .whereRef("c.member_id", "=", "g.member_id")
        .where("c.local_day", ">=", previousFrom)
        .where("c.local_day", "<=", previousTo)
        .as("previousWeekCraving"),
      withDoses
        ? eb
            .selectFrom("dose_logs as d")
            .select((inner) => inner.fn.countAll<number>().as("missed"))
            .whereRef("d.member_id", "=", "g.member_id")
            .where("d.local_day", ">=", weekFrom)
            .where("d.local_day", "<=", today)
            .where("d.status", "=", "missed")
            .as("missedDoses")
        : sql<number | null>`null`.as("missedDoses"),
    ])
    .orderBy("g.member_id")
    .execute();

  const week = await liveGrants
    .innerJoin("checkins as c", "c.member_id", "g.member_id")
    .where("c.local_day", ">=", weekFrom)
    .where("c.local_day", "<=", today)
    .select(["c.member_id as memberId", "c.local_day as day", "c.craving as craving"])
    .execute();

  const days = Array.from({ length: 7 }, (_, index) => addLocalDays(weekFrom, index));
  const cravingsByMember = new Map<string, (number | null)[]>();
  for (const row of week) {
    let cravings = cravingsByMember.get(row.memberId);
    if (!cravings) {
      cravings = days.map(() => null);
      cravingsByMember.set(row.memberId, cravings);
    }
    cravings[days.indexOf(row.day)] = row.craving;
  }
  // Members with several grants to the same clinician appear once.
  const seen = new Set<string>();
  const rows: CaseloadRow[] = [];
  for (const summary of summaries) {
    if (seen.has(summary.memberId)) continue;
    seen.add(summary.memberId);
    rows.push({
      memberId: summary.memberId,
      categories: summary.categories,
      lastCheckinOn: summary.lastCheckinOn ?? null,
      previousWeekCraving:
        summary.previousWeekCraving === null ? null : Number(summary.previousWeekCraving),
      cravings: cravingsByMember.get(summary.memberId) ?? days.map(() => null),
      missedDoses: summary.missedDoses === null ? null : Number(summary.missedDoses),
    });
  }
  return rows;
}
