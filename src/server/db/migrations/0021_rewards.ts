import { type Kysely, sql } from "kysely";
import type { MigrationContext } from "../migrate";

/**
 * Contingency management (issue 18, part 2). Per organization: the escalation schedule and the
 * yearly cap (`reward_settings`) and the rewards the clinic lists (`reward_catalogue`). Per
 * member (member_id first in every key, Citus-ready): the targets a clinician set
 * (`reward_targets`), each verified occasion (`reward_occasions`) and the points ledger
 * (`reward_ledger`). Occasions and the ledger are append-only — a mistake is put right by a new
 * row — and the database itself refuses an UPDATE or DELETE on them, on both dialects.
 */
export async function up(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  const { instant } = context;
  await db.schema
    .createTable("reward_settings")
    .addColumn("organization_id", "text", (c) => c.primaryKey().references("organizations.id"))
    .addColumn("start_points", "integer", (c) => c.notNull())
    .addColumn("step_points", "integer", (c) => c.notNull())
    .addColumn("max_points_per_occasion", "integer")
    .addColumn("bonus_every", "integer")
    .addColumn("bonus_points", "integer", (c) => c.notNull())
    .addColumn("yearly_cap_points", "integer", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("updated_at", instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("reward_catalogue")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("points_cost", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("updated_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("reward_catalogue_pk", ["organization_id", "id"])
    .execute();
  await db.schema
    .createTable("reward_targets")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("times_per_week", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", instant, (c) => c.notNull())
    .addColumn("ended_at", instant)
    .addPrimaryKeyConstraint("reward_targets_pk", ["member_id", "id"])
    .execute();
  await db.schema
    .createTable("reward_occasions")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("occurred_on", "text", (c) => c.notNull())
    // met | missed, or "correction" for a row that takes back the occasion `corrects_id`.
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("corrects_id", "text")
    .addColumn("recorded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("recorded_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("reward_occasions_pk", ["member_id", "id"])
    .addForeignKeyConstraint(
      "reward_occasions_target_fk",
      ["member_id", "target_id"],
      "reward_targets",
      ["member_id", "id"],
    )
    .execute();
  await db.schema
    .createIndex("reward_occasions_target")
    .on("reward_occasions")
    .columns(["member_id", "target_id", "recorded_at"])
    .execute();
  await db.schema
    .createTable("reward_ledger")
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    // 1, 2, 3… per member: the ledger's order, never two lines at the same place.
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("points", "integer", (c) => c.notNull())
    .addColumn("withheld", "integer", (c) => c.notNull())
    // The member's local day when the line was written; the yearly cap counts by it.
    .addColumn("local_day", "text", (c) => c.notNull())
    .addColumn("occasion_id", "text")
    .addColumn("reward_id", "text")
    .addColumn("reward_name", "text")
    .addColumn("reverses_id", "text")
    .addColumn("actor_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("reward_ledger_pk", ["member_id", "id"])
    .addUniqueConstraint("reward_ledger_position", ["member_id", "position"])
    .execute();
  // A line is reversed at most once: a second correction or undo of the same line fails here.
  await db.schema
    .createIndex("reward_ledger_reverses")
    .on("reward_ledger")
    .columns(["member_id", "reverses_id"])
    .unique()
    .where(sql.ref("reverses_id"), "is not", null)
    .execute();
  await db.schema
    .createIndex("reward_occasions_corrects")
    .on("reward_occasions")
    .columns(["member_id", "corrects_id"])
    .unique()
    .where(sql.ref("corrects_id"), "is not", null)
    .execute();
  for (const table of ["reward_ledger", "reward_occasions"]) {
    await refuseChanges(db, context, table);
  }
}

/**
 * The database refuses to change or remove a row: the table only grows. One exception: when a
 * member deleted their account (a row in account_deletions, migration 0020), the purge removes
 * their rows with everything else of theirs; nothing else in the app deletes here.
 */
async function refuseChanges(db: Kysely<unknown>, { dialect }: MigrationContext, table: string) {
  if (dialect === "postgres") {
    await sql`
      create or replace function waymark_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and exists (
          select 1 from account_deletions where member_id = old.member_id
        ) then
          return old;
        end if;
        raise exception 'append-only table: % is never changed or removed', tg_table_name;
      end $$`.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function waymark_append_only()`.execute(db);
    return;
  }
  await sql`
    create trigger ${sql.id(`${table}_no_update`)} before update on ${sql.table(table)}
    begin select raise(abort, 'append-only table: never changed or removed'); end`.execute(db);
  await sql`
    create trigger ${sql.id(`${table}_no_delete`)} before delete on ${sql.table(table)}
    when not exists (select 1 from account_deletions where member_id = old.member_id)
    begin select raise(abort, 'append-only table: never changed or removed'); end`.execute(db);
}
