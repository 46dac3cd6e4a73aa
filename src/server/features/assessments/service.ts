// Validated instruments as data, scored by their published rules: the member answers, the
// server scores and stores the response with the instrument's id and version, and others read
// it only through the access policy (category "assessments", or "withdrawal" for SOWS/COWS).
// An observer-rated scale (COWS) may also be entered by a clinician or trained supporter
// holding a live grant for its category; self-report questionnaires stay the member's own.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type {
  Assessment,
  AssessmentListQuery,
  SubmitAssessmentBody,
} from "../../../domain/api/assessments";
import type { Locale } from "../../../domain/api/auth";
import { assessmentsDue, DEFAULT_CADENCE_DAYS } from "../../../domain/instruments/cadence";
import { findInstrument, INSTRUMENTS } from "../../../domain/instruments/catalog";
import {
  type QuestionnaireResponse,
  toQuestionnaireResponse,
} from "../../../domain/instruments/fhir-response";
import {
  answersProblem,
  type InstrumentDef,
  type InstrumentScore,
  instrumentText,
  toQuestionnaire,
} from "../../../domain/instruments/questionnaire";
import { addLocalDays, localDaysBetween, startOfLocalDay } from "../../../domain/local-day";
import type { Database } from "../../db/schema";
import type { AssessmentResponseTable } from "../../db/tables/assessments";
import { AppError, notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorize, authorizeGrantedWrite, type GrantedWrite } from "../../security/policy";
import type { Actor } from "../../security/session";
import { memberToday, reportedInstant } from "./access";
import * as queries from "./queries";
import { responseRow } from "./response-row";

export const DEFAULT_RANGE_DAYS = 365;
export const MAX_RANGE_DAYS = 1100;

// ---- public definitions

export function listInstruments(locale: Locale) {
  return {
    instruments: INSTRUMENTS.map((def) => ({
      id: def.id,
      version: def.version,
      title: instrumentText(locale, def.titleKey),
      category: def.category,
      respondent: def.respondent,
      itemCount: def.items.filter((item) => item.type === "choice").length,
      loinc: def.loinc ?? null,
      totalScoreLoinc: def.totalScoreLoinc ?? null,
      totalRange: def.score({}).totalRange,
      bands: def.bands.map((band) => ({
        code: band.code,
        label: instrumentText(locale, band.labelKey),
        min: band.min,
        max: band.max,
      })),
      citation: def.citation,
      copyright: def.copyright,
      spanish: def.spanish,
      cadenceDays: DEFAULT_CADENCE_DAYS[def.id] ?? null,
    })),
    related: [{ id: "readiness-ruler", operationId: "recordReadiness" }],
  };
}

export function getInstrument(instrumentId: string, locale: Locale) {
  const def = findInstrument(instrumentId);
  if (!def) throw notFound("That instrument");
  return toQuestionnaire(def, locale);
}

// ---- responses

/** Who, besides the member, may enter an observer-rated scale under a grant. */
const OBSERVER_ROLES = ["clinician", "supporter"] as const;

/**
 * 201 with the stored response and its score; nothing is written when an answer is wrong.
 * The member may enter any instrument, a COWS included (a supporter may rate them on the
 * member's own phone; the response then shows no other rater). Anyone else may enter only an
 * instrument whose respondent is "clinician", audited as one write event with the insert.
 */
export async function submitAssessment(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: SubmitAssessmentBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<Assessment>> {
  const def = findInstrument(body.instrument);
  const byOther = await authorizeSubmission(db, actor, memberId, def, body.instrument, now);
  if (!def) {
    throw new AppError(
      "unknown_instrument",
      400,
      `"${body.instrument}" is not an instrument Waymark knows. See listInstruments.`,
      "instrument",
    );
  }
  const problem = answersProblem(def, body.answers);
  if (problem) throw new AppError(problem.code, 400, problem.message, problem.field);
  const answers = body.answers as Record<string, number>;
  const at = reportedInstant(body.at, now, "at");
  return writeOnce(async (trx) => {
    await memberToday(trx, memberId, now);
    const episode =
      def.category === "withdrawal"
        ? await queries.findEpisodeAt(trx, memberId, at.toISOString())
        : undefined;
    const row = responseRow({
      def,
      memberId,
      id: randomUUID(),
      answers,
      at,
      enteredBy: actor.userId,
      createdAt: now,
      episode: episode && { id: episode.id, lastUseAt: new Date(episode.last_use_at) },
    });
    await byOther?.record(trx);
    await queries.insertResponse(trx, row);
    const name = byOther ? await queries.findDisplayName(trx, actor.userId) : null;
    return { statusCode: 201, body: assessmentFromRow({ ...row, entered_by_name: name }) };
  });
}

/** Nothing to check for the member; for anyone else, the grant (or a 403, audited). */
async function authorizeSubmission(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  def: InstrumentDef | undefined,
  instrument: string,
  now: Date,
): Promise<GrantedWrite | null> {
  if (actor.userId === memberId) return null;
  return authorizeGrantedWrite(
    db,
    actor,
    {
      memberId,
      category: def?.category ?? "assessments",
      resource: `assessment ${instrument}`,
      roles: OBSERVER_ROLES,
      permitted: def?.respondent === "clinician",
    },
    now,
  );
}

/**
 * Responses in a range of the member's local days. With an instrument, that instrument's;
 * without one, every instrument in category "assessments" (withdrawal ratings are asked for by
 * naming sows or cows, so a reader needs the "withdrawal" grant for them).
 */
export async function listAssessments(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  query: AssessmentListQuery,
  now = new Date(),
) {
  const def = query.instrument === undefined ? undefined : findInstrument(query.instrument);
  if (query.instrument !== undefined && !def) {
    throw new AppError(
      "unknown_instrument",
      400,
      "That is not an instrument Waymark knows.",
      "instrument",
    );
  }
  const category = def?.category ?? "assessments";
  await authorize(db, actor, memberId, category, "read", describe(def, query), now);
  const { timeZone, today } = await memberToday(db, memberId, now);
  const to = query.to ?? today;
  const from = query.from ?? addLocalDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) {
    throw new AppError(
      "range_reversed",
      400,
      "The start of the range (from) comes after its end (to).",
      "from",
    );
  }
  if (localDaysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    throw new AppError(
      "range_too_long",
      400,
      `Ask for at most ${MAX_RANGE_DAYS} days at a time.`,
      "to",
    );
  }
  const ids = def
    ? [def.id]
    : INSTRUMENTS.filter((each) => each.category === "assessments").map((each) => each.id);
  const rows = await queries.listResponses(
    db,
    memberId,
    ids,
    startOfLocalDay(from, timeZone).toISOString(),
    startOfLocalDay(addLocalDays(to, 1), timeZone).toISOString(),
  );
  return { from, to, assessments: rows.map(assessmentFromRow) };
}

/** Which scheduled instruments (BAM monthly, BARC-10 every three months) are due today. */
export async function listAssessmentsDue(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  await authorize(db, actor, memberId, "assessments", "read", "assessments due", now);
  const { timeZone, today } = await memberToday(db, memberId, now);
  const rows = await queries.listResponseTimes(db, memberId, Object.keys(DEFAULT_CADENCE_DAYS));
  const history = rows.map((row) => ({ instrument: row.instrument_id, at: row.at }));
  return { today, due: assessmentsDue(history, today, { timeZone }) };
}

function describe(def: InstrumentDef | undefined, query: AssessmentListQuery): string {
  const what = def ? `${def.id} responses` : "assessments";
  if (query.from && query.to) return `${what} ${query.from} to ${query.to}`;
  if (query.from) return `${what} from ${query.from}`;
  if (query.to) return `${what} up to ${query.to}`;
  return `${what}, last ${DEFAULT_RANGE_DAYS} days`;
}

function assessmentFromRow(
  row: AssessmentResponseTable & { entered_by_name?: string | null },
): Assessment {
  const byOther = row.entered_by !== row.member_id;
  return {
    id: row.id,
    instrument: row.instrument_id,
    instrumentVersion: row.instrument_version,
    at: row.at,
    answers: JSON.parse(row.answers) as Record<string, number>,
    score: JSON.parse(row.score) as InstrumentScore,
    enteredBy: row.entered_by,
    enteredByOther: byOther ? { id: row.entered_by, displayName: row.entered_by_name ?? "" } : null,
    episodeId: row.episode_id,
    hoursSinceLastUse: row.hours_since_last_use,
    createdAt: row.created_at,
  };
}

/**
 * One stored response as a FHIR R4 QuestionnaireResponse. A reader without access hears 403
 * whether or not the id exists, so ids cannot be probed.
 */
export async function exportAssessmentFhir(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  responseId: string,
  locale: Locale,
  now = new Date(),
): Promise<QuestionnaireResponse> {
  const row = await queries.findResponse(db, memberId, responseId);
  const def = row ? findInstrument(row.instrument_id) : undefined;
  const title = def ? instrumentText("en", def.titleKey) : "an assessment";
  await authorize(
    db,
    actor,
    memberId,
    def?.category ?? "assessments",
    "read",
    `${title} (FHIR export)`,
    now,
  );
  if (!row || !def) throw notFound("That assessment");
  const assessment = assessmentFromRow(row);
  return toQuestionnaireResponse(
    def,
    {
      id: assessment.id,
      memberId,
      answers: assessment.answers,
      at: assessment.at,
      missing: assessment.score.missing,
      ratedBy: assessment.enteredByOther?.displayName || undefined,
    },
    locale,
  );
}
