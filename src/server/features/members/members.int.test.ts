import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { verifyAuditChain } from "../../security/audit";

describe.each(DIALECTS)("the access policy and audit trail on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function person() {
    return signUp(t, "Someone");
  }

  async function grant(memberId: string, granteeId: string, categories: string[], extra = {}) {
    const id = randomUUID();
    await t.store.db
      .insertInto("consent_grants")
      .values({
        member_id: memberId,
        id,
        grantee_user_id: granteeId,
        purpose: "Counseling",
        categories: JSON.stringify(categories),
        created_at: new Date().toISOString(),
        expires_at: null,
        revoked_at: null,
        ...extra,
      })
      .execute();
    return id;
  }

  it("lets a member read their own profile without an audit event", async () => {
    const member = await person();
    const response = await member.browser.get(`/api/members/${member.id}/profile`);
    expect(response.statusCode).toBe(200);
    const events = await t.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("member_id", "=", member.id)
      .execute();
    expect(events).toHaveLength(0);
  });

  it("refuses someone without a grant, and records the refusal", async () => {
    const member = await person();
    const stranger = await person();
    const response = await stranger.browser.get(`/api/members/${member.id}/profile`);
    expect(response.statusCode).toBe(403);
    const events = (await member.browser.get(`/api/members/${member.id}/audit-events`)).json()
      .events;
    expect(events).toEqual([
      expect.objectContaining({ actorId: stranger.id, action: "read:profile", outcome: "denied" }),
    ]);
  });

  it("lets a grantee read a granted category and tells the member who looked and why", async () => {
    const member = await person();
    const counselor = await person();
    await grant(member.id, counselor.id, ["profile"]);
    const response = await counselor.browser.get(`/api/members/${member.id}/profile`);
    expect(response.statusCode).toBe(200);
    expect(response.json().displayName).toBe("Someone");
    const events = (await member.browser.get(`/api/members/${member.id}/audit-events`)).json()
      .events;
    expect(events[0]).toMatchObject({
      actorId: counselor.id,
      actorName: "Someone",
      action: "read:profile",
      purpose: "Counseling",
      outcome: "allowed",
    });
  });

  it("stops access on the very next request after a grant is revoked or expires", async () => {
    const member = await person();
    const counselor = await person();
    const grantId = await grant(member.id, counselor.id, ["profile"]);
    expect((await counselor.browser.get(`/api/members/${member.id}/profile`)).statusCode).toBe(200);
    await t.store.db
      .updateTable("consent_grants")
      .set({ revoked_at: new Date().toISOString() })
      .where("member_id", "=", member.id)
      .where("id", "=", grantId)
      .execute();
    expect((await counselor.browser.get(`/api/members/${member.id}/profile`)).statusCode).toBe(403);
    const other = await person();
    await grant(member.id, other.id, ["profile"], {
      expires_at: new Date(Date.now() - 1000).toISOString(),
    });
    expect((await other.browser.get(`/api/members/${member.id}/profile`)).statusCode).toBe(403);
  });

  it("does not let a grant for one category open another", async () => {
    const member = await person();
    const supporter = await person();
    await grant(member.id, supporter.id, ["checkins"]);
    expect((await supporter.browser.get(`/api/members/${member.id}/profile`)).statusCode).toBe(403);
  });

  it("shows the audit log only to the member it is about", async () => {
    const member = await person();
    const counselor = await person();
    await grant(member.id, counselor.id, ["profile"]);
    expect((await counselor.browser.get(`/api/members/${member.id}/audit-events`)).statusCode).toBe(
      403,
    );
  });

  it("keeps the chain intact through many appends and detects a changed event", async () => {
    const member = await person();
    const stranger = await person();
    await Promise.all(
      Array.from({ length: 10 }, () => stranger.browser.get(`/api/members/${member.id}/profile`)),
    );
    const intact = await verifyAuditChain(t.store.db);
    expect(intact.ok).toBe(true);
    const victim = await t.store.db
      .selectFrom("audit_events")
      .select("seq")
      .where("member_id", "=", member.id)
      .orderBy("seq")
      .executeTakeFirstOrThrow();
    await t.store.db
      .updateTable("audit_events")
      .set({ actor_id: "someone-innocent" })
      .where("seq", "=", victim.seq)
      .execute();
    const broken = await verifyAuditChain(t.store.db);
    expect(broken).toMatchObject({ ok: false, brokenAtSeq: Number(victim.seq) });
  });
});
