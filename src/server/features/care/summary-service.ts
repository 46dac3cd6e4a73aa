// The member detail a care team sees: trends, plan, doses and assessments of the last four
// weeks, each section only when the reader may see that category. One audit event per read.
import type { Kysely } from "kysely";
import type { MemberSummary } from "../../../domain/api/care";
import { type DataCategory, REDISCLOSURE_NOTICE } from "../../../domain/consent";
import { addLocalDays, localDayOf } from "../../../domain/local-day";
import type { Database } from "../../db/schema";
import { AppError } from "../../errors";
import { appendAuditEvent } from "../../security/audit";
import { decideAccess } from "../../security/policy";
import type { Actor } from "../../security/session";
import * as queries from "./summary-queries";

const SECTIONS = ["checkins", "cravings", "use", "plan", "medication", "assessments"] as const;
const PERIOD_DAYS = 28;

export async function getMemberSummary(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
  /** What the read is for, as the audit log names it: the screen or the PDF report. */
  view: "summary" | "report" | "fhir" = "summary",
): Promise<MemberSummary> {
  // The policy decides each category on its own; the read is then audited once, naming them.
  const decisions = await Promise.all(
    SECTIONS.map(async (category) => ({
      category,
      decision: await decideAccess(
        db,
        actor,
        { memberId, category, action: "read", resource: "summary" },
        now,
      ),
    })),
  );
  const allowed = decisions.filter((d) => d.decision.allowed);
  const self = actor.userId === memberId;
  if (!self) {
    const via = allowed.map((d) => d.decision).find((d) => d.allowed && d.via === "grant");
    await appendAuditEvent(
      db,
      {
        actorId: actor.userId,
        memberId,
        action: `read:${view}`,
        resource: `${view}: ${allowed.map((d) => d.category).join(", ") || "nothing shared"}`,
        purpose: via?.allowed && via.via === "grant" ? via.purpose : null,
        outcome: allowed.length > 0 ? "allowed" : "denied",
      },
      now,
    );
    if (allowed.length === 0) {
      throw new AppError("forbidden", 403, "This person has not shared that with you.");
    }
  }
  const member = await queries.findMember(db, memberId);
  if (!member) throw new AppError("forbidden", 403, "This person has not shared that with you.");
  const may = new Set<DataCategory>(allowed.map((d) => d.category));
  const to = localDayOf(now, member.time_zone);
  const from = addLocalDays(to, -(PERIOD_DAYS - 1));
  const since = new Date(now.getTime() - PERIOD_DAYS * 86_400_000).toISOString();

  const [checkins, cravings, lapses, plan, doses, assessments] = await Promise.all([
    may.has("checkins") ? queries.checkinsBetween(db, memberId, from, to) : null,
    may.has("cravings") ? queries.cravingsByDay(db, memberId, from, to) : null,
    may.has("use") ? queries.lapsesBetween(db, memberId, from, to) : null,
    may.has("plan") ? queries.planOf(db, memberId) : null,
    may.has("medication") ? queries.dosesBetween(db, memberId, from, to) : null,
    may.has("assessments") ? queries.assessmentsSince(db, memberId, since) : null,
  ]);
  return {
    member: { id: member.id, displayName: member.display_name },
    from,
    to,
    categories: [...may],
    checkins:
      checkins?.map((c) => ({
        day: c.local_day,
        mood: Number(c.mood),
        craving: Number(c.craving),
        used: Number(c.used) === 1,
      })) ?? null,
    cravings:
      cravings?.map((c) => ({
        day: c.local_day,
        count: Number(c.count),
        maxIntensity: Number(c.max_intensity),
      })) ?? null,
    lapses: lapses?.map((l) => ({ id: l.id, day: l.local_day })) ?? null,
    plan: plan
      ? {
          goals: plan.goals,
          steps: plan.steps.map((s) => ({
            id: s.id,
            goalId: s.goal_id,
            title: s.title,
            status: s.status,
          })),
        }
      : null,
    doses: doses
      ? {
          taken: doses.filter((d) => d.status === "taken").length,
          missed: doses.filter((d) => d.status === "missed").length,
          days: doses.map((d) => ({ day: d.local_day, status: d.status })),
        }
      : null,
    assessments:
      assessments?.map((a) => ({
        id: a.id,
        instrumentId: a.instrument_id,
        at: a.at,
        total: (JSON.parse(a.score) as { total?: number | null }).total ?? null,
      })) ?? null,
    redisclosureNotice: self ? null : REDISCLOSURE_NOTICE,
  };
}
