import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * Lessons (issue 18). Where a member is in each lesson they opened (`lesson_progress`), the
 * lessons they finished (`lesson_completions`: one row per member and lesson, the plain record
 * other features such as clinic rewards may read as "lesson completed"), and the lessons a
 * clinician suggested (`lesson_assignments`). Member id first in every key (Citus-ready); the
 * lesson ids are the catalog's (src/domain/lessons/catalog.ts), not a table of their own.
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("lesson_progress")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("lesson_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("furthest", "integer", (c) => c.notNull())
    // 1 once the member has chosen the right answer (a wrong one before it is kept as attempts).
    .addColumn("answered_correctly", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_answer", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("plan_step_id", "text")
    .addColumn("started_at", instant, (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("lesson_progress_pk", ["member_id", "lesson_id"])
    .execute();
  await db.schema
    .createTable("lesson_completions")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("lesson_id", "text", (c) => c.notNull())
    .addColumn("completed_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("lesson_completions_pk", ["member_id", "lesson_id"])
    .execute();
  await db.schema
    .createTable("lesson_assignments")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("lesson_id", "text", (c) => c.notNull())
    .addColumn("assigned_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("assigned_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("lesson_assignments_pk", ["member_id", "lesson_id"])
    .execute();
}
