import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/** The recovery plan: intake profile, goals, steps, their history, motivation, readiness, reviews. */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("recovery_profiles")
    .addColumn("member_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("recovery_start", "text")
    .addColumn("cost_per_day", "double precision")
    .addColumn("stage", "text")
    .addColumn("treatment", "text", (c) => c.notNull())
    .addColumn("intake_answers", "text", (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("plan_goals")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("domain", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("why", "text", (c) => c.notNull())
    .addColumn("target_date", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("template_key", "text")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_goals_pk", ["member_id", "id"])
    .execute();

  await db.schema
    .createTable("plan_steps")
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("goal_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("helper", "text")
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("template_key", "text")
    .addColumn("completed_at", instant)
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_steps_pk", ["member_id", "id"])
    // A step cannot outlive its goal, nor belong to another member's goal.
    .addForeignKeyConstraint("plan_steps_goal_fk", ["member_id", "goal_id"], "plan_goals", [
      "member_id",
      "id",
    ])
    .execute();
  await db.schema
    .createIndex("plan_steps_goal")
    .on("plan_steps")
    .columns(["member_id", "goal_id"])
    .execute();

  await db.schema
    .createTable("plan_events")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("at", instant, (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("change", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_events_pk", ["member_id", "seq"])
    .execute();

  await db.schema
    .createTable("plan_heads")
    .addColumn("member_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("event_seq", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("motivations")
    .addColumn("member_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("document", "text", (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("readiness_ratings")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("recorded_at", instant, (c) => c.notNull())
    .addColumn("importance", "integer", (c) => c.notNull())
    .addColumn("confidence", "integer", (c) => c.notNull())
    .addColumn("readiness", "integer", (c) => c.notNull())
    .addColumn("note", "text")
    .addPrimaryKeyConstraint("readiness_ratings_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createIndex("readiness_ratings_member_time")
    .on("readiness_ratings")
    .columns(["member_id", "recorded_at"])
    .execute();

  await db.schema
    .createTable("plan_reviews")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("review_date", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("went_well", "text", (c) => c.notNull())
    .addColumn("was_hard", "text", (c) => c.notNull())
    .addColumn("next_steps", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_reviews_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createIndex("plan_reviews_member_date")
    .on("plan_reviews")
    .columns(["member_id", "review_date"])
    .execute();
}
