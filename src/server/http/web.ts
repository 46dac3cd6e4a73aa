import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { notFound } from "../errors";

/**
 * Serves the built PWA. Hashed assets are cached for a year; the shell and the service
 * worker are revalidated on every load so an update reaches people on their next visit.
 * Unknown non-API paths get the shell, where the client-side router takes over.
 */
export async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const built = fs.existsSync(path.join(webDir, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // scripts/compress-web.mjs writes .br and .gz beside each asset at build time. They are
      // found beside their asset and need no route of their own: a route for each of the
      // ~480 files was a tenth of the cold start (docs/performance.md, fifth round).
      preCompressed: true,
      globIgnore: ["**/*.br", "**/*.gz"],
      setHeaders(res, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split("?")[0] ?? "/";
    if (pathname.startsWith("/api/") || pathname === "/api" || request.method !== "GET") {
      throw notFound("That address");
    }
    if (!built) {
      return reply
        .code(503)
        .type("text/plain")
        .send("The Waymark web app has not been built yet. Run `npm run build`, then start again.");
    }
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
