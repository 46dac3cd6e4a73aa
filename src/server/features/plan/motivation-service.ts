// Why the person is changing and how ready they feel: reasons, motivators, letting go, the
// decisional balance, the readiness ruler with its stage of change, and the weekly plan check.
//
// Motivation is stored as one JSON document per member rather than rows: it is a handful of
// short, ordered lists that one screen reads and saves whole, nothing queries across its items
// or across members, and order is simply the array's order. Its history lives in plan_events.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { CreatePlanReviewBody, PlanReview, ReadinessRating } from "../../../domain/api/plan";
import {
  applyMotivationUpdate,
  EMPTY_MOTIVATION,
  type Motivation,
  type MotivationUpdate,
  motivationSchema,
} from "../../../domain/motivation";
import { nextPlanReviewDate, planReviewDue } from "../../../domain/plan";
import {
  type ChangeStage,
  MAINTENANCE_DAYS,
  type ReadinessRecord,
  type ReadinessRuler,
  stageOfChange,
  type UseDaysForStage,
} from "../../../domain/readiness";
import type { Database } from "../../db/schema";
import type { PlanReviewTable, ReadinessRatingTable } from "../../db/tables/plan";
import { AppError } from "../../errors";
import type { Actor } from "../../security/session";
import {
  authorizePlanRead,
  authorizePlanWrite,
  inTransaction,
  memberDay,
  requireMember,
  type WriteOptions,
} from "./access";
import * as motivationQueries from "./motivation-queries";
import * as queries from "./queries";
import { changedFields } from "./views";

type MotivationView = Motivation & { updatedAt: string | null };

async function loadMotivation(db: Kysely<Database>, memberId: string): Promise<MotivationView> {
  const row = await motivationQueries.findMotivation(db, memberId);
  if (!row) return { ...EMPTY_MOTIVATION, updatedAt: null };
  return { ...motivationSchema.parse(JSON.parse(row.document)), updatedAt: row.updated_at };
}

export async function getMotivation(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
): Promise<MotivationView> {
  await authorizePlanRead(db, actor, memberId, "reasons and motivation");
  return loadMotivation(db, memberId);
}

/** Replaces the sections the update names; the history records each changed section. */
export async function updateMotivation(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  update: MotivationUpdate,
  { run = inTransaction(db), now = new Date() }: WriteOptions = {},
): Promise<MotivationView> {
  await authorizePlanWrite(db, actor, memberId, "reasons and motivation");
  return run(async (trx) => {
    const { updatedAt, ...current } = await loadMotivation(trx, memberId);
    const next = applyMotivationUpdate(current, update);
    if (!(await saveMotivationChange(trx, memberId, actor.userId, current, next, now))) {
      return { ...current, updatedAt };
    }
    return { ...next, updatedAt: now.toISOString() };
  });
}

/** The intake's "what matters most" becomes the first reason, unless it is there already. */
export async function addReasonIfNew(
  db: Kysely<Database>,
  memberId: string,
  actorId: string,
  reason: string,
  now: Date,
): Promise<void> {
  const { updatedAt: _, ...current } = await loadMotivation(db, memberId);
  if (current.reasons.includes(reason)) return;
  const next = { ...current, reasons: [reason, ...current.reasons] };
  await saveMotivationChange(db, memberId, actorId, current, next, now);
}

async function saveMotivationChange(
  db: Kysely<Database>,
  memberId: string,
  actorId: string,
  current: Motivation,
  next: Motivation,
  now: Date,
): Promise<boolean> {
  // Sections compare as JSON: they are plain lists of plain objects.
  const asText = (motivation: Motivation) =>
    Object.fromEntries(
      Object.entries(motivation).map(([key, value]) => [key, JSON.stringify(value)]),
    );
  const change = changedFields(asText(current), asText(next));
  if (!change) return false;
  const pick = (motivation: Motivation) =>
    Object.fromEntries(
      Object.keys(change.after).map((key) => [key, motivation[key as keyof Motivation]]),
    );
  await motivationQueries.saveMotivation(db, memberId, next, now);
  await queries.appendPlanEvent(db, {
    memberId,
    actorId,
    at: now,
    entity: "motivation",
    entityId: memberId,
    action: "updated",
    before: pick(current),
    after: pick(next),
  });
  return true;
}

function readinessRecord(row: ReadinessRatingTable): ReadinessRecord {
  return {
    importance: row.importance,
    confidence: row.confidence,
    readiness: row.readiness,
    recordedAt: row.recorded_at,
  };
}

/** Each rating with the stage it suggested when it was made (judged against earlier ones). */
function ratingsWithStages(
  rows: ReadinessRatingTable[],
  useDays: UseDaysForStage,
): ReadinessRating[] {
  const records = rows.map(readinessRecord);
  return rows.map((row, index) => ({
    id: row.id,
    recordedAt: row.recorded_at,
    importance: row.importance,
    confidence: row.confidence,
    readiness: row.readiness,
    note: row.note,
    stage: stageOfChange(records[index] as ReadinessRecord, records.slice(0, index), useDays),
  }));
}

export async function recordReadiness(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  ruler: ReadinessRuler,
  { run = inTransaction(db), now = new Date(), newId = randomUUID }: WriteOptions = {},
): Promise<ReadinessRating> {
  await authorizePlanWrite(db, actor, memberId, "readiness ruler");
  return run(async (trx) => {
    const row: ReadinessRatingTable = {
      member_id: memberId,
      id: newId(),
      recorded_at: now.toISOString(),
      importance: ruler.importance,
      confidence: ruler.confidence,
      readiness: ruler.readiness,
      note: ruler.note || null,
    };
    await motivationQueries.insertReadinessRating(trx, row);
    const all = await motivationQueries.listReadinessRatings(trx, memberId);
    const rated = ratingsWithStages(all, await recordedUseDays(trx, actor, memberId, all));
    return rated.find((rating) => rating.id === row.id) as ReadinessRating;
  });
}

export async function listReadiness(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
): Promise<{ ratings: ReadinessRating[]; currentStage: ChangeStage | null }> {
  await authorizePlanRead(db, actor, memberId, "readiness ruler");
  const rows = await motivationQueries.listReadinessRatings(db, memberId);
  const newestFirst = ratingsWithStages(
    rows,
    await recordedUseDays(db, actor, memberId, rows),
  ).reverse();
  return { ratings: newestFirst, currentStage: newestFirst[0]?.stage ?? null };
}

/**
 * The member's use days back to six months before their first rating. Only the member's own
 * view reads them: someone shown the plan alone must not learn about use through the stage,
 * so for them use is "unknown" and the stage stops at action.
 */
async function recordedUseDays(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  rows: readonly ReadinessRatingTable[],
): Promise<UseDaysForStage> {
  if (actor.userId !== memberId) return "unknown";
  const first = rows[0];
  if (!first) return [];
  const from = new Date(Date.parse(first.recorded_at) - (MAINTENANCE_DAYS + 1) * 86_400_000);
  return motivationQueries.listUseDaysSince(db, memberId, from.toISOString().slice(0, 10));
}

function reviewView(row: PlanReviewTable): PlanReview {
  return {
    id: row.id,
    reviewDate: row.review_date,
    createdAt: row.created_at,
    wentWell: row.went_well,
    wasHard: row.was_hard,
    nextSteps: JSON.parse(row.next_steps) as PlanReview["nextSteps"],
  };
}

/** A weekly check, dated on the member's own calendar. Named steps keep their title as it was. */
export async function createPlanReview(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: CreatePlanReviewBody,
  { run = inTransaction(db), now = new Date(), newId = randomUUID }: WriteOptions = {},
): Promise<PlanReview> {
  await authorizePlanWrite(db, actor, memberId, "weekly plan check");
  return run(async (trx) => {
    const member = await requireMember(trx, memberId);
    const entries = body.nextSteps ?? [];
    const stepIds = entries.flatMap((entry) => ("stepId" in entry ? [entry.stepId] : []));
    const titles = new Map(
      (await queries.findStepsByIds(trx, memberId, stepIds)).map((step) => [step.id, step.title]),
    );
    const nextSteps = entries.map((entry, index) => {
      if ("text" in entry) return { stepId: null, text: entry.text };
      const title = titles.get(entry.stepId);
      if (title === undefined) {
        throw new AppError(
          "not_found",
          404,
          "That step was not found.",
          `nextSteps.${index}.stepId`,
        );
      }
      return { stepId: entry.stepId, text: title };
    });
    const row: PlanReviewTable = {
      member_id: memberId,
      id: newId(),
      review_date: memberDay(now, member.time_zone),
      created_at: now.toISOString(),
      went_well: body.wentWell ?? "",
      was_hard: body.wasHard ?? "",
      next_steps: JSON.stringify(nextSteps),
    };
    await motivationQueries.insertPlanReview(trx, row);
    return reviewView(row);
  });
}

const REVIEWS_SHOWN = 100;

/** The reviews, newest first, and when the next one is due (Today shows it). */
export async function listPlanReviews(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
): Promise<{ reviews: PlanReview[]; nextDueOn: string | null; due: boolean }> {
  await authorizePlanRead(db, actor, memberId, "weekly plan checks");
  const member = await requireMember(db, memberId);
  const rows = await motivationQueries.listPlanReviews(db, memberId, REVIEWS_SHOWN);
  const lastReviewDate = rows[0]?.review_date ?? null;
  const planBegan = await queries.firstPlanEventAt(db, memberId);
  const planStartedOn = planBegan ? memberDay(planBegan, member.time_zone) : null;
  return {
    reviews: rows.map(reviewView),
    nextDueOn: nextPlanReviewDate(lastReviewDate, planStartedOn),
    due: planReviewDue(lastReviewDate, memberDay(now, member.time_zone), planStartedOn),
  };
}
