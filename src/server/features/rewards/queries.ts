import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { RewardSettings } from "../../../domain/rewards/schedule";
import type { Database } from "../../db/schema";
import type {
  RewardLedgerTable,
  RewardOccasionTable,
  RewardSettingsTable,
  RewardTargetTable,
} from "../../db/tables/rewards";

// The ledger and occasions only ever grow: this file inserts and reads them, nothing else.
type Db = Kysely<Database> | Transaction<Database>;

/**
 * Holds the member's row for the rest of the transaction, so two writes to one member's
 * ledger (two taps, two staff) run one after the other and each sees the other's lines.
 */
export async function holdMember(trx: Transaction<Database>, memberId: string): Promise<void> {
  await trx
    .updateTable("users")
    .set((eb) => ({ id: eb.ref("id") }))
    .where("id", "=", memberId)
    .execute();
}

export async function memberTimeZone(db: Db, memberId: string): Promise<string> {
  const row = await db
    .selectFrom("users")
    .select("time_zone")
    .where("id", "=", memberId)
    .executeTakeFirst();
  return row?.time_zone ?? "UTC";
}

export function settingsFromRow(row: RewardSettingsTable): RewardSettings {
  return {
    schedule: {
      startPoints: row.start_points,
      stepPoints: row.step_points,
      maxPointsPerOccasion: row.max_points_per_occasion,
      bonusEvery: row.bonus_every,
      bonusPoints: row.bonus_points,
    },
    yearlyCapPoints: row.yearly_cap_points,
  };
}

export async function settingsOf(db: Db, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return new Map<string, RewardSettings>();
  const rows = await db
    .selectFrom("reward_settings")
    .selectAll()
    .where("organization_id", "in", organizationIds)
    .execute();
  return new Map(rows.map((row) => [row.organization_id, settingsFromRow(row)]));
}

/**
 * The organizations a member's rewards live in: those with a schedule set that the member
 * belongs to, and any their targets or ledger name (kept after they leave, for the record).
 */
export async function programOrganizations(db: Db, memberId: string) {
  const joined = db
    .selectFrom("memberships as m")
    .innerJoin("reward_settings as s", "s.organization_id", "m.organization_id")
    .select("m.organization_id as id")
    .where("m.user_id", "=", memberId);
  const targeted = db
    .selectFrom("reward_targets")
    .select("organization_id as id")
    .where("member_id", "=", memberId);
  const ledgered = db
    .selectFrom("reward_ledger")
    .select("organization_id as id")
    .where("member_id", "=", memberId);
  const ids = await joined.union(targeted).union(ledgered).execute();
  if (ids.length === 0) return [];
  return db
    .selectFrom("organizations")
    .select(["id", "name"])
    .where(
      "id",
      "in",
      ids.map((row) => row.id),
    )
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function targetsOf(db: Db, memberId: string) {
  return db
    .selectFrom("reward_targets")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function findTarget(db: Db, memberId: string, targetId: string) {
  return db
    .selectFrom("reward_targets")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("id", "=", targetId)
    .executeTakeFirst();
}

export async function insertTarget(trx: Db, row: RewardTargetTable) {
  await trx.insertInto("reward_targets").values(row).execute();
}

/** Ending a target is a change to the target, not to any record of what was earned. */
export async function endTarget(trx: Db, memberId: string, targetId: string, at: string) {
  const result = await trx
    .updateTable("reward_targets")
    .set({ ended_at: at })
    .where("member_id", "=", memberId)
    .where("id", "=", targetId)
    .where("ended_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Every occasion row (corrections too) in the order the run counts them — by the day it
 * happened, then when it was recorded — with who recorded it.
 */
export function occasionsOf(db: Db, memberId: string, targetId?: string) {
  let query = db
    .selectFrom("reward_occasions as o")
    .innerJoin("users as u", "u.id", "o.recorded_by")
    .select([
      "o.id",
      "o.target_id",
      "o.occurred_on",
      "o.outcome",
      "o.corrects_id",
      "o.recorded_by",
      "o.recorded_at",
      "u.display_name",
    ])
    .where("o.member_id", "=", memberId);
  if (targetId !== undefined) query = query.where("o.target_id", "=", targetId);
  return query.orderBy("o.occurred_on").orderBy("o.recorded_at").orderBy("o.id").execute();
}

export async function insertOccasion(trx: Db, row: RewardOccasionTable) {
  await trx.insertInto("reward_occasions").values(row).execute();
}

export function ledgerOf(db: Db, memberId: string, organizationId?: string) {
  let query = db.selectFrom("reward_ledger").selectAll().where("member_id", "=", memberId);
  if (organizationId !== undefined) query = query.where("organization_id", "=", organizationId);
  return query.orderBy("position").execute();
}

export function findLedgerLine(db: Db, memberId: string, lineId: string) {
  return db
    .selectFrom("reward_ledger")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("id", "=", lineId)
    .executeTakeFirst();
}

type LineFields = Pick<
  RewardLedgerTable,
  "member_id" | "organization_id" | "kind" | "points" | "local_day" | "actor_id" | "created_at"
> &
  Partial<
    Pick<
      RewardLedgerTable,
      "withheld" | "occasion_id" | "reward_id" | "reward_name" | "reverses_id"
    >
  >;

/** Appends a line at the member's next position; call with the member held. */
export async function appendLedgerLine(
  trx: Transaction<Database>,
  fields: LineFields,
): Promise<RewardLedgerTable> {
  const last = await trx
    .selectFrom("reward_ledger")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("member_id", "=", fields.member_id)
    .executeTakeFirst();
  const row: RewardLedgerTable = {
    withheld: 0,
    occasion_id: null,
    reward_id: null,
    reward_name: null,
    reverses_id: null,
    ...fields,
    id: randomUUID(),
    position: Number(last?.position ?? 0) + 1,
  };
  await trx.insertInto("reward_ledger").values(row).execute();
  return row;
}

export function activeCatalogue(db: Db, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("reward_catalogue")
    .selectAll()
    .where("organization_id", "in", organizationIds)
    .where("active", "=", 1)
    .orderBy("points_cost")
    .orderBy("name")
    .execute();
}

export function findCatalogueReward(db: Db, rewardId: string) {
  return db
    .selectFrom("reward_catalogue")
    .selectAll()
    .where("id", "=", rewardId)
    .executeTakeFirst();
}

export async function isMemberOf(db: Db, userId: string, organizationId: string) {
  const row = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("user_id", "=", userId)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
  return row !== undefined;
}
