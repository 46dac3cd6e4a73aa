// The clinician's caseload: every member who granted this person access, with the flags that
// say who needs attention today and why. Only flags from granted categories; every member
// listed is one audit event ("read:caseload"), written before the list leaves the server.
import type { Kysely } from "kysely";
import type { Caseload } from "../../../domain/api/care";
import { attentionScore, type CareHistory, careFlags } from "../../../domain/care-flags";
import {
  type DataCategory,
  dataCategorySchema,
  REDISCLOSURE_NOTICE,
} from "../../../domain/consent";
import { CRISIS_ITEM } from "../../../domain/instruments/phq9";
import { type LocalDay, localDayOf } from "../../../domain/local-day";
import type { Database } from "../../db/schema";
import { assertSecondFactorForOthersData } from "../../security/second-factor";
import type { Actor } from "../../security/session";
import { appendAuditEvents } from "./audit-batch";
import { type CaseloadRow, caseloadSummary } from "./caseload-queries";

export async function getCaseload(
  db: Kysely<Database>,
  actor: Actor,
  now = new Date(),
): Promise<Caseload> {
  assertSecondFactorForOthersData(actor);
  const me = await db
    .selectFrom("users")
    .select("time_zone")
    .where("id", "=", actor.userId)
    .executeTakeFirst();
  // "Today" is the clinician's day; members of one clinic share a zone in practice.
  const today = localDayOf(now, me?.time_zone ?? "UTC");
  const rows = await caseloadSummary(db, { clinicianId: actor.userId, today, now });
  const members = sortCaseload(
    rows.map((row) => caseloadEntry(row, today, me?.time_zone ?? "UTC")),
  );
  await appendAuditEvents(
    db,
    members.map((member) => ({
      actorId: actor.userId,
      memberId: member.memberId,
      action: "read:caseload",
      resource: `caseload summary: ${caseloadShown(member)}${member.lessons ? "; lessons" : ""}`,
      purpose: member.purpose,
      outcome: "allowed" as const,
    })),
    now,
  );
  return { today, redisclosureNotice: REDISCLOSURE_NOTICE, members };
}

/**
 * One member's line: flags from the granted categories, sorted by weight. Pure. A PHQ-9's day
 * is read in the same zone as "today" (the clinician's), so the 14-day window lines up.
 */
export function caseloadEntry(row: CaseloadRow, today: LocalDay, timeZone = "UTC") {
  const categories = parseCategories(row.categories);
  // Questionnaires are read only for a grant that names them: their flags could not show.
  const assessments = categories.includes("assessments");
  const history: CareHistory = {
    today,
    checkins: row.checkins,
    lastCheckinOn: row.lastCheckinOn,
    missedDoses: row.missedDoses,
    lapses: row.lapses,
    bamRisk: assessments ? latestBamRisks(row.bam) : [],
    phq9: assessments
      ? row.phq9.map((response) => ({
          id: response.id,
          day: localDayOf(new Date(response.at), timeZone),
          item9: answerOf(response.answers, CRISIS_ITEM),
        }))
      : [],
  };
  const flags = careFlags(history, categories);
  return {
    memberId: row.memberId,
    displayName: row.displayName,
    categories,
    purpose: row.purpose,
    lastCheckinOn: categories.includes("checkins") ? row.lastCheckinOn : null,
    attention: attentionScore(flags),
    flags,
    // Like a flag, the count never crosses the grant: null unless it names messages.
    unreadMessages: categories.includes("messages") ? row.unreadMessages : null,
    lessons: categories.includes("lessons") ? lessonCounts(row) : null,
  };
}

function lessonCounts(row: CaseloadRow) {
  const done = new Set(row.lessonsDone);
  return {
    done: done.size,
    assigned: row.lessonsAssigned.length,
    assignedDone: row.lessonsAssigned.filter((lessonId) => done.has(lessonId)).length,
  };
}

/** What a caseload line showed, for the member's log: its flags, and unread messages if any. */
function caseloadShown(member: { flags: { code: string }[]; unreadMessages: number | null }) {
  const flags = member.flags.map((f) => f.code).join(", ") || "no flags";
  return member.unreadMessages === null ? flags : `${flags}; unread messages`;
}

/** Who needs attention first; ties by name, so the order is stable. */
export function sortCaseload<
  T extends { attention: number; displayName: string | null; memberId: string },
>(members: T[]): T[] {
  return [...members].sort(
    (a, b) =>
      b.attention - a.attention ||
      (a.displayName ?? "").localeCompare(b.displayName ?? "") ||
      a.memberId.localeCompare(b.memberId),
  );
}

// Most grants of a caseload name the same few category lists; parse each text once.
const parsedCategories = new Map<string, DataCategory[]>();
function parseCategories(stored: string): DataCategory[] {
  const known = parsedCategories.get(stored);
  if (known) return known;
  const parsed = dataCategorySchema.array().safeParse(JSON.parse(stored));
  const categories = parsed.success ? parsed.data : [];
  if (parsedCategories.size > 1000) parsedCategories.clear();
  parsedCategories.set(stored, categories);
  return categories;
}

function answerOf(answers: string, linkId: string): number | null {
  const value = (JSON.parse(answers) as Record<string, unknown>)[linkId];
  return typeof value === "number" ? value : null;
}

/**
 * The two latest BAMs that have a risk score, oldest first: all the BAM flag compares. Read
 * from the newest back, so a caseload parses two scores a member, not half a year of them.
 */
function latestBamRisks(responses: CaseloadRow["bam"]): CareHistory["bamRisk"] {
  const found: CareHistory["bamRisk"] = [];
  for (let index = responses.length - 1; index >= 0 && found.length < 2; index -= 1) {
    const response = responses[index] as CaseloadRow["bam"][number];
    const risk = bamRisk(response.score);
    if (risk !== null) found.unshift({ id: response.id, at: response.at, risk });
  }
  return found;
}

function bamRisk(score: string): number | null {
  const parsed = JSON.parse(score) as { subscales?: { code?: string; score?: number | null }[] };
  const risk = parsed.subscales?.find((s) => s.code === "risk")?.score;
  return typeof risk === "number" ? risk : null;
}
