import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { PlanReviewTable, ReadinessRatingTable } from "../../db/tables/plan";

/** SQL for the motivation document, readiness ratings and weekly plan reviews. */

type Db = Kysely<Database>;

export function findMotivation(db: Db, memberId: string) {
  return db
    .selectFrom("motivations")
    .select(["document", "updated_at"])
    .where("member_id", "=", memberId)
    .executeTakeFirst();
}

export async function saveMotivation(
  db: Db,
  memberId: string,
  document: unknown,
  now: Date,
): Promise<void> {
  const values = { document: JSON.stringify(document), updated_at: now.toISOString() };
  await db
    .insertInto("motivations")
    .values({ member_id: memberId, ...values })
    .onConflict((oc) => oc.column("member_id").doUpdateSet(values))
    .execute();
}

export async function insertReadinessRating(db: Db, rating: ReadinessRatingTable): Promise<void> {
  await db.insertInto("readiness_ratings").values(rating).execute();
}

/** Oldest first, so each rating's stage can be worked out from the ones before it. */
export function listReadinessRatings(db: Db, memberId: string) {
  return db
    .selectFrom("readiness_ratings")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("recorded_at")
    .orderBy("id")
    .execute();
}

/**
 * Days on which the member recorded use, from a check-in that said so or a recorded use, since
 * a day: the readiness stage never says "maintenance" while use was recorded recently.
 */
export async function listUseDaysSince(db: Db, memberId: string, from: string) {
  const [checkins, uses] = await Promise.all([
    db
      .selectFrom("checkins")
      .select("local_day")
      .where("member_id", "=", memberId)
      .where("used", "=", 1)
      .where("local_day", ">=", from)
      .execute(),
    db
      .selectFrom("use_events")
      .select("local_day")
      .where("member_id", "=", memberId)
      .where("local_day", ">=", from)
      .execute(),
  ]);
  return [...new Set([...checkins, ...uses].map((row) => row.local_day))];
}

export async function insertPlanReview(db: Db, review: PlanReviewTable): Promise<void> {
  await db.insertInto("plan_reviews").values(review).execute();
}

/** Newest first. */
export function listPlanReviews(db: Db, memberId: string, limit: number) {
  return db
    .selectFrom("plan_reviews")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("review_date", "desc")
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}
