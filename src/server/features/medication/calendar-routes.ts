import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { okSchema } from "../../../domain/api/auth";
import {
  calendarFeedBodySchema,
  calendarFeedParamsSchema,
  calendarFeedSchema,
  calendarFeedStatusSchema,
} from "../../../domain/api/medication";
import { memberIdParamsSchema } from "../../../domain/api/members";
import type { AppContext } from "../../app-context";
import { actorOf, requireActor } from "../../security/session";
import * as calendar from "./calendar-service";

export function calendarRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db, config } = context;
  return async (app) => {
    // No Idempotency-Key here on purpose: the answer carries the secret address, which must
    // not be stored; a retry simply makes a fresh address and retires the one before.
    app.post(
      "/api/members/:memberId/calendar-feed",
      {
        preHandler: requireActor,
        schema: {
          operationId: "createCalendarFeed",
          tags: ["calendar"],
          params: memberIdParamsSchema,
          body: calendarFeedBodySchema,
          response: { 201: calendarFeedSchema },
        },
      },
      async (request, reply) => {
        const origin = config.publicUrl
          ? new URL(config.publicUrl).origin
          : `${request.protocol}://${request.host}`;
        const feed = await calendar.createCalendarFeed(
          db,
          actorOf(request),
          request.params.memberId,
          {
            details: request.body.details,
            origin,
          },
        );
        return reply.code(201).send(feed);
      },
    );

    app.get(
      "/api/members/:memberId/calendar-feed",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getCalendarFeedStatus",
          tags: ["calendar"],
          params: memberIdParamsSchema,
          response: { 200: calendarFeedStatusSchema },
        },
      },
      async (request) =>
        calendar.getCalendarFeedStatus(db, actorOf(request), request.params.memberId),
    );

    app.delete(
      "/api/members/:memberId/calendar-feed",
      {
        preHandler: requireActor,
        schema: {
          operationId: "revokeCalendarFeed",
          tags: ["calendar"],
          params: memberIdParamsSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => calendar.revokeCalendarFeed(db, actorOf(request), request.params.memberId),
    );

    // Public: the secret in the address is the key. text/calendar, RFC 5545.
    app.get(
      "/api/calendar/:feed",
      {
        config: { rateLimit: { max: 120, timeWindow: 60_000 } },
        schema: {
          operationId: "getCalendarFeed",
          tags: ["calendar"],
          params: calendarFeedParamsSchema,
        },
      },
      async (request, reply) => {
        const token = request.params.feed.slice(0, -".ics".length);
        const text = await calendar.calendarFeedText(db, token);
        return reply
          .type("text/calendar; charset=utf-8")
          .header("content-disposition", 'inline; filename="waymark.ics"')
          .send(text);
      },
    );
  };
}
