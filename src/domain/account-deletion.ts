/**
 * Deleting an account is final, so it waits: a person who asked in a hard moment, or someone
 * else holding their phone, has a week to take it back; signing in again shows the request.
 */
export const DELETION_GRACE_DAYS = 7;

export function deletionDueAt(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + DELETION_GRACE_DAYS * 86_400_000);
}

/**
 * Columns that name the person whose row it is, in any table: a member's own records
 * (`member_id`), their sessions and keys (`user_id`), grants made to them (`grantee_user_id`),
 * meetings they entered (`owner_id`). The export reads them and the purge deletes by them,
 * so a table a later feature adds is covered without a list to keep up to date.
 */
export const PERSON_COLUMNS = ["member_id", "user_id", "grantee_user_id", "owner_id"] as const;

/** Secrets that stay out of an export even though they are the person's own. */
export function isSecretColumn(column: string): boolean {
  return (
    column.endsWith("_hash") ||
    column === "auth" ||
    column === "p256dh" ||
    column.endsWith("_secret")
  );
}

/**
 * Tables whose rows stay when an account is deleted: the audit log is hash-chained and is the
 * record of who accessed the member's data, which access-log rules ask to keep; its rows hold
 * ids, actions and category words, never values, and no name or email is left to link them.
 */
export const KEPT_ON_DELETION = new Set([
  "audit_events",
  "audit_head",
  "kysely_migration",
  "kysely_migration_lock",
]);
