import { type Kysely, sql, type Transaction } from "kysely";
import { isSecretColumn, KEPT_ON_DELETION, PERSON_COLUMNS } from "../../../domain/account-deletion";
import type { Database } from "../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;
type Row = Record<string, unknown>;

/** Tables that are nobody's record: a cache of answers and per-address counts. */
const NOT_RECORDS = new Set(["idempotency_keys", "rate_limit_hits", "installation_keys"]);

interface PersonTable {
  name: string;
  columns: string[];
}

/**
 * Every table with a column naming a person, found by looking at the schema rather than from a
 * list, so a feature that adds a table is exported and deleted with the rest.
 */
export async function personTables(db: Db): Promise<PersonTable[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((table) => !KEPT_ON_DELETION.has(table.name) && !NOT_RECORDS.has(table.name))
    .map((table) => ({
      name: table.name,
      columns: table.columns
        .map((column) => column.name)
        .filter((name) => (PERSON_COLUMNS as readonly string[]).includes(name)),
    }))
    .filter((table) => table.columns.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A person's rows in one table, without secrets (hashes, push keys). */
export async function rowsOf(db: Db, table: PersonTable, personId: string): Promise<Row[]> {
  const matches = table.columns.map((column) => sql`${sql.ref(column)} = ${personId}`);
  const rows =
    await sql<Row>`select * from ${sql.table(table.name)} where ${sql.join(matches, sql` or `)}`.execute(
      db,
    );
  return rows.rows.map((row) =>
    Object.fromEntries(Object.entries(row).filter(([column]) => !isSecretColumn(column))),
  );
}

export function findAccount(db: Db, userId: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "display_name", "time_zone", "locale", "created_at", "password_hash"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

export function findDeletion(db: Db, memberId: string) {
  return db
    .selectFrom("account_deletions")
    .select(["requested_at", "due_at"])
    .where("member_id", "=", memberId)
    .executeTakeFirst();
}

/** Records the request once: asking again while one is pending keeps the first date. */
export async function insertDeletion(db: Db, memberId: string, requestedAt: Date, dueAt: Date) {
  await db
    .insertInto("account_deletions")
    .values({
      member_id: memberId,
      requested_at: requestedAt.toISOString(),
      due_at: dueAt.toISOString(),
    })
    .onConflict((conflict) => conflict.column("member_id").doNothing())
    .execute();
}

export async function removeDeletion(db: Db, memberId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("account_deletions")
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function dueDeletions(db: Db, now: Date) {
  return db
    .selectFrom("account_deletions")
    .select("member_id")
    .where("due_at", "<=", now.toISOString())
    .orderBy("due_at")
    .execute();
}

/**
 * Deletes every row naming the person, then the person. Tables refer to each other (a step to
 * its goal, everything to the user), and the order is not written down anywhere: each delete
 * runs under a savepoint, one that a reference blocks is tried again on the next round, until
 * a round deletes nothing more.
 */
export async function deletePerson(trx: Transaction<Database>, personId: string): Promise<void> {
  // The deletion request goes last: while it is there, append-only tables (rewards) let the
  // purge remove this person's rows.
  let pending = (await personTables(trx)).filter((table) => table.name !== "account_deletions");
  for (let round = 0; pending.length > 0 && round < 20; round += 1) {
    const blocked: PersonTable[] = [];
    for (const table of pending) {
      const matches = table.columns.map((column) => sql`${sql.ref(column)} = ${personId}`);
      await sql`savepoint delete_person`.execute(trx);
      try {
        await sql`delete from ${sql.table(table.name)} where ${sql.join(matches, sql` or `)}`.execute(
          trx,
        );
        await sql`release savepoint delete_person`.execute(trx);
      } catch {
        await sql`rollback to savepoint delete_person`.execute(trx);
        blocked.push(table);
      }
    }
    if (blocked.length === pending.length) break;
    pending = blocked;
  }
  await trx.deleteFrom("account_deletions").where("member_id", "=", personId).execute();
  await trx.deleteFrom("users").where("id", "=", personId).execute();
}
