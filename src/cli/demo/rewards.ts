import type { Kysely } from "kysely";
import { addLocalDays, localDayOf } from "../../domain/local-day";
import { PUBLISHED_SCHEDULE_PROPORTIONS } from "../../domain/rewards/schedule";
import type { Database } from "../../server/db/schema";
import {
  createCatalogueReward,
  updateRewardSettings,
} from "../../server/features/rewards/organization/service";
import { createTarget, recordOccasion } from "../../server/features/rewards/verification/service";
import { writeOnceIn } from "../../server/http/idempotency";
import { actorFor } from "../../server/security/session";

/**
 * The demo clinic runs rewards: the admin set the published schedule's proportions and a
 * yearly limit, and listed three rewards; Sam verifies Alex's visits twice a week (one missed
 * three weeks ago, so the run restarted). Runs once: a member who has targets is left alone.
 */
const ZONE = "America/New_York";

export async function seedRewardsDemo(
  db: Kysely<Database>,
  organizationId: string,
  alexId: string,
  clinicianId: string,
  adminId: string,
  now: Date,
) {
  const existing = await db
    .selectFrom("reward_targets")
    .select("id")
    .where("member_id", "=", alexId)
    .executeTakeFirst();
  if (existing) return;
  const admin = await actorFor(db, adminId, "demo");
  const clinician = await actorFor(db, clinicianId, "demo");
  await updateRewardSettings(
    db,
    admin,
    organizationId,
    { schedule: PUBLISHED_SCHEDULE_PROPORTIONS, yearlyCapPoints: 3000 },
    now,
  );
  for (const reward of [
    {
      name: "Weekly bus pass",
      description: "For getting to the clinic and to work",
      pointsCost: 150,
    },
    { name: "Grocery voucher", description: "At the market on Fifth Street", pointsCost: 200 },
    { name: "Movie tickets for two", pointsCost: 120 },
  ]) {
    await createCatalogueReward(db, admin, organizationId, reward, now);
  }
  const target = await createTarget(
    db,
    clinician,
    alexId,
    { kind: "attended_visit", timesPerWeek: 2, note: "Tuesdays and Fridays at the clinic" },
    writeOnceIn(db),
    now,
  );
  const today = localDayOf(now, ZONE);
  // Twice a week for four weeks, the fifth visit missed.
  const visits = [27, 24, 20, 17, 13, 10, 6, 3];
  for (const [index, daysAgo] of visits.entries()) {
    await recordOccasion(
      db,
      clinician,
      alexId,
      target.body.id,
      { occurredOn: addLocalDays(today, -daysAgo), outcome: index === 4 ? "missed" : "met" },
      writeOnceIn(db),
      now,
    );
  }
}
