// The intake: a few skippable answers become a starter plan the member then makes their own.
// Answers are kept in recovery_profiles, which progress (issue 4) also reads.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Plan, SubmitIntakeBody } from "../../../domain/api/plan";
import {
  buildStarterPlan,
  type IntakeAnswers,
  intakeAnswersSchema,
  normalizeTreatment,
  type StarterPlan,
} from "../../../domain/intake";
import { planText } from "../../../domain/plan-catalog/catalog";
import type { Database } from "../../db/schema";
import { AppError } from "../../errors";
import type { Actor } from "../../security/session";
import {
  authorizePlanWrite,
  inTransaction,
  memberDay,
  requireMember,
  type WriteOptions,
} from "./access";
import { addReasonIfNew } from "./motivation-service";
import * as queries from "./queries";
import { editableGoal, editableStep, loadPlan } from "./views";

/**
 * Saves the answers and adds the starter plan they call for. Sent again later, the answers
 * given replace the old ones (skipped questions keep theirs) and only suggestions never made
 * before are added: nothing the person edited or deleted is touched or brought back.
 */
export async function submitIntake(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: SubmitIntakeBody,
  { run = inTransaction(db), now = new Date(), newId = randomUUID }: WriteOptions = {},
): Promise<Plan> {
  await authorizePlanWrite(db, actor, memberId, "recovery plan intake");
  return run(async (trx) => {
    const member = await requireMember(trx, memberId);
    if (body.recoveryStart && body.recoveryStart > memberDay(now, member.time_zone)) {
      throw new AppError(
        "validation_error",
        400,
        'Check "recoveryStart": the recovery start date cannot be in the future.',
        "recoveryStart",
      );
    }
    const previous = await queries.getRecoveryProfile(trx, memberId);
    const previousAnswers = previous ? storedAnswers(previous.intake_answers) : null;
    const answers: IntakeAnswers = { ...previousAnswers, ...definedOnly(body) };
    const treatment = normalizeTreatment(answers.treatment);
    await queries.saveRecoveryProfile(trx, {
      memberId,
      recoveryStart: answers.recoveryStart ?? null,
      costPerDay: answers.costPerDay ?? null,
      stage: answers.stage ?? null,
      treatment,
      answers,
      now,
    });
    await queries.appendPlanEvent(trx, {
      memberId,
      actorId: actor.userId,
      at: now,
      entity: "intake",
      entityId: memberId,
      action: previous ? "updated" : "created",
      before: previousAnswers,
      after: answers,
    });
    await addStarterPlan(trx, buildStarterPlan(answers), {
      memberId,
      actorId: actor.userId,
      locale: member.locale,
      now,
      newId,
    });
    if (body.whatMattersMost) {
      await addReasonIfNew(trx, memberId, actor.userId, body.whatMattersMost, now);
    }
    return loadPlan(trx, memberId);
  });
}

export interface StarterContext {
  memberId: string;
  actorId: string;
  locale: string;
  now: Date;
  newId: () => string;
}

/**
 * Writes a starter plan's goals and steps in the member's language, each keeping the key it
 * came from. Suggestions made before (still there, or since deleted) are skipped.
 */
export async function addStarterPlan(
  db: Kysely<Database>,
  starter: StarterPlan,
  { memberId, actorId, locale, now, newId }: StarterContext,
): Promise<void> {
  const madeBefore = await suggestionsEverMade(db, memberId);
  const goals = await queries.listGoals(db, memberId);
  const at = now.toISOString();
  const record = (entity: "goal" | "step", entityId: string, after: Record<string, unknown>) =>
    queries.appendPlanEvent(db, {
      memberId,
      actorId,
      at: now,
      entity,
      entityId,
      action: "created",
      before: null,
      after,
    });
  for (const { domain, goals: starterGoals } of starter.domains) {
    let goalPosition = await queries.nextGoalPosition(db, memberId, domain);
    for (const goal of starterGoals) {
      let goalId = goals.find((existing) => existing.template_key === goal.templateKey)?.id;
      if (!goalId) {
        if (madeBefore.has(goal.templateKey)) continue;
        const row = {
          member_id: memberId,
          id: newId(),
          domain,
          title: planText(locale, goal.templateKey),
          why: planText(locale, goal.whyKey),
          target_date: null,
          status: "active",
          position: goalPosition++,
          template_key: goal.templateKey,
          created_at: at,
          updated_at: at,
        };
        await queries.insertGoal(db, row);
        await record("goal", row.id, { ...editableGoal(row), templateKey: goal.templateKey });
        goalId = row.id;
      }
      let stepPosition = await queries.nextStepPosition(db, memberId, goalId);
      for (const step of goal.steps) {
        if (madeBefore.has(step.templateKey)) continue;
        const row = {
          member_id: memberId,
          id: newId(),
          goal_id: goalId,
          title: planText(locale, step.templateKey),
          status: "todo",
          due_date: null,
          helper: step.helper,
          note: "",
          position: stepPosition++,
          template_key: step.templateKey,
          completed_at: null,
          created_at: at,
          updated_at: at,
        };
        await queries.insertStep(db, row);
        await record("step", row.id, { ...editableStep(row), templateKey: step.templateKey });
      }
    }
  }
}

/** Catalog keys of every goal and step ever suggested to this member, from the history. */
async function suggestionsEverMade(db: Kysely<Database>, memberId: string): Promise<Set<string>> {
  const made = new Set<string>();
  for (const event of await queries.listCreationEvents(db, memberId)) {
    const key = (JSON.parse(event.change) as { after?: { templateKey?: unknown } }).after
      ?.templateKey;
    if (typeof key === "string") made.add(key);
  }
  return made;
}

function storedAnswers(stored: string): IntakeAnswers {
  const parsed = intakeAnswersSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : {};
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}
