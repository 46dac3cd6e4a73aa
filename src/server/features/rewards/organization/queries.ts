import type { Kysely } from "kysely";
import type { RewardSettings } from "../../../../domain/rewards/schedule";
import type { Database } from "../../../db/schema";
import type { RewardCatalogueTable } from "../../../db/tables/rewards";

export function organizationsNamed(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("organizations")
    .select(["id", "name"])
    .where("id", "in", ids)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function catalogueOf(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("reward_catalogue")
    .selectAll()
    .where("organization_id", "in", ids)
    .orderBy("points_cost")
    .orderBy("name")
    .execute();
}

/** One row per organization: the schedule as last saved (its ledger lines keep what they earned). */
export async function saveSettings(
  db: Kysely<Database>,
  organizationId: string,
  settings: RewardSettings,
  userId: string,
  at: string,
) {
  const values = {
    start_points: settings.schedule.startPoints,
    step_points: settings.schedule.stepPoints,
    max_points_per_occasion: settings.schedule.maxPointsPerOccasion,
    bonus_every: settings.schedule.bonusEvery,
    bonus_points: settings.schedule.bonusPoints,
    yearly_cap_points: settings.yearlyCapPoints,
    updated_by: userId,
    updated_at: at,
  };
  await db
    .insertInto("reward_settings")
    .values({ organization_id: organizationId, ...values })
    .onConflict((oc) => oc.column("organization_id").doUpdateSet(values))
    .execute();
}

export async function insertCatalogueReward(db: Kysely<Database>, row: RewardCatalogueTable) {
  await db.insertInto("reward_catalogue").values(row).execute();
}

export async function updateCatalogueReward(
  db: Kysely<Database>,
  organizationId: string,
  rewardId: string,
  values: Pick<
    RewardCatalogueTable,
    "name" | "description" | "points_cost" | "active" | "updated_at"
  >,
) {
  const result = await db
    .updateTable("reward_catalogue")
    .set(values)
    .where("organization_id", "=", organizationId)
    .where("id", "=", rewardId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
