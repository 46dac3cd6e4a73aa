import type { FastifyInstance } from "fastify";
import { REDISCLOSURE_NOTICE } from "../../../domain/consent";

export const REDISCLOSURE_HEADER = "x-redisclosure-notice";

/**
 * Every answer that carries a member's data to someone else carries the Part 2 notice against
 * redisclosure. The policy is the only door to another person's data, so a successful answer
 * on a `/api/members/:memberId/…` route to anyone but that member was let through by a grant:
 * one hook on the root instance covers every feature's routes, present and future. Care
 * routes without the member in the path (the caseload) set the header themselves.
 */
export function addRedisclosureNotice(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply) => {
    const actor = request.actor;
    if (!actor || reply.statusCode >= 300) return;
    if (!request.routeOptions.url?.includes(":memberId")) return;
    const memberId = (request.params as { memberId?: unknown } | undefined)?.memberId;
    if (typeof memberId === "string" && memberId !== actor.userId) {
      reply.header(REDISCLOSURE_HEADER, REDISCLOSURE_NOTICE);
    }
  });
}
