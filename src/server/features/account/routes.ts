import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  accountDeletionRequestSchema,
  accountDeletionSchema,
  accountDeletionStatusSchema,
} from "../../../domain/api/account";
import { okSchema } from "../../../domain/api/auth";
import type { AppContext } from "../../app-context";
import { actorOf, requireActor } from "../../security/session";
import * as service from "./service";

export function accountRoutes({ db, config }: AppContext): FastifyPluginAsyncZod {
  // The password check below is a guessing door like sign-in: the same per-address limit.
  const passwordRateLimit = {
    rateLimit: { max: config.authRateLimit.max, timeWindow: config.authRateLimit.windowMs },
  };
  return async (app) => {
    app.get(
      "/api/me/export",
      { preHandler: requireActor, schema: { operationId: "exportMyData", tags: ["account"] } },
      async (request, reply) => {
        const now = new Date();
        const exported = await service.exportAccount(db, actorOf(request), now);
        return reply
          .type("application/json")
          .header(
            "content-disposition",
            `attachment; filename="waymark-export-${now.toISOString().slice(0, 10)}.json"`,
          )
          .send(JSON.stringify(exported, null, 2));
      },
    );

    app.get(
      "/api/me/deletion",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getAccountDeletion",
          tags: ["account"],
          response: { 200: accountDeletionStatusSchema },
        },
      },
      async (request) => ({ deletion: await service.getDeletion(db, actorOf(request)) }),
    );

    app.post(
      "/api/me/deletion",
      {
        preHandler: requireActor,
        config: passwordRateLimit,
        schema: {
          operationId: "requestAccountDeletion",
          tags: ["account"],
          body: accountDeletionRequestSchema,
          response: { 201: accountDeletionSchema },
        },
      },
      async (request, reply) => {
        const deletion = await service.requestDeletion(
          db,
          actorOf(request),
          request.body.password,
          new Date(),
        );
        return reply.code(201).send(deletion);
      },
    );

    app.delete(
      "/api/me/deletion",
      {
        preHandler: requireActor,
        schema: {
          operationId: "cancelAccountDeletion",
          tags: ["account"],
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await service.cancelDeletion(db, actorOf(request), new Date());
        return { ok: true as const };
      },
    );
  };
}
