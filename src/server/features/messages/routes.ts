import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { okSchema } from "../../../domain/api/auth";
import {
  markThreadReadRequestSchema,
  messageSchema,
  messageThreadParamsSchema,
  messageThreadSchema,
  sendMessageRequestSchema,
  threadListSchema,
} from "../../../domain/api/messages";
import type { AppContext } from "../../app-context";
import { writeOnceFor } from "../../http/idempotency";
import { actorOf, requireActor } from "../../security/session";
import { notifyRecipient } from "./notify";
import * as messages from "./service";

/** Messages between a member and the people they share "messages" with. */
export function messageRoutes({ db, config }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/messages",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listMessageThreads",
          tags: ["messages"],
          response: { 200: threadListSchema },
        },
      },
      async (request) => messages.listThreads(db, actorOf(request)),
    );
    app.get(
      "/api/members/:memberId/messages/:personId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getMessageThread",
          tags: ["messages"],
          params: messageThreadParamsSchema,
          response: { 200: messageThreadSchema },
        },
      },
      async (request) => {
        const { memberId, personId } = request.params;
        return messages.getThread(db, actorOf(request), memberId, personId);
      },
    );
    app.post(
      "/api/members/:memberId/messages/:personId",
      {
        preHandler: requireActor,
        preValidation: async (request) => {
          const { memberId, personId } = request.params as { memberId: string; personId: string };
          await messages.refuseSendWithoutGrant(db, actorOf(request), memberId, personId);
        },
        schema: {
          operationId: "sendMessage",
          tags: ["messages"],
          params: messageThreadParamsSchema,
          body: sendMessageRequestSchema,
          response: { 201: messageSchema },
        },
      },
      async (request, reply) => {
        const { memberId, personId } = request.params;
        const actor = actorOf(request);
        const result = await messages.sendMessage(
          db,
          actor,
          memberId,
          personId,
          request.body.body,
          writeOnceFor(db, request),
          new Date(),
          () => {
            // After the answer's transaction: a slow push service never holds up the sender.
            const options = { dataDir: config.dataDir, publicUrl: config.publicUrl };
            notifyRecipient(db, { memberId, personId, senderId: actor.userId }, options).catch(
              (error: unknown) => app.log.error({ err: error }, "could not announce a message"),
            );
          },
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    app.post(
      "/api/members/:memberId/messages/:personId/read",
      {
        preHandler: requireActor,
        schema: {
          operationId: "markMessageThreadRead",
          tags: ["messages"],
          params: messageThreadParamsSchema,
          body: markThreadReadRequestSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        const { memberId, personId } = request.params;
        return messages.markThreadRead(
          db,
          actorOf(request),
          memberId,
          personId,
          request.body.throughSeq,
        );
      },
    );
  };
}
