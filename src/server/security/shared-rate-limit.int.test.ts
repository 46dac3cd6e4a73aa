import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, passphrase, uniqueEmail } from "../../../test/support/http-client";
import { DIALECTS, startTestApp, type TestApp } from "../../../test/support/test-app";
import { buildApp } from "../app";
import { countRequest } from "./shared-rate-limit";

describe.each(DIALECTS)("per-address limits shared through the database on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { authRateLimit: { max: 3, windowMs: 60_000 } });
  });
  afterAll(async () => t.close());

  it("counts sign-ins sent to two app instances together, as two processes behind a proxy", async () => {
    // A second app on the same database: its own plugin instance, as another process has.
    const other = await buildApp(t.context, { logLevel: false });
    try {
      const ip = "203.0.113.7";
      const first = browserFor(t.app, ip);
      const second = browserFor(other, ip);
      const attempt = (browser: typeof first) =>
        browser.post("/api/auth/sign-in", { email: uniqueEmail(), password: passphrase() });
      const statuses = [
        (await attempt(first)).statusCode,
        (await attempt(second)).statusCode,
        (await attempt(first)).statusCode,
      ];
      expect(statuses).not.toContain(429);
      // The fourth request within the window is over the limit of three, whichever app gets it.
      const over = await attempt(second);
      expect(over.statusCode).toBe(429);
      expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
      // Another address has its own count.
      expect((await attempt(browserFor(other, "203.0.113.8"))).statusCode).not.toBe(429);
    } finally {
      await other.close();
    }
  });

  it("keeps no address, only a hash, and drops a bucket's past windows", async () => {
    const rows = await t.store.db.selectFrom("rate_limit_hits").select("bucket").execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.bucket).join(" ")).not.toContain("203.0.113");

    const start = Date.UTC(2026, 11, 5, 12, 0, 0);
    expect(await countRequest(t.store.db, "bucket-a", 60_000, start + 1_000)).toEqual({
      current: 1,
      ttl: 59_000,
    });
    expect((await countRequest(t.store.db, "bucket-a", 60_000, start + 2_000)).current).toBe(2);
    // The next window starts at one again and forgets the last.
    expect((await countRequest(t.store.db, "bucket-a", 60_000, start + 61_000)).current).toBe(1);
    const kept = await t.store.db
      .selectFrom("rate_limit_hits")
      .select(["window_start", "hits"])
      .where("bucket", "=", "bucket-a")
      .execute();
    expect(kept).toEqual([{ window_start: start + 60_000, hits: 1 }]);
  });

  it("counts every one of many requests that arrive at once", async () => {
    const now = Date.UTC(2026, 11, 5, 13, 0, 0);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => countRequest(t.store.db, "bucket-b", 60_000, now)),
    );
    expect(outcomes.map((o) => o.current).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });
});
