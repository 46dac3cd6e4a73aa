import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * "Remind me before this meeting" (issue 8): a saved meeting may carry a lead in minutes, and
 * the start it was last reminded of, so each start is sent once even with several servers.
 * Unsaving deletes the row, and the reminder with it.
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .alterTable("saved_meetings")
    .addColumn("remind_before_minutes", "integer")
    .execute();
  await db.schema.alterTable("saved_meetings").addColumn("reminded_for", instant).execute();
}
