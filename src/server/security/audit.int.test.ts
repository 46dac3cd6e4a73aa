import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS, startTestApp, type TestApp } from "../../../test/support/test-app";
import { appendAuditEvent, verifyAuditChain } from "./audit";

describe.each(DIALECTS)("the audit chain on %s", (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(dialect);
    for (let i = 0; i < 5; i += 1) {
      await appendAuditEvent(t.store.db, {
        actorId: "clinician-1",
        memberId: "member-1",
        action: "read:checkins",
        resource: `check-ins week ${i}`,
        purpose: "Treatment",
        outcome: "allowed",
      });
    }
  });
  afterEach(async () => t.close());

  it("verifies an untouched log", async () => {
    expect(await verifyAuditChain(t.store.db)).toEqual({ ok: true, events: 5 });
  });

  it("finds a removed event in the middle", async () => {
    await t.store.db.deleteFrom("audit_events").where("seq", "=", 3).execute();
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });

  it("finds a rewritten event even when its own hash was recomputed", async () => {
    const { linkHash } = await import("./audit");
    const row = await t.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("seq", "=", 2)
      .executeTakeFirstOrThrow();
    const forged = { ...row, seq: Number(row.seq), resource: "nothing to see" };
    await t.store.db
      .updateTable("audit_events")
      .set({ resource: forged.resource, hash: linkHash(forged) })
      .where("seq", "=", 2)
      .execute();
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });

  it("finds events cut off the end", async () => {
    await t.store.db.deleteFrom("audit_events").where("seq", "=", 5).execute();
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: false, brokenAtSeq: 5 });
  });
});
