// The member's side of the ledger: spending points on a reward the clinic lists, and taking a
// redemption back within a few minutes. Only the member redeems; nobody spends for them.
import type { Kysely } from "kysely";
import type { LedgerLine } from "../../../../domain/api/rewards";
import { localDayOf } from "../../../../domain/local-day";
import {
  canRedeem,
  ledgerTotals,
  REDEMPTION_UNDO_MS,
  signedPoints,
} from "../../../../domain/rewards/ledger";
import type { Database } from "../../../db/schema";
import type { RewardLedgerTable } from "../../../db/tables/rewards";
import { AppError, notFound } from "../../../errors";
import type { IdempotentResult, WriteOnce } from "../../../http/idempotency";
import { authorizeMemberAccess } from "../../../security/policy";
import type { Actor } from "../../../security/session";
import * as queries from "../queries";
import { ledgerLineView } from "../views";

// The policy lets the member write their own record and refuses (and records) anyone else.
const memberWrite = (memberId: string, resource: string) =>
  ({ memberId, category: "rewards", action: "write", resource }) as const;

export async function redeemReward(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  rewardId: string,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<LedgerLine>> {
  await authorizeMemberAccess(db, actor, memberWrite(memberId, "reward redemption"), now);
  return writeOnce(async (trx) => {
    // Two redemptions at once must not both spend the same points.
    await queries.holdMember(trx, memberId);
    const reward = await queries.findCatalogueReward(trx, rewardId);
    const programs = await queries.programOrganizations(trx, memberId);
    if (
      reward?.active !== 1 ||
      !programs.some((organization) => organization.id === reward.organization_id)
    ) {
      throw notFound("That reward");
    }
    const ledger = await queries.ledgerOf(trx, memberId, reward.organization_id);
    const { balance } = ledgerTotals(ledger);
    if (!canRedeem(balance, reward.points_cost)) {
      throw new AppError(
        "not_enough_points",
        409,
        `This reward takes ${reward.points_cost} points and you have ${Math.max(0, balance)} so far.`,
        "rewardId",
      );
    }
    const line = await queries.appendLedgerLine(trx, {
      member_id: memberId,
      organization_id: reward.organization_id,
      kind: "redeemed",
      points: signedPoints("redeemed", reward.points_cost),
      local_day: localDayOf(now, await queries.memberTimeZone(trx, memberId)),
      reward_id: reward.id,
      reward_name: reward.name,
      actor_id: actor.userId,
      created_at: now.toISOString(),
    });
    return { statusCode: 201, body: lineAnswer(line, now) };
  });
}

/** "Undo": a new line gives the points back; the redemption line itself stays. */
export async function undoRedemption(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  lineId: string,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<LedgerLine>> {
  await authorizeMemberAccess(db, actor, memberWrite(memberId, "reward redemption"), now);
  return writeOnce(async (trx) => {
    await queries.holdMember(trx, memberId);
    const redemption = await queries.findLedgerLine(trx, memberId, lineId);
    if (redemption?.kind !== "redeemed") throw notFound("That redemption");
    const ledger = await queries.ledgerOf(trx, memberId, redemption.organization_id);
    if (ledger.some((line) => line.reverses_id === lineId)) {
      throw new AppError("already_undone", 409, "That redemption was already taken back.");
    }
    if (now.getTime() - Date.parse(redemption.created_at) > REDEMPTION_UNDO_MS) {
      throw new AppError(
        "too_late_to_undo",
        409,
        "It is too late to take this back here; your clinic can help.",
      );
    }
    const line = await queries.appendLedgerLine(trx, {
      member_id: memberId,
      organization_id: redemption.organization_id,
      kind: "redemption_undone",
      points: signedPoints("redemption_undone", redemption.points),
      local_day: localDayOf(now, await queries.memberTimeZone(trx, memberId)),
      reward_id: redemption.reward_id,
      reward_name: redemption.reward_name,
      reverses_id: redemption.id,
      actor_id: actor.userId,
      created_at: now.toISOString(),
    });
    return { statusCode: 201, body: lineAnswer(line, now) };
  });
}

function lineAnswer(line: RewardLedgerTable, now: Date): LedgerLine {
  return ledgerLineView(line, new Map(), new Set(), now);
}
