import type { Kysely } from "kysely";
import { PHQ9_RECALL_DAYS } from "../../../domain/care-flags";
import { addLocalDays, type LocalDay } from "../../../domain/local-day";
import type { Database } from "../../db/schema";

/**
 * The clinician's caseload in eight statements, whatever its size: the live grants with each
 * member's name and last check-in, then the recent check-ins, missed doses, lapses and
 * questionnaires (BAM and PHQ-9) and lessons done and assigned of all those members at once,
 * and the unread messages each member sent this clinician (no query per member). Each is driven
 * by the grantee index (or the listed members' ids) and the members' own keys, so its cost grows
 * with the caseload, not the database.
 * The benchmark (bench/measure-reads.ts) times the endpoint that calls it.
 */
export interface CaseloadRow {
  memberId: string;
  displayName: string | null;
  purpose: string;
  /** The grant's categories as stored (JSON); the service filters flags by them. */
  categories: string;
  lastCheckinOn: LocalDay | null;
  /** Check-ins of the 7 days ending today. */
  checkins: { day: LocalDay; craving: number }[];
  missedDoses: { id: string; day: LocalDay }[];
  lapses: { id: string; day: LocalDay }[];
  /** BAM responses of the last 180 days, oldest first, with their stored score (JSON). */
  bam: { id: string; at: string; score: string }[];
  /** PHQ-9 responses of the last 15 days (the flag's 14 local days, whatever the zone), oldest
   * first, with their stored answers (JSON). */
  phq9: { id: string; at: string; answers: string }[];
  /** Messages the member sent this clinician that they have not read (the messages feature's
   * thread, read with its own small query here). */
  unreadMessages: number;
  /** Ids of the lessons the member finished and of those assigned to them (any clinician). */
  lessonsDone: string[];
  lessonsAssigned: string[];
}

export interface CaseloadOptions {
  clinicianId: string;
  /** The clinician's local day; the week is the 7 days ending with it. */
  today: LocalDay;
  now: Date;
}

/** How far back BAMs are read for their trend (the flag compares the latest two). */
const BAM_WINDOW_DAYS = 180;
/**
 * How far back PHQ-9s are read: the flag looks at the 14 local days ending today, which start
 * at most 14 days and an hour (a clock change) before now, so 15 days hold them all.
 */
const PHQ9_WINDOW_DAYS = PHQ9_RECALL_DAYS + 1;

export async function caseloadSummary(
  db: Kysely<Database>,
  options: CaseloadOptions,
): Promise<CaseloadRow[]> {
  const { clinicianId, today, now } = options;
  const weekFrom = addLocalDays(today, -6);
  const nowIso = now.toISOString();
  const bamFrom = new Date(now.getTime() - BAM_WINDOW_DAYS * 86_400_000).toISOString();
  const phq9From = new Date(now.getTime() - PHQ9_WINDOW_DAYS * 86_400_000).toISOString();

  const liveGrants = db
    .selectFrom("consent_grants as g")
    .where("g.grantee_user_id", "=", clinicianId)
    .where("g.revoked_at", "is", null)
    .where((eb) => eb.or([eb("g.expires_at", "is", null), eb("g.expires_at", ">", nowIso)]));

  const grants = await liveGrants
    .innerJoin("users as u", "u.id", "g.member_id")
    .select((eb) => [
      "g.member_id as memberId",
      "u.display_name as displayName",
      "g.purpose as purpose",
      "g.categories as categories",
      eb
        .selectFrom("checkins as c")
        .select((inner) => inner.fn.max("c.local_day").as("day"))
        .whereRef("c.member_id", "=", "g.member_id")
        .as("lastCheckinOn"),
    ])
    .orderBy("g.member_id")
    .orderBy("g.created_at")
    .execute();
  if (grants.length === 0) return [];
  const memberIds = [...new Set(grants.map((grant) => grant.memberId))];

  const [checkins, doses, lapses, questionnaires, unread, lessons] = await Promise.all([
    liveGrants
      .innerJoin("checkins as c", "c.member_id", "g.member_id")
      .where("c.local_day", ">=", weekFrom)
      .where("c.local_day", "<=", today)
      .select(["c.member_id as memberId", "c.local_day as day", "c.craving as craving"])
      .execute(),
    liveGrants
      .innerJoin("dose_logs as d", "d.member_id", "g.member_id")
      .where("d.local_day", ">=", weekFrom)
      .where("d.local_day", "<=", today)
      .where("d.status", "=", "missed")
      .select(["d.member_id as memberId", "d.id as id", "d.local_day as day"])
      .execute(),
    liveGrants
      .innerJoin("use_events as e", "e.member_id", "g.member_id")
      .where("e.local_day", ">=", weekFrom)
      .where("e.local_day", "<=", today)
      .select(["e.member_id as memberId", "e.id as id", "e.local_day as day"])
      .execute(),
    // BAM and PHQ-9 in one statement, each over its own window, with only the JSON its flag
    // reads: BAM's score (the risk subscale), PHQ-9's answers (item 9). By the listed members'
    // ids, not a join with the grants: half a year of BAMs is a large share of the table, and
    // PostgreSQL then scanned all of it (every member's) instead of the caseload's index range.
    // One parameter a member: far inside SQLite's 32,766 and PostgreSQL's 65,535 for caseloads
    // of hundreds (DESIGN.md: 80–500 people).
    db
      .selectFrom("assessment_responses as a")
      .where("a.member_id", "in", memberIds)
      .where((eb) =>
        eb.or([
          eb.and([eb("a.instrument_id", "=", "bam"), eb("a.at", ">=", bamFrom)]),
          eb.and([eb("a.instrument_id", "=", "phq-9"), eb("a.at", ">=", phq9From)]),
        ]),
      )
      .select((eb) => [
        "a.member_id as memberId",
        "a.instrument_id as instrument",
        "a.id as id",
        "a.at as at",
        eb
          .case()
          .when("a.instrument_id", "=", "bam")
          .then(eb.ref("a.score"))
          .else(eb.ref("a.answers"))
          .end()
          .as("json"),
      ])
      .orderBy("a.at")
      .execute(),
    db
      .selectFrom("message_threads as t")
      .innerJoin("messages as m", (join) =>
        join
          .onRef("m.member_id", "=", "t.member_id")
          .onRef("m.person_id", "=", "t.person_id")
          .onRef("m.seq", ">", "t.person_read_seq")
          .onRef("m.sender_id", "=", "t.member_id"),
      )
      .where("t.person_id", "=", clinicianId)
      .where("t.member_id", "in", liveGrants.select("g.member_id"))
      .select((eb) => ["t.member_id as memberId", eb.fn.countAll().as("count")])
      .groupBy("t.member_id")
      .execute(),
    // The lessons feature's tables, read here with the care feature's own small queries.
    Promise.all([
      liveGrants
        .innerJoin("lesson_completions as lc", "lc.member_id", "g.member_id")
        .select(["lc.member_id as memberId", "lc.lesson_id as lessonId"])
        .execute(),
      liveGrants
        .innerJoin("lesson_assignments as la", "la.member_id", "g.member_id")
        .select(["la.member_id as memberId", "la.lesson_id as lessonId"])
        .execute(),
    ]),
  ]);

  // Members with several grants to the same clinician appear once (purpose of the first);
  // a member's rows may repeat across grants, so each record is kept once by id or day.
  const rows = new Map<string, CaseloadRow>();
  for (const grant of grants) {
    const existing = rows.get(grant.memberId);
    if (existing) {
      // Two live grants to one clinician: the categories of either are shared.
      const union = new Set([...parseList(existing.categories), ...parseList(grant.categories)]);
      existing.categories = JSON.stringify([...union]);
      continue;
    }
    rows.set(grant.memberId, {
      memberId: grant.memberId,
      displayName: grant.displayName,
      purpose: grant.purpose,
      categories: grant.categories,
      lastCheckinOn: grant.lastCheckinOn ?? null,
      checkins: [],
      missedDoses: [],
      lapses: [],
      bam: [],
      phq9: [],
      unreadMessages: 0,
      lessonsDone: [],
      lessonsAssigned: [],
    });
  }
  const seen = new Set<string>();
  const once = (key: string) => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const c of checkins) {
    if (once(`c${c.memberId}${c.day}`))
      rows.get(c.memberId)?.checkins.push({ day: c.day, craving: Number(c.craving) });
  }
  for (const d of doses) {
    if (once(`d${d.memberId}${d.id}`))
      rows.get(d.memberId)?.missedDoses.push({ id: d.id, day: d.day });
  }
  for (const e of lapses) {
    if (once(`e${e.memberId}${e.id}`)) rows.get(e.memberId)?.lapses.push({ id: e.id, day: e.day });
  }
  for (const a of questionnaires) {
    if (!once(`a${a.memberId}${a.id}`)) continue;
    const row = rows.get(a.memberId);
    if (a.instrument === "bam") row?.bam.push({ id: a.id, at: a.at, score: a.json });
    else row?.phq9.push({ id: a.id, at: a.at, answers: a.json });
  }
  for (const u of unread) {
    const row = rows.get(u.memberId);
    if (row) row.unreadMessages = Number(u.count);
  }
  const [lessonsDone, lessonsAssigned] = lessons;
  for (const l of lessonsDone) {
    if (once(`ld${l.memberId}${l.lessonId}`)) rows.get(l.memberId)?.lessonsDone.push(l.lessonId);
  }
  for (const l of lessonsAssigned) {
    if (once(`la${l.memberId}${l.lessonId}`))
      rows.get(l.memberId)?.lessonsAssigned.push(l.lessonId);
  }
  return [...rows.values()];
}

function parseList(stored: string): unknown[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed : [];
}
