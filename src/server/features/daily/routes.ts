import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { okSchema } from "../../../domain/api/auth";
import {
  checkinBodySchema,
  checkinListSchema,
  checkinSchema,
  copingStatsSchema,
  copingUseBodySchema,
  copingUseSchema,
  cravingBodySchema,
  cravingListSchema,
  cravingSchema,
  dayRangeQuerySchema,
  memberDayParamsSchema,
  memberUseParamsSchema,
  progressSchema,
  recordedUseSchema,
  useBodySchema,
  useListSchema,
} from "../../../domain/api/daily";
import { memberIdParamsSchema } from "../../../domain/api/members";
import type { AppContext } from "../../app-context";
import { writeOnceFor } from "../../http/idempotency";
import { actorOf, requireActor } from "../../security/session";
import * as cravings from "./craving-service";
import * as checkins from "./service";
import * as uses from "./use-service";

/** Check-in, cravings and coping, lapse and return, progress: the member's every day. */
export function dailyRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  // A write sent with an Idempotency-Key lands once; a retry gets the first answer.
  // Status codes come back from idempotent() as plain numbers (a replay stores what it sent).

  return async (app) => {
    app.put(
      "/api/members/:memberId/checkins/:date",
      {
        preHandler: requireActor,
        schema: {
          operationId: "upsertCheckin",
          tags: ["checkins"],
          params: memberDayParamsSchema,
          body: checkinBodySchema,
          response: { 200: checkinSchema, 201: checkinSchema },
        },
      },
      async (request, reply) => {
        const { memberId, date } = request.params;
        const result = await checkins.upsertCheckin(
          db,
          actorOf(request),
          memberId,
          date,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 200 | 201).send(result.body);
      },
    );

    app.get(
      "/api/members/:memberId/checkins/:date",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getCheckin",
          tags: ["checkins"],
          params: memberDayParamsSchema,
          response: { 200: checkinSchema },
        },
      },
      async (request) =>
        checkins.getCheckin(db, actorOf(request), request.params.memberId, request.params.date),
    );

    app.get(
      "/api/members/:memberId/checkins",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listCheckins",
          tags: ["checkins"],
          params: memberIdParamsSchema,
          querystring: dayRangeQuerySchema,
          response: { 200: checkinListSchema },
        },
      },
      async (request) =>
        checkins.listCheckins(db, actorOf(request), request.params.memberId, request.query),
    );

    app.post(
      "/api/members/:memberId/cravings",
      {
        preHandler: requireActor,
        schema: {
          operationId: "logCraving",
          tags: ["cravings"],
          params: memberIdParamsSchema,
          body: cravingBodySchema,
          response: { 201: cravingSchema },
        },
      },
      async (request, reply) => {
        const result = await cravings.logCraving(
          db,
          actorOf(request),
          request.params.memberId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );

    app.get(
      "/api/members/:memberId/cravings",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listCravings",
          tags: ["cravings"],
          params: memberIdParamsSchema,
          querystring: dayRangeQuerySchema,
          response: { 200: cravingListSchema },
        },
      },
      async (request) =>
        cravings.listCravings(db, actorOf(request), request.params.memberId, request.query),
    );

    app.post(
      "/api/members/:memberId/coping-uses",
      {
        preHandler: requireActor,
        schema: {
          operationId: "recordCopingUse",
          tags: ["cravings"],
          params: memberIdParamsSchema,
          body: copingUseBodySchema,
          response: { 201: copingUseSchema },
        },
      },
      async (request, reply) => {
        const result = await cravings.recordCopingUse(
          db,
          actorOf(request),
          request.params.memberId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );

    app.get(
      "/api/members/:memberId/coping-stats",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getCopingStats",
          tags: ["cravings"],
          params: memberIdParamsSchema,
          response: { 200: copingStatsSchema },
        },
      },
      async (request) => cravings.getCopingStats(db, actorOf(request), request.params.memberId),
    );

    app.post(
      "/api/members/:memberId/uses",
      {
        preHandler: requireActor,
        schema: {
          operationId: "recordUse",
          tags: ["use"],
          params: memberIdParamsSchema,
          body: useBodySchema,
          response: { 201: recordedUseSchema },
        },
      },
      async (request, reply) => {
        const result = await uses.recordUse(
          db,
          actorOf(request),
          request.params.memberId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );

    app.get(
      "/api/members/:memberId/uses",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listUses",
          tags: ["use"],
          params: memberIdParamsSchema,
          querystring: dayRangeQuerySchema,
          response: { 200: useListSchema },
        },
      },
      async (request) =>
        uses.listUses(db, actorOf(request), request.params.memberId, request.query),
    );

    app.delete(
      "/api/members/:memberId/uses/:useId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "deleteUse",
          tags: ["use"],
          params: memberUseParamsSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        const { memberId, useId } = request.params;
        await uses.deleteUse(db, actorOf(request), memberId, useId);
        return { ok: true as const };
      },
    );

    app.get(
      "/api/members/:memberId/progress",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getProgress",
          tags: ["progress"],
          params: memberIdParamsSchema,
          response: { 200: progressSchema },
        },
      },
      async (request) => uses.getProgress(db, actorOf(request), request.params.memberId),
    );
  };
}
