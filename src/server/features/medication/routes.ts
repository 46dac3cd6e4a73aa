import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  adherenceSchema,
  doseBodySchema,
  doseListSchema,
  logDoseAnswerSchema,
  medicationRangeQuerySchema,
  regimenAnswerSchema,
  regimenBodySchema,
  regimenHistorySchema,
  setRegimenAnswerSchema,
} from "../../../domain/api/medication";
import { memberIdParamsSchema } from "../../../domain/api/members";
import type { AppContext } from "../../app-context";
import { writeOnceFor } from "../../http/idempotency";
import { actorOf, requireActor } from "../../security/session";
import { appointmentRoutes } from "./appointment-routes";
import { calendarRoutes } from "./calendar-routes";
import * as doses from "./dose-service";
import { reminderRoutes } from "./reminder-routes";
import * as regimen from "./service";

/** Medication for opioid use disorder (issue 6): every route of the feature, registered here. */
export function medicationRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(regimenRoutes(context));
    await app.register(appointmentRoutes(context));
    await app.register(reminderRoutes(context));
    await app.register(calendarRoutes(context));
  };
}

function regimenRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.get(
      "/api/members/:memberId/regimen",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getRegimen",
          tags: ["medication"],
          params: memberIdParamsSchema,
          response: { 200: regimenAnswerSchema },
        },
      },
      async (request) => regimen.getRegimen(db, actorOf(request), request.params.memberId),
    );

    app.put(
      "/api/members/:memberId/regimen",
      {
        preHandler: requireActor,
        schema: {
          operationId: "setRegimen",
          tags: ["medication"],
          params: memberIdParamsSchema,
          body: regimenBodySchema,
          response: { 200: setRegimenAnswerSchema, 201: setRegimenAnswerSchema },
        },
      },
      async (request, reply) => {
        const result = await regimen.setRegimen(
          db,
          actorOf(request),
          request.params.memberId,
          request.body,
          writeOnceFor(context.db, request),
        );
        return reply.code(result.statusCode as 200 | 201).send(result.body);
      },
    );

    app.get(
      "/api/members/:memberId/regimen/history",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listRegimenHistory",
          tags: ["medication"],
          params: memberIdParamsSchema,
          response: { 200: regimenHistorySchema },
        },
      },
      async (request) => regimen.listRegimenHistory(db, actorOf(request), request.params.memberId),
    );

    app.post(
      "/api/members/:memberId/doses",
      {
        preHandler: requireActor,
        schema: {
          operationId: "logDose",
          tags: ["medication"],
          params: memberIdParamsSchema,
          body: doseBodySchema,
          response: { 200: logDoseAnswerSchema, 201: logDoseAnswerSchema },
        },
      },
      async (request, reply) => {
        const result = await doses.logDose(
          db,
          actorOf(request),
          request.params.memberId,
          request.body,
          writeOnceFor(context.db, request),
        );
        return reply.code(result.statusCode as 200 | 201).send(result.body);
      },
    );

    app.get(
      "/api/members/:memberId/doses",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listDoses",
          tags: ["medication"],
          params: memberIdParamsSchema,
          querystring: medicationRangeQuerySchema,
          response: { 200: doseListSchema },
        },
      },
      async (request) =>
        doses.listDoses(db, actorOf(request), request.params.memberId, request.query),
    );

    app.get(
      "/api/members/:memberId/adherence",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getAdherence",
          tags: ["medication"],
          params: memberIdParamsSchema,
          querystring: medicationRangeQuerySchema,
          response: { 200: adherenceSchema },
        },
      },
      async (request) =>
        doses.getAdherence(db, actorOf(request), request.params.memberId, request.query),
    );
  };
}
