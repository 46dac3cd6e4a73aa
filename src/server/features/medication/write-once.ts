import type { FastifyRequest } from "fastify";
import type { AppContext } from "../../app-context";
import { idempotent } from "../../http/idempotency";
import { actorOf } from "../../security/session";
import type { WriteOnce } from "./access";

/** A write sent with an Idempotency-Key lands once; a retry gets the first answer. */
export function writeOnceFor(context: AppContext, request: FastifyRequest): WriteOnce {
  return (work) => idempotent(request, context.db, actorOf(request).userId, work);
}
