// Staff side of contingency management: a clinician with a live "rewards" grant sets targets
// for a member and records each occasion as met or missed; points follow the schedule.
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type {
  CreateTargetRequest,
  RecordOccasionRequest,
  Target,
} from "../../../../domain/api/rewards";
import { addLocalDays, localDayOf } from "../../../../domain/local-day";
import { signedPoints } from "../../../../domain/rewards/ledger";
import { earningFor } from "../../../../domain/rewards/schedule";
import { outcomesOf, standingOccasions } from "../../../../domain/rewards/targets";
import type { Database } from "../../../db/schema";
import { AppError, notFound } from "../../../errors";
import type { IdempotentResult, WriteOnce } from "../../../http/idempotency";
import { organizationsWhere } from "../../../security/organization-roles";
import { authorizeGrantedWrite } from "../../../security/policy";
import type { Actor } from "../../../security/session";
import * as queries from "../queries";
import { occasionView, pointsByOccasion, targetView } from "../views";

/** How far back an occasion may be dated: a late entry, not a rewrite of history. */
const OLDEST_OCCASION_DAYS = 30;

const rewardsWrite = (memberId: string, resource: string) =>
  ({ memberId, category: "rewards", resource, roles: ["clinician"] }) as const;

/**
 * Runs before the body is validated, so anyone without a live "rewards" grant gets the same
 * audited 403 whatever they sent; the member never verifies their own targets.
 */
export async function refuseRewardsWriteWithoutGrant(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  if (actor.userId === memberId) throw notByMember();
  await authorizeGrantedWrite(db, actor, rewardsWrite(memberId, "reward targets"), now);
}

export async function createTarget(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: CreateTargetRequest,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<Target>> {
  return asStaff(db, actor, memberId, "reward target", writeOnce, now, async (trx, record) => {
    const organizationId = await organizationFor(trx, actor, memberId, body.organizationId);
    await record();
    const target = {
      member_id: memberId,
      id: randomUUID(),
      organization_id: organizationId,
      kind: body.kind,
      times_per_week: body.timesPerWeek,
      note: body.note ?? "",
      created_by: actor.userId,
      created_at: now.toISOString(),
      ended_at: null,
    };
    await queries.insertTarget(trx, target);
    const settings = (await queries.settingsOf(trx, [organizationId])).get(organizationId) ?? null;
    return { statusCode: 201, body: targetView(target, [], settings, new Map()) };
  });
}

/** The organization a new target belongs to: one the clinician works in, the member belongs
 * to, and whose admin has set the schedule and cap. */
async function organizationFor(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  requested: string | undefined,
): Promise<string> {
  const candidates = clinicianOrganizations(actor).filter(
    (id) => requested === undefined || id === requested,
  );
  const settings = await queries.settingsOf(db, candidates);
  for (const id of candidates) {
    if (settings.has(id) && (await queries.isMemberOf(db, memberId, id))) return id;
  }
  throw new AppError(
    "rewards_not_set_up",
    409,
    "Rewards are not set up for this person's organization yet: an admin sets the schedule and the yearly limit first.",
  );
}

export async function endTarget(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  targetId: string,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<Target>> {
  return asStaff(db, actor, memberId, "reward target", writeOnce, now, async (trx, record) => {
    await staffTarget(trx, actor, memberId, targetId);
    await record();
    await queries.endTarget(trx, memberId, targetId, now.toISOString());
    return { statusCode: 200, body: await targetAnswer(trx, memberId, targetId) };
  });
}

/**
 * Records one occasion as met or missed. A met occasion earns what the schedule gives for its
 * place in the run, trimmed to the organization's yearly cap; a miss earns nothing and starts
 * the run again. Both, and the points, land in one transaction with the audit event.
 */
export async function recordOccasion(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  targetId: string,
  body: RecordOccasionRequest,
  writeOnce: WriteOnce,
  now = new Date(),
) {
  return asStaff(
    db,
    actor,
    memberId,
    "reward verification",
    writeOnce,
    now,
    async (trx, record) => {
      const target = await staffTarget(trx, actor, memberId, targetId);
      if (target.ended_at !== null) {
        throw new AppError(
          "target_ended",
          409,
          "This target has ended; start a new one to record more.",
        );
      }
      const timeZone = await queries.memberTimeZone(trx, memberId);
      const today = localDayOf(now, timeZone);
      checkDay(body.occurredOn, today);
      const rows = await queries.occasionsOf(trx, memberId, targetId);
      const standing = standingOccasions(toRecords(rows));
      if (standing.some((row) => row.occurredOn === body.occurredOn)) {
        throw new AppError(
          "already_recorded",
          409,
          "This target already has an entry for that day. Correct that one if it was a mistake.",
          "occurredOn",
        );
      }
      const settings = (await queries.settingsOf(trx, [target.organization_id])).get(
        target.organization_id,
      );
      if (!settings) {
        throw new AppError(
          "rewards_not_set_up",
          409,
          "Rewards are not set up for this organization.",
        );
      }
      const ledger = await queries.ledgerOf(trx, memberId, target.organization_id);
      const year = today.slice(0, 4);
      const earnedThisYear = ledger
        .filter((line) => line.local_day.startsWith(year))
        .filter((line) => line.kind === "earned" || line.kind === "earning_corrected")
        .reduce((sum, line) => sum + line.points, 0);
      const earning = earningFor(
        settings,
        // A late entry earns by its place in time: the occasions on the days before it.
        outcomesOf(standing.filter((row) => row.occurredOn < body.occurredOn)),
        body.outcome,
        earnedThisYear,
      );
      await record();
      const occasion = {
        member_id: memberId,
        id: randomUUID(),
        target_id: targetId,
        occurred_on: body.occurredOn,
        outcome: body.outcome,
        corrects_id: null,
        recorded_by: actor.userId,
        recorded_at: now.toISOString(),
      };
      await queries.insertOccasion(trx, occasion);
      if (body.outcome === "met") {
        await queries.appendLedgerLine(trx, {
          member_id: memberId,
          organization_id: target.organization_id,
          kind: "earned",
          points: signedPoints("earned", earning.awarded),
          withheld: earning.withheld,
          local_day: today,
          occasion_id: occasion.id,
          actor_id: actor.userId,
          created_at: now.toISOString(),
        });
      }
      const [saved] = (await queries.occasionsOf(trx, memberId, targetId)).filter(
        (row) => row.id === occasion.id,
      );
      if (!saved) throw notFound("That occasion");
      return {
        statusCode: 201,
        body: {
          occasion: occasionView(saved, [saved], earning.awarded),
          reason: earning.reason,
          withheld: earning.withheld,
        },
      };
    },
  );
}

/**
 * "Entered by mistake": a correction row takes the occasion back and, when it earned a line, a
 * reversing line takes its points back. Nothing is changed or removed; later occasions keep
 * the points they were given, and the next one counts from the occasions still standing.
 */
export async function correctOccasion(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  occasionId: string,
  writeOnce: WriteOnce,
  now = new Date(),
) {
  const resource = "reward verification correction";
  return asStaff(db, actor, memberId, resource, writeOnce, now, async (trx, record) => {
    const rows = await queries.occasionsOf(trx, memberId);
    const occasion = rows.find((row) => row.id === occasionId && row.outcome !== "correction");
    if (!occasion) throw notFound("That occasion");
    const target = await staffTarget(trx, actor, memberId, occasion.target_id);
    if (rows.some((row) => row.corrects_id === occasionId)) {
      throw new AppError("already_corrected", 409, "That entry was already corrected.");
    }
    await record();
    await queries.insertOccasion(trx, {
      member_id: memberId,
      id: randomUUID(),
      target_id: occasion.target_id,
      occurred_on: occasion.occurred_on,
      outcome: "correction",
      corrects_id: occasionId,
      recorded_by: actor.userId,
      recorded_at: now.toISOString(),
    });
    const ledger = await queries.ledgerOf(trx, memberId, target.organization_id);
    const earned = ledger.find((line) => line.kind === "earned" && line.occasion_id === occasionId);
    if (earned) {
      await queries.appendLedgerLine(trx, {
        member_id: memberId,
        organization_id: target.organization_id,
        kind: "earning_corrected",
        points: signedPoints("earning_corrected", earned.points),
        // Counted against the year the points were earned in, so the cap stays true.
        local_day: earned.local_day,
        occasion_id: occasionId,
        reverses_id: earned.id,
        actor_id: actor.userId,
        created_at: now.toISOString(),
      });
    }
    return { statusCode: 201, body: await targetAnswer(trx, memberId, target.id) };
  });
}

/**
 * A staff write into the member's record: allowed under a live "rewards" grant to a clinician
 * of one of the member's organizations (refusals audited by the policy), run once per
 * Idempotency-Key with the member held, and audited by `record` in the same transaction.
 */
async function asStaff<T>(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  resource: string,
  writeOnce: WriteOnce,
  now: Date,
  work: (trx: Transaction<Database>, record: () => Promise<void>) => Promise<IdempotentResult<T>>,
): Promise<IdempotentResult<T>> {
  if (actor.userId === memberId) throw notByMember();
  const write = await authorizeGrantedWrite(db, actor, rewardsWrite(memberId, resource), now);
  return writeOnce(async (trx) => {
    await queries.holdMember(trx, memberId);
    return work(trx, () => write.record(trx));
  });
}

/** The target, if the acting clinician works in its organization (404 otherwise). */
async function staffTarget(
  trx: Transaction<Database>,
  actor: Actor,
  memberId: string,
  targetId: string,
) {
  const target = await queries.findTarget(trx, memberId, targetId);
  if (!target || !clinicianOrganizations(actor).includes(target.organization_id)) {
    throw notFound("That target");
  }
  return target;
}

async function targetAnswer(trx: Transaction<Database>, memberId: string, targetId: string) {
  const target = await queries.findTarget(trx, memberId, targetId);
  if (!target) throw notFound("That target");
  const [rows, ledger, settings] = await Promise.all([
    queries.occasionsOf(trx, memberId, targetId),
    queries.ledgerOf(trx, memberId, target.organization_id),
    queries.settingsOf(trx, [target.organization_id]),
  ]);
  return targetView(
    target,
    rows,
    settings.get(target.organization_id) ?? null,
    pointsByOccasion(ledger),
  );
}

function checkDay(day: string, today: string) {
  if (day > today) {
    throw new AppError("future_day", 422, "That day has not come yet.", "occurredOn");
  }
  if (day < addLocalDays(today, -OLDEST_OCCASION_DAYS)) {
    throw new AppError(
      "day_too_old",
      422,
      `Occasions can be recorded up to ${OLDEST_OCCASION_DAYS} days back.`,
      "occurredOn",
    );
  }
}

function toRecords(rows: Awaited<ReturnType<typeof queries.occasionsOf>>) {
  return rows.map((row) => ({
    id: row.id,
    outcome: row.outcome,
    correctsId: row.corrects_id,
    occurredOn: row.occurred_on,
  }));
}

function clinicianOrganizations(actor: Actor): string[] {
  return organizationsWhere(actor, ["clinician"]);
}

const notByMember = () =>
  new AppError("not_staff", 403, "Your care team verifies targets; points come from them.");
