import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Browser } from "../../../test/support/http-client";
import { signUp } from "../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../test/support/test-app";
import { actorOf, requireActor } from "../security/session";
import {
  IDEMPOTENCY_KEY_RETENTION_DAYS,
  idempotent,
  purgeExpiredIdempotencyKeys,
} from "./idempotency";

describe.each(DIALECTS)("Idempotency-Key on %s", (dialect) => {
  let t: TestApp;
  let member: Browser;
  let memberId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // A write route of the shape every feature uses: it records one audit event per call.
    t.app.post(
      "/api/test/notes",
      { preHandler: requireActor, schema: { body: z.object({ text: z.string() }) } },
      async (request, reply) => {
        const actor = actorOf(request);
        const result = await idempotent(request, t.store.db, actor.userId, async (trx) => {
          const id = randomUUID();
          await trx
            .insertInto("audit_head")
            .values({ id: 1000 + Math.floor(Math.random() * 1e6), seq: 0, hash: id })
            .execute();
          return { statusCode: 201, body: { id } };
        });
        return reply.code(result.statusCode).send(result.body);
      },
    );
    ({ browser: member, id: memberId } = await signUp(t));
  });
  afterAll(async () => t.close());

  const rows = async () =>
    (await t.store.db.selectFrom("audit_head").select("id").execute()).length;

  it("does the work once for the same key and replays the answer", async () => {
    const before = await rows();
    const headers = { "idempotency-key": "checkin-2026-11-26-a" };
    const first = await member.post("/api/test/notes", { text: "hi" }, headers);
    const second = await member.post("/api/test/notes", { text: "hi" }, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(await rows()).toBe(before + 1);
  });

  it("does the work once when copies of a request race", async () => {
    const before = await rows();
    const headers = { "idempotency-key": "race-1" };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => member.post("/api/test/notes", { text: "race" }, headers)),
    );
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await rows()).toBe(before + 1);
  });

  it("refuses a key reused for a different request, writing nothing", async () => {
    await member.post("/api/test/notes", { text: "one" }, { "idempotency-key": "reused" });
    const before = await rows();
    const other = await member.post(
      "/api/test/notes",
      { text: "two" },
      { "idempotency-key": "reused" },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe("idempotency_key_reused");
    expect(await rows()).toBe(before);
  });

  it("keeps keys per person", async () => {
    const { browser: someoneElse } = await signUp(t, "Someone else");
    const before = await rows();
    await member.post("/api/test/notes", { text: "x" }, { "idempotency-key": "shared-key" });
    await someoneElse.post("/api/test/notes", { text: "x" }, { "idempotency-key": "shared-key" });
    expect(await rows()).toBe(before + 2);
  });

  it("rejects a malformed key with 400", async () => {
    const response = await member.post(
      "/api/test/notes",
      { text: "x" },
      { "idempotency-key": "x".repeat(200) },
    );
    expect(response.statusCode).toBe(400);
  });

  // Offline sync (issue 15): a phone may replay a queued write weeks after the first attempt.
  const DAY_MS = 24 * 60 * 60 * 1000;
  const ageKey = (key: string, days: number, now = Date.now()) =>
    t.store.db
      .updateTable("idempotency_keys")
      .set({ created_at: new Date(now - days * DAY_MS).toISOString() })
      .where("key", "=", key)
      .execute();
  const cravingCount = async () =>
    (
      await t.store.db
        .selectFrom("cravings")
        .select("id")
        .where("member_id", "=", memberId)
        .execute()
    ).length;

  it("replays a craving's answer 29 days later and writes nothing, even after a purge", async () => {
    const headers = { "idempotency-key": `offline-${randomUUID()}` };
    const body = { intensity: 6, at: new Date().toISOString() };
    const first = await member.post(`/api/members/${memberId}/cravings`, body, headers);
    expect(first.statusCode).toBe(201);
    expect(await cravingCount()).toBe(1);
    await ageKey(headers["idempotency-key"], 29);

    expect(await purgeExpiredIdempotencyKeys(t.store.db)).toBe(0);
    const replay = await member.post(`/api/members/${memberId}/cravings`, body, headers);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(await cravingCount()).toBe(1);
  });

  it("purges answers older than the retention, and only those", async () => {
    const now = Date.now();
    const keep = `keep-${randomUUID()}`;
    const old = `old-${randomUUID()}`;
    await member.post("/api/test/notes", { text: "kept" }, { "idempotency-key": keep });
    await member.post("/api/test/notes", { text: "old" }, { "idempotency-key": old });
    await ageKey(keep, IDEMPOTENCY_KEY_RETENTION_DAYS - 1, now);
    await ageKey(old, IDEMPOTENCY_KEY_RETENTION_DAYS + 1, now);
    expect(IDEMPOTENCY_KEY_RETENTION_DAYS).toBeGreaterThanOrEqual(30);

    expect(await purgeExpiredIdempotencyKeys(t.store.db, new Date(now))).toBe(1);
    const left = await t.store.db
      .selectFrom("idempotency_keys")
      .select("key")
      .where("key", "in", [keep, old])
      .execute();
    expect(left.map((row) => row.key)).toEqual([keep]);
  });
});
