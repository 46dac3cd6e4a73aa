import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./db/schema";

/**
 * Every instance has at least one organization (the tenant): people who sign up on their
 * own join the first one. A person self-hosting for themselves never sees it.
 */
export async function ensureDefaultOrganization(
  db: Kysely<Database>,
  name = "Waymark",
  now = new Date(),
): Promise<string> {
  const existing = await findDefaultOrganizationId(db);
  if (existing) return existing;
  const id = randomUUID();
  await db
    .insertInto("organizations")
    .values({ id, name, created_at: now.toISOString() })
    .execute();
  return id;
}

/** The organization people join when they sign up on their own: the oldest one. */
export async function findDefaultOrganizationId(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom("organizations")
    .select("id")
    .orderBy("created_at")
    .orderBy("id")
    .executeTakeFirst();
  return row?.id ?? null;
}
