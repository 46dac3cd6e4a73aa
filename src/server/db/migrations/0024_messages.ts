import type { Kysely } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * Messages (issue 17): one thread per member and person they share "messages" with. The
 * thread row holds the last message number and how far each side has read (read receipts and
 * unread counts without a row per reader); each message is numbered in its thread, so the
 * update that takes the next number also queues two sends at the same instant. Member id first
 * in every key (Citus-ready). The send counter is per sender and per 10-minute window, in the
 * database so every server process counts against the same limit; it holds no words.
 */
export async function up(db: Kysely<unknown>, { instant }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("message_threads")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("last_seq", "integer", (c) => c.notNull())
    .addColumn("member_read_seq", "integer", (c) => c.notNull())
    .addColumn("person_read_seq", "integer", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("last_message_at", instant)
    .addPrimaryKeyConstraint("message_threads_pk", ["member_id", "person_id"])
    .execute();
  // "My threads" for the person's side (a clinician's unread counts on the caseload).
  await db.schema
    .createIndex("message_threads_person")
    .on("message_threads")
    .columns(["person_id", "member_id"])
    .execute();
  await db.schema
    .createTable("messages")
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("sender_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("messages_pk", ["member_id", "person_id", "seq"])
    .addForeignKeyConstraint("messages_thread_fk", ["member_id", "person_id"], "message_threads", [
      "member_id",
      "person_id",
    ])
    .execute();
  await db.schema
    .createTable("message_send_windows")
    // user_id, like every table keyed by a person: account export and deletion find it so.
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("window_start", instant, (c) => c.notNull())
    .addColumn("sent", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("message_send_windows_pk", ["user_id", "window_start"])
    .execute();
}
