import { createHash } from "node:crypto";
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema";

/**
 * The per-address limits on sign-in, sign-up, invites and calendar feeds, counted in the
 * database so that every server process of one installation counts the same requests: kept in
 * each process's memory, two processes behind a proxy would let through twice the limit.
 * Fixed windows (a request counts in the window it falls in); the bucket is a hash of the
 * route and the address, so no address is stored, and a bucket's past windows are dropped as
 * its next one starts.
 *
 * The shape is @fastify/rate-limit's custom store (a constructor with `incr`, `read` and
 * `child`, callbacks rather than promises).
 */
type Outcome = { current: number; ttl: number };
type Callback = (error: Error | null, outcome?: Outcome) => void;

/** What the plugin really hands `child`: its merged options, the route under `routeInfo`. */
interface ChildOptions {
  routeInfo?: { method?: string | string[]; url?: string };
}

export function sharedRateLimitStore(db: Kysely<Database>): FastifyRateLimitStoreCtor {
  // The plugin constructs the store itself (`new Store(options)`), hence a class here.
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly route = "global",
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      settle(countRequest(db, bucketOf(this.route, key), timeWindow, Date.now()), callback);
    }

    /** The plugin's non-mutating peek (`{ increment: false }`), missing from its types. */
    read(key: string, callback: Callback, timeWindow: number): void {
      settle(readCount(db, bucketOf(this.route, key), timeWindow, Date.now()), callback);
    }

    child(routeOptions: Parameters<FastifyRateLimitStore["child"]>[0]): FastifyRateLimitStore {
      // Typed as RouteOptions by the plugin; at run time it is ChildOptions.
      const info = (routeOptions as unknown as ChildOptions).routeInfo;
      return new SharedRateLimitStore(null, `${String(info?.method ?? "")} ${info?.url ?? ""}`);
    }
  };
}

function settle(outcome: Promise<Outcome>, callback: Callback): void {
  outcome.then(
    (result) => callback(null, result),
    (error: Error) => callback(error),
  );
}

function bucketOf(route: string, key: string): string {
  return createHash("sha256").update(`${route}\n${key}`).digest("base64url");
}

function windowOf(timeWindow: number, now: number): { start: number; ttl: number } {
  const start = Math.floor(now / timeWindow) * timeWindow;
  return { start, ttl: start + timeWindow - now };
}

/** Counts one request and says how many the bucket has seen in this window, this one included. */
export async function countRequest(
  db: Kysely<Database>,
  bucket: string,
  timeWindow: number,
  now: number,
): Promise<Outcome> {
  const window = windowOf(timeWindow, now);
  const row = await db
    .insertInto("rate_limit_hits")
    .values({ bucket, window_start: window.start, hits: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(["bucket", "window_start"])
        .doUpdateSet({ hits: sql<number>`rate_limit_hits.hits + 1` }),
    )
    .returning("hits")
    .executeTakeFirstOrThrow();
  if (row.hits === 1) {
    await db
      .deleteFrom("rate_limit_hits")
      .where("bucket", "=", bucket)
      .where("window_start", "<", window.start)
      .execute();
  }
  return { current: Number(row.hits), ttl: window.ttl };
}

async function readCount(
  db: Kysely<Database>,
  bucket: string,
  timeWindow: number,
  now: number,
): Promise<Outcome> {
  const window = windowOf(timeWindow, now);
  const row = await db
    .selectFrom("rate_limit_hits")
    .select("hits")
    .where("bucket", "=", bucket)
    .where("window_start", "=", window.start)
    .executeTakeFirst();
  return row ? { current: Number(row.hits), ttl: window.ttl } : { current: 0, ttl: 0 };
}
