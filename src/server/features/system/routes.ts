import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

export function systemRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/health",
      {
        schema: {
          operationId: "getHealth",
          tags: ["system"],
          response: { 200: z.object({ status: z.literal("ok") }) },
        },
      },
      async () => ({ status: "ok" as const }),
    );

    app.get(
      "/api/openapi.json",
      { schema: { operationId: "getOpenApi", tags: ["system"], hide: true } },
      async () => app.swagger(),
    );
  };
}
