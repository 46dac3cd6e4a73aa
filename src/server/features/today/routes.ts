import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { todaySchema } from "../../../domain/api/today";
import type { AppContext } from "../../app-context";
import { actorOf, requireActor } from "../../security/session";
import { getToday } from "./service";

/** Today's cards in one answer: the signed-in person's own, so the path names nobody. */
export function todayRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/today",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getToday",
          tags: ["today"],
          response: { 200: todaySchema },
        },
      },
      async (request) => getToday(db, actorOf(request)),
    );
  };
}
