import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { idempotent } from "../../http/idempotency";
import type { Transact } from "./access";

/** A POST's transaction that honours an Idempotency-Key: a retry gets the first answer. */
export function replayable(
  request: FastifyRequest,
  db: Kysely<Database>,
  userId: string,
): Transact {
  return async (work) => {
    const result = await idempotent(request, db, userId, async (trx) => ({
      statusCode: 201,
      body: await work(trx),
    }));
    return result.body;
  };
}
