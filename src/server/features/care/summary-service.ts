// The member detail a care team sees: trends, plan, doses and assessments of the last four
// weeks, each section only when the reader may see that category. One audit event per read.
import type { Kysely } from "kysely";
import type { MemberSummary } from "../../../domain/api/care";
import { type DataCategory, grantStatus, REDISCLOSURE_NOTICE } from "../../../domain/consent";
import { type DoseSchedule, doseScheduleSchema } from "../../../domain/dose-schedule";
import { findInstrument } from "../../../domain/instruments/catalog";
import type { Answers } from "../../../domain/instruments/questionnaire";
import { addLocalDays, type LocalDay, localDayOf } from "../../../domain/local-day";
import type { DoseUnit, Medication } from "../../../domain/medication";
import type { Database } from "../../db/schema";
import { forbidden } from "../../errors";
import { appendAuditEvent } from "../../security/audit";
import { decideAccess } from "../../security/policy";
import type { Actor } from "../../security/session";
import * as consentQueries from "./consent-queries";
import type { ExportDetail } from "./fhir-export";
import * as queries from "./summary-queries";

// Withdrawal scores (SOWS, COWS) are assessments filed under their own category, as the
// assessments feature files them: an "assessments" grant alone does not show them.
const SECTIONS = [
  "checkins",
  "cravings",
  "use",
  "plan",
  "medication",
  "assessments",
  "withdrawal",
  // No section of its own: a member who shares only lessons (with a clinic that rewards them,
  // say) is still someone the clinician can open, to reach their lessons from the summary.
  "lessons",
] as const;
const PERIOD_DAYS = 28;

export async function getMemberSummary(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
  /** What the read is for, as the audit log names it: the screen or the PDF report. */
  view: "summary" | "report" = "summary",
): Promise<MemberSummary> {
  return (await readSummary(db, actor, memberId, now, view)).summary;
}

/**
 * The summary for the FHIR export, with the consents it is disclosed under: for a recipient,
 * the grants that let this read through; for the member, every live grant they gave (their
 * own record of whom they share with). One audit event, like the summary.
 */
export async function getMemberExport(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
): Promise<{ summary: MemberSummary } & ExportDetail> {
  const { summary, grantIds } = await readSummary(db, actor, memberId, now, "fhir");
  // The answers of the responses the summary already shows this reader, for the bundle only.
  const answerRows = summary.assessments?.length
    ? await queries.assessmentAnswers(
        db,
        memberId,
        summary.assessments.map((a) => a.id),
      )
    : [];
  const answers = new Map(
    answerRows.map((row) => [
      row.id,
      {
        answers: JSON.parse(row.answers) as Answers,
        missing: (JSON.parse(row.score) as { missing?: string[] }).missing ?? [],
      },
    ]),
  );
  const rows =
    actor.userId === memberId
      ? (await consentQueries.listConsentsGivenBy(db, memberId)).filter(
          (row) =>
            grantStatus(
              {
                expiresAt: row.expires_at ? new Date(row.expires_at) : null,
                revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
              },
              now,
            ) === "active",
        )
      : await Promise.all(grantIds.map((id) => consentQueries.findConsent(db, memberId, id)));
  const consents = rows.flatMap((row) =>
    row
      ? [
          {
            id: row.id,
            recipient: { id: row.grantee_user_id, displayName: row.recipient_name },
            purpose: row.purpose,
            categories: JSON.parse(row.categories) as DataCategory[],
            createdAt: row.created_at,
            expiresAt: row.expires_at,
            expiryEvent: row.expiry_event,
            signedAt: row.signed_at,
          },
        ]
      : [],
  );
  return { summary, consents, answers };
}

async function readSummary(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now: Date,
  view: "summary" | "report" | "fhir",
): Promise<{ summary: MemberSummary; grantIds: string[] }> {
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
      throw forbidden("This person has not shared that with you.");
    }
  }
  const member = await queries.findMember(db, memberId);
  if (!member) throw forbidden("This person has not shared that with you.");
  const may = new Set<DataCategory>(allowed.map((d) => d.category));
  const to = localDayOf(now, member.time_zone);
  const from = addLocalDays(to, -(PERIOD_DAYS - 1));
  const since = new Date(now.getTime() - PERIOD_DAYS * 86_400_000).toISOString();

  const grantIds = [
    ...new Set(
      allowed.flatMap((d) =>
        d.decision.allowed && d.decision.via === "grant" ? [d.decision.grantId] : [],
      ),
    ),
  ];
  const [checkins, cravings, lapses, plan, doses, assessments, regimens] = await Promise.all([
    may.has("checkins") ? queries.checkinsBetween(db, memberId, from, to) : null,
    may.has("cravings") ? queries.cravingsByDay(db, memberId, from, to) : null,
    may.has("use") ? queries.lapsesBetween(db, memberId, from, to) : null,
    may.has("plan") ? queries.planOf(db, memberId) : null,
    may.has("medication") ? queries.dosesBetween(db, memberId, from, to) : null,
    may.has("assessments") || may.has("withdrawal")
      ? queries.assessmentsSince(db, memberId, since)
      : null,
    may.has("medication") ? queries.regimenChangesOf(db, memberId) : null,
  ]);
  const summary: MemberSummary = {
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
      assessments
        ?.filter((a) => may.has(findInstrument(a.instrument_id)?.category ?? "assessments"))
        .map((a) => ({
          id: a.id,
          instrumentId: a.instrument_id,
          at: a.at,
          total: (JSON.parse(a.score) as { total?: number | null }).total ?? null,
        })) ?? null,
    regimens: regimens ? regimensDuring(regimens, from, to) : null,
    redisclosureNotice: self ? null : REDISCLOSURE_NOTICE,
  };
  return { summary, grantIds };
}

/**
 * Each recorded prescription runs from its effective day until the next one takes effect;
 * those that overlap the period (or start after it: "intended") are kept. A prescription replaced on its own effective day
 * (a correction) never ran and is left out.
 */
function regimensDuring(
  changes: Awaited<ReturnType<typeof queries.regimenChangesOf>>,
  from: LocalDay,
  to: LocalDay,
): NonNullable<MemberSummary["regimens"]> {
  return changes.flatMap((change, index) => {
    const until = changes[index + 1]?.effective_date ?? null;
    if (until !== null && (until <= change.effective_date || until <= from)) return [];
    const schedule = doseScheduleSchema.safeParse(JSON.parse(change.schedule));
    if (!schedule.success) return [];
    return [
      {
        id: change.id,
        medication: change.medication as Medication,
        doseAmount: Number(change.dose_amount),
        doseUnit: change.dose_unit as DoseUnit,
        schedule: schedule.data as DoseSchedule,
        prescriber: change.prescriber,
        from: change.effective_date,
        until,
        status:
          change.effective_date > to
            ? "intended"
            : until !== null && until <= to
              ? "stopped"
              : "active",
      },
    ];
  });
}
