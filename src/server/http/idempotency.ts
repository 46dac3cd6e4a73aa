import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Kysely, Transaction } from "kysely";
import { compiledQuery } from "../db/compiled-query";
import type { Database, IdempotencyKeyTable } from "../db/schema";
import { AppError } from "../errors";
import { every } from "../every";
import { actorOf } from "../security/session";

/**
 * Writes that a phone may send twice (a flaky connection, the offline queue replaying) carry
 * an Idempotency-Key header. The first request does the work and its answer is stored in the
 * same transaction; a retry with the same key gets the stored answer and writes nothing.
 */
export interface IdempotentResult<T> {
  statusCode: number;
  body: T;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;

/**
 * How long a stored answer is kept. A phone's offline queue (issue 15) may replay a write weeks
 * after the first attempt landed and its answer was lost; 60 days covers a month without data
 * or credit with room to spare. The answers hold health data, so they are not kept forever.
 */
export const IDEMPOTENCY_KEY_RETENTION_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function idempotent<T>(
  request: FastifyRequest,
  db: Kysely<Database>,
  userId: string,
  work: (trx: Transaction<Database>) => Promise<IdempotentResult<T>>,
): Promise<IdempotentResult<T>> {
  const header = request.headers["idempotency-key"];
  if (header === undefined) return db.transaction().execute(work);
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !KEY_PATTERN.test(key)) {
    throw new AppError(
      "invalid_idempotency_key",
      400,
      "The Idempotency-Key header must be 1 to 128 visible ASCII characters.",
    );
  }
  const fingerprint = createHash("sha256")
    .update(
      `${request.method} ${request.routeOptions.url ?? request.url}\n${JSON.stringify(request.params)}\n${JSON.stringify(request.body ?? null)}`,
    )
    .digest("hex");
  try {
    return await db.transaction().execute(async (trx) => {
      const stored = await findStored<T>(trx, userId, key, fingerprint);
      if (stored) return stored;
      const result = await work(trx);
      await insertStored(trx, {
        user_id: userId,
        key,
        fingerprint,
        status_code: result.statusCode,
        response_body: JSON.stringify(result.body),
        created_at: new Date().toISOString(),
      });
      return result;
    });
  } catch (error) {
    // Two copies of the same request raced: the loser's insert hit the primary key.
    const stored = await findStored<T>(db, userId, key, fingerprint);
    if (stored) return stored;
    throw error;
  }
}

// Every retried write runs both: compiled once (db/compiled-query.ts).
const selectStored = compiledQuery((db, values: { userId: string; key: string }) =>
  db
    .selectFrom("idempotency_keys")
    .select(["fingerprint", "status_code", "response_body"])
    .where("user_id", "=", values.userId)
    .where("key", "=", values.key),
);

const insertStored = compiledQuery((db, row: IdempotencyKeyTable) =>
  db.insertInto("idempotency_keys").values({
    user_id: row.user_id,
    key: row.key,
    fingerprint: row.fingerprint,
    status_code: row.status_code,
    response_body: row.response_body,
    created_at: row.created_at,
  }),
);

async function findStored<T>(
  db: Kysely<Database>,
  userId: string,
  key: string,
  fingerprint: string,
): Promise<IdempotentResult<T> | null> {
  const row = (await selectStored(db, { userId, key })).rows[0];
  if (!row) return null;
  if (row.fingerprint !== fingerprint) {
    throw new AppError(
      "idempotency_key_reused",
      422,
      "This Idempotency-Key was already used for a different request.",
    );
  }
  return { statusCode: row.status_code, body: JSON.parse(row.response_body) as T };
}

/**
 * Deletes stored answers older than the retention; run once a day by `serve`
 * (startIdempotencyKeyPurge). Returns how many were deleted.
 */
export async function purgeExpiredIdempotencyKeys(
  db: Kysely<Database>,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_RETENTION_DAYS * DAY_MS).toISOString();
  const result = await db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<", cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The daily purge, started by `cli/serve.ts` only (tests call the one pass directly). */
export function startIdempotencyKeyPurge(
  db: Kysely<Database>,
  onError: (error: unknown) => void,
): { stop(): void } {
  const pass = () => purgeExpiredIdempotencyKeys(db);
  // Once at start (a server restarted daily would otherwise never reach the first tick).
  pass().catch(onError);
  return every(DAY_MS, pass, onError);
}

/** Runs a write once: the work, in a transaction, under the request's Idempotency-Key. */
export type WriteOnce = <T>(
  work: (trx: Transaction<Database>) => Promise<IdempotentResult<T>>,
) => Promise<IdempotentResult<T>>;

/** What a route hands its service so the service's write lands once per Idempotency-Key. */
export function writeOnceFor(db: Kysely<Database>, request: FastifyRequest): WriteOnce {
  return (work) => idempotent(request, db, actorOf(request).userId, work);
}

/** For writes made by the server itself (the demo seed), with no request to key them on. */
export function writeOnceIn(db: Kysely<Database>): WriteOnce {
  return (work) => db.transaction().execute(work);
}
