import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { findInstrument } from "../../domain/instruments/catalog";
import { addLocalDays, localDayOf, startOfLocalDay } from "../../domain/local-day";
import type { Database } from "../../server/db/schema";
import type { AssessmentResponseTable } from "../../server/db/tables/assessments";
import { responseRow } from "../../server/features/assessments/response-row";

/**
 * Alex's assessments: a withdrawal episode about 95 days ago (heroin/fentanyl, before the
 * everyday record starts) with SOWS ratings that rise for two days and then fall; BAM monthly
 * (three, the latest showing the lapse of the everyday demo), BARC-10 twice (recovery capital
 * growing), PHQ-9 and GAD-7 twice (item 9 always 0), and two COWS the clinician rated. Deterministic for a given `now`; skipped
 * when the member already has a response.
 */
const EPISODE_DAYS_AGO = 95;
/** Hours after last use and the SOWS total then. */
const SOWS_COURSE: readonly [number, number][] = [
  [10, 14],
  [20, 27],
  [34, 41],
  [50, 44],
  [70, 36],
  [96, 28],
  [130, 19],
  [170, 12],
  [230, 7],
];

/** Hours after last use and the COWS answers the clinician (when there is one) observed. */
const COWS_VISITS: readonly [number, Record<string, number>][] = [
  // 13, moderate: pulse, sweating, restless, pupils, aches, runny nose, GI, tremor, yawning…
  [
    22,
    { "1": 1, "2": 1, "3": 1, "4": 1, "5": 1, "6": 2, "7": 2, "8": 1, "9": 1, "10": 2, "11": 0 },
  ],
  // 6, mild, as the course eases.
  [
    100,
    { "1": 0, "2": 0, "3": 1, "4": 1, "5": 1, "6": 1, "7": 0, "8": 0, "9": 1, "10": 1, "11": 0 },
  ],
];

export async function seedAssessmentsDemo(
  db: Kysely<Database>,
  memberId: string,
  now: Date,
  clinicianId?: string,
) {
  const already = await db
    .selectFrom("assessment_responses")
    .select("id")
    .where("member_id", "=", memberId)
    .limit(1)
    .executeTakeFirst();
  if (already) return;
  const member = await db
    .selectFrom("users")
    .select("time_zone")
    .where("id", "=", memberId)
    .executeTakeFirst();
  if (!member) return;
  const zone = member.time_zone;
  const today = localDayOf(now, zone);
  const at = (daysAgo: number, hour: number) =>
    new Date(startOfLocalDay(addLocalDays(today, -daysAgo), zone).getTime() + hour * 3_600_000);
  let counter = 0;
  const id = () => deterministicId(`${memberId}:${now.toISOString()}:${counter++}`);

  const lastUseAt = at(EPISODE_DAYS_AGO, 21);
  const episodeId = id();
  const responses: AssessmentResponseTable[] = [];
  const respond = (
    instrument: string,
    when: Date,
    answers: Record<string, number>,
    enteredBy = memberId,
  ) => {
    const def = findInstrument(instrument);
    if (!def) throw new Error(`Unknown instrument ${instrument}`);
    const inEpisode = def.category === "withdrawal";
    responses.push(
      responseRow({
        def,
        memberId,
        id: id(),
        answers,
        at: when,
        enteredBy,
        episode: inEpisode ? { id: episodeId, lastUseAt } : null,
      }),
    );
  };

  for (const [hours, total] of SOWS_COURSE) {
    respond("sows", new Date(lastUseAt.getTime() + hours * 3_600_000), spread(total, 16, 4));
  }
  // The clinician's observed ratings at the clinic during the same detox.
  for (const [hours, answers] of clinicianId ? COWS_VISITS : []) {
    respond("cows", new Date(lastUseAt.getTime() + hours * 3_600_000), answers, clinicianId);
  }
  // BAM: early recovery, steadier, then the month with the lapse (use 1–3 days, more risk).
  respond("bam", at(80, 18), bamAnswers({ use: 1, risk: 3, protective: 2 }));
  respond("bam", at(50, 18), bamAnswers({ use: 0, risk: 2, protective: 3 }));
  respond("bam", at(20, 18), bamAnswers({ use: 1, risk: 2, protective: 3 }));
  respond("barc-10", at(85, 19), spread(34, 10, 5, 1));
  respond("barc-10", at(5, 19), spread(46, 10, 6, 1));
  respond("phq-9", at(82, 19), { ...spread(12, 8, 3), "9": 0, "10": 1 });
  respond("phq-9", at(12, 19), { ...spread(6, 8, 3), "9": 0, "10": 0 });
  respond("gad-7", at(82, 19), spread(11, 7, 3));
  respond("gad-7", at(12, 19), spread(6, 7, 3));

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("withdrawal_episodes")
      .values({
        member_id: memberId,
        id: episodeId,
        opioid_type: "short-acting",
        last_use_at: lastUseAt.toISOString(),
        started_at: new Date(lastUseAt.getTime() + 8 * 3_600_000).toISOString(),
        ended_at: new Date(lastUseAt.getTime() + 11 * 24 * 3_600_000).toISOString(),
        created_at: new Date(lastUseAt.getTime() + 8 * 3_600_000).toISOString(),
      })
      .execute();
    await trx.insertInto("assessment_responses").values(responses).execute();
  });
}

/** `count` items (linkIds "1".."count") adding up to `total`, each at most `max`, from `base`. */
function spread(total: number, count: number, max: number, base = 0): Record<string, number> {
  const extra = total - base * count;
  return Object.fromEntries(
    Array.from({ length: count }, (_, index) => [
      String(index + 1),
      Math.min(max, base + Math.floor((extra + index) / count)),
    ]),
  );
}

/**
 * A BAM response with the scored items at the given levels (0–4) per subscale, each answer
 * kept inside 0–4. The demo's and the bench's data sets both draw theirs here.
 */
export function bamAnswers(level: { use: number; risk: number; protective: number }) {
  const lower = Math.max(0, level.risk - 1);
  return {
    "1": level.risk,
    "2": level.risk,
    "3": lower,
    "4": 0,
    "6": level.use,
    "7e": level.use,
    "8": level.risk,
    "9": level.protective,
    "10": level.protective,
    "11": lower,
    "12": 2,
    "13": level.protective,
    "14": 4,
    "15": 1,
    "16": Math.min(4, level.protective + 1),
    "17": level.protective,
  };
}

/** A stable UUID-shaped id from a seed, so the same `now` gives the same demo. */
function deterministicId(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
