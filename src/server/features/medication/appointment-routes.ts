import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { okSchema } from "../../../domain/api/auth";
import {
  appointmentBodySchema,
  appointmentListSchema,
  appointmentSchema,
  medicationRangeQuerySchema,
  memberAppointmentParamsSchema,
} from "../../../domain/api/medication";
import { memberIdParamsSchema } from "../../../domain/api/members";
import type { AppContext } from "../../app-context";
import { writeOnceFor } from "../../http/idempotency";
import { actorOf, requireActor } from "../../security/session";
import * as appointments from "./appointment-service";

export function appointmentRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.post(
      "/api/members/:memberId/appointments",
      {
        preHandler: requireActor,
        schema: {
          operationId: "createAppointment",
          tags: ["appointments"],
          params: memberIdParamsSchema,
          body: appointmentBodySchema,
          response: { 201: appointmentSchema },
        },
      },
      async (request, reply) => {
        const result = await appointments.createAppointment(
          db,
          actorOf(request),
          request.params.memberId,
          request.body,
          writeOnceFor(context.db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );

    app.put(
      "/api/members/:memberId/appointments/:appointmentId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "updateAppointment",
          tags: ["appointments"],
          params: memberAppointmentParamsSchema,
          body: appointmentBodySchema,
          response: { 200: appointmentSchema },
        },
      },
      async (request, reply) => {
        const { memberId, appointmentId } = request.params;
        const result = await appointments.updateAppointment(
          db,
          actorOf(request),
          memberId,
          appointmentId,
          request.body,
          writeOnceFor(context.db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );

    app.delete(
      "/api/members/:memberId/appointments/:appointmentId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "deleteAppointment",
          tags: ["appointments"],
          params: memberAppointmentParamsSchema,
          response: { 200: okSchema },
        },
      },
      async (request, reply) => {
        const { memberId, appointmentId } = request.params;
        const result = await appointments.deleteAppointment(
          db,
          actorOf(request),
          memberId,
          appointmentId,
          writeOnceFor(context.db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );

    app.get(
      "/api/members/:memberId/appointments",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listAppointments",
          tags: ["appointments"],
          params: memberIdParamsSchema,
          querystring: medicationRangeQuerySchema,
          response: { 200: appointmentListSchema },
        },
      },
      async (request) =>
        appointments.listAppointments(db, actorOf(request), request.params.memberId, request.query),
    );
  };
}
