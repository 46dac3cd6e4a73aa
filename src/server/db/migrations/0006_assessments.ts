import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * Assessments (issue 5): every response to an instrument with its id and version, answers and
 * score as JSON, and withdrawal episodes (last use time and opioid type) that SOWS and COWS
 * ratings belong to. Both tables are keyed by member_id first (Citus-ready).
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("withdrawal_episodes")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("opioid_type", "text", (c) => c.notNull())
    .addColumn("last_use_at", instant, (c) => c.notNull())
    .addColumn("started_at", instant, (c) => c.notNull())
    .addColumn("ended_at", instant)
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("withdrawal_episodes_pk", ["member_id", "id"])
    .execute();

  await db.schema
    .createTable("assessment_responses")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("instrument_id", "text", (c) => c.notNull())
    .addColumn("instrument_version", "text", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("score", "text", (c) => c.notNull())
    .addColumn("at", instant, (c) => c.notNull())
    .addColumn("entered_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("episode_id", "text")
    .addColumn("hours_since_last_use", "double precision")
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("assessment_responses_pk", ["member_id", "id"])
    .addForeignKeyConstraint(
      "assessment_responses_episode_fk",
      ["member_id", "episode_id"],
      "withdrawal_episodes",
      ["member_id", "id"],
    )
    .execute();
  await db.schema
    .createIndex("assessment_responses_member_instrument_at")
    .on("assessment_responses")
    .columns(["member_id", "instrument_id", "at"])
    .execute();
}
