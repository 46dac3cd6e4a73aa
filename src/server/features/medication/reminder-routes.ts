import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { okSchema } from "../../../domain/api/auth";
import {
  memberReminderParamsSchema,
  notificationPreferencesSchema,
  pushPublicKeySchema,
  pushSubscriptionBodySchema,
  pushSubscriptionSchema,
  pushUnsubscribeBodySchema,
  reminderBodySchema,
  reminderListSchema,
  reminderSchema,
} from "../../../domain/api/medication";
import { memberIdParamsSchema } from "../../../domain/api/members";
import type { AppContext } from "../../app-context";
import { writeOnceFor } from "../../http/idempotency";
import { actorOf, requireActor } from "../../security/session";
import * as reminders from "./reminder-service";

export function reminderRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db, config } = context;
  return async (app) => {
    app.get(
      "/api/members/:memberId/reminders",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listReminders",
          tags: ["reminders"],
          params: memberIdParamsSchema,
          response: { 200: reminderListSchema },
        },
      },
      async (request) => reminders.listReminders(db, actorOf(request), request.params.memberId),
    );

    app.put(
      "/api/members/:memberId/reminders/:reminderId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "setReminder",
          tags: ["reminders"],
          params: memberReminderParamsSchema,
          body: reminderBodySchema,
          response: { 200: reminderSchema, 201: reminderSchema },
        },
      },
      async (request, reply) => {
        const { memberId, reminderId } = request.params;
        const result = await reminders.setReminder(
          db,
          actorOf(request),
          memberId,
          reminderId,
          request.body,
          writeOnceFor(context.db, request),
        );
        return reply.code(result.statusCode as 200 | 201).send(result.body);
      },
    );

    app.delete(
      "/api/members/:memberId/reminders/:reminderId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "deleteReminder",
          tags: ["reminders"],
          params: memberReminderParamsSchema,
          response: { 200: okSchema },
        },
      },
      async (request, reply) => {
        const { memberId, reminderId } = request.params;
        const result = await reminders.deleteReminder(
          db,
          actorOf(request),
          memberId,
          reminderId,
          writeOnceFor(context.db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );

    app.put(
      "/api/members/:memberId/notification-preferences",
      {
        preHandler: requireActor,
        schema: {
          operationId: "setNotificationPreferences",
          tags: ["reminders"],
          params: memberIdParamsSchema,
          body: notificationPreferencesSchema,
          response: { 200: notificationPreferencesSchema },
        },
      },
      async (request, reply) => {
        const result = await reminders.setNotificationPreferences(
          db,
          actorOf(request),
          request.params.memberId,
          request.body.details,
          writeOnceFor(context.db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );

    app.get(
      "/api/push/public-key",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getPushPublicKey",
          tags: ["reminders"],
          response: { 200: pushPublicKeySchema },
        },
      },
      async () => reminders.pushPublicKey(config.dataDir),
    );

    app.post(
      "/api/members/:memberId/push-subscriptions",
      {
        preHandler: requireActor,
        schema: {
          operationId: "subscribePush",
          tags: ["reminders"],
          params: memberIdParamsSchema,
          body: pushSubscriptionBodySchema,
          response: { 201: pushSubscriptionSchema },
        },
      },
      async (request, reply) => {
        const result = await reminders.subscribePush(
          db,
          actorOf(request),
          request.params.memberId,
          request.body,
          writeOnceFor(context.db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );

    app.post(
      "/api/members/:memberId/push-subscriptions/unsubscribe",
      {
        preHandler: requireActor,
        schema: {
          operationId: "unsubscribePush",
          tags: ["reminders"],
          params: memberIdParamsSchema,
          body: pushUnsubscribeBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request, reply) => {
        const result = await reminders.unsubscribePush(
          db,
          actorOf(request),
          request.params.memberId,
          request.body.endpoint,
          writeOnceFor(context.db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );
  };
}
