import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor } from "../../../../test/support/http-client";
import { defaultOrganizationId, share, signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import type { Role } from "../../../domain/roles";
import { addMembership } from "../auth/queries";

/** ASVS 7.4.2: an admin takes someone off the organization's staff; their access ends at once. */
describe.each(DIALECTS)("removing someone from an organization on %s", (dialect) => {
  let t: TestApp;
  let organizationId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    organizationId = await defaultOrganizationId(t);
  });
  afterAll(async () => t.close());

  const staffUrl = (personId: string, org = organizationId) =>
    `/api/organizations/${org}/staff/${personId}`;

  async function newOrganization() {
    const id = randomUUID();
    await t.store.db
      .insertInto("organizations")
      .values({ id, name: "Elsewhere", created_at: new Date().toISOString() })
      .execute();
    return id;
  }

  it("signs them out everywhere, ends what members shared with them, and audits both", async () => {
    const admin = await signUp(t, "Robin", "admin");
    const clinician = await signUp(t, "Sam clinician", "clinician");
    // Everyone who signs up is a member of the default organization.
    const member = await signUp(t, "Alex");
    await addMembership(t.store.db, organizationId, clinician.id, "moderator", new Date());
    await share(member, clinician, ["profile", "checkins"]);
    const laptop = browserFor(t.app);
    expect((await laptop.post("/api/auth/sign-in", clinician)).statusCode).toBe(200);
    expect((await clinician.browser.get(`/api/members/${member.id}/profile`)).statusCode).toBe(200);

    const listed = await admin.browser.get(`/api/organizations/${organizationId}/staff`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().staff).toContainEqual({
      id: clinician.id,
      displayName: "Sam clinician",
      email: clinician.email,
      roles: ["clinician", "moderator"],
    });

    const removed = await admin.browser.delete(staffUrl(clinician.id));
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ ok: true, sharingEnded: 1 });
    // Every session ends at once, on every device.
    expect((await clinician.browser.get("/api/me")).statusCode).toBe(401);
    expect((await laptop.get("/api/me")).statusCode).toBe(401);
    expect((await admin.browser.get("/api/me")).statusCode).toBe(200);

    // Signing in again, fully, they hold no role here and see nobody's record.
    const again = browserFor(t.app);
    expect((await again.post("/api/auth/sign-in", clinician)).statusCode).toBe(200);
    const code = await clinician.authenticator?.nextCodeWhenDue();
    expect((await again.post("/api/auth/second-factor", { code })).statusCode).toBe(200);
    const memberships = (await again.get("/api/me")).json().memberships as { role: string }[];
    expect(memberships.map((m) => m.role)).toEqual(["member"]);
    expect((await again.get(`/api/members/${member.id}/profile`)).statusCode).toBe(403);
    const consents = (await member.browser.get("/api/consents")).json();
    expect(consents.given[0].status).toBe("revoked");

    const events = await t.store.db
      .selectFrom("audit_events")
      .select(["member_id", "actor_id", "action", "resource"])
      .where("action", "in", ["account:removed-from-organization", "account:sharing-ended"])
      .where("member_id", "in", [clinician.id, member.id])
      .execute();
    expect(events).toContainEqual({
      member_id: clinician.id,
      actor_id: admin.id,
      action: "account:removed-from-organization",
      resource: expect.stringContaining("(clinician, moderator)"),
    });
    expect(events).toContainEqual({
      member_id: member.id,
      actor_id: admin.id,
      action: "account:sharing-ended",
      resource: "Sam clinician",
    });
    // The person's own "member" place, if they had one, is not staff: only staff roles go.
    expect(listed.json().staff.map((s: { id: string }) => s.id)).not.toContain(member.id);
  }, 60_000);

  it("keeps a grant from a member they still care for through another organization", async () => {
    const admin = await signUp(t, "Robin", "admin");
    const clinician = await signUp(t, "Sam", "clinician");
    const elsewhere = await newOrganization();
    await addMembership(t.store.db, elsewhere, clinician.id, "clinician", new Date());
    const member = await signUp(t, "Alex");
    await addMembership(t.store.db, elsewhere, member.id, "member", new Date());
    await share(member, clinician, ["profile"]);
    const removed = await admin.browser.delete(staffUrl(clinician.id));
    expect(removed.json()).toEqual({ ok: true, sharingEnded: 0 });
    expect((await member.browser.get("/api/consents")).json().given[0].status).toBe("active");
  });

  it("answers bad requests with a clear 4xx and changes nothing", async () => {
    const org = await newOrganization();
    const staffUrl = (personId: string, inOrg: string = org) =>
      `/api/organizations/${inOrg}/staff/${personId}`;
    const admin = await signUp(t, "Robin", "admin", { organizationId: org });
    const stranger = await signUp(t, "Kim", "clinician");
    const member = await signUp(t, "Alex");
    await addMembership(t.store.db, org, member.id, "member", new Date());

    const unknown = await admin.browser.delete(staffUrl(randomUUID()));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("not_in_organization");
    const elsewhere = await admin.browser.delete(staffUrl(stranger.id));
    expect(elsewhere.json().error.code).toBe("not_in_organization");
    expect((await stranger.browser.get("/api/me")).statusCode).toBe(200);
    const notStaff = await admin.browser.delete(staffUrl(member.id));
    expect(notStaff.statusCode).toBe(422);
    expect(notStaff.json().error.code).toBe("not_staff");
    expect((await member.browser.get("/api/me")).statusCode).toBe(200);
    expect((await admin.browser.delete(staffUrl("not-an-id"))).statusCode).toBe(400);
    // Another organization's staff is not this admin's to manage.
    const theirs = await admin.browser.delete(staffUrl(stranger.id, organizationId));
    expect(theirs.statusCode).toBe(403);
  });

  it("refuses to remove the only admin, and lets an admin leave when another stays", async () => {
    const org = await newOrganization();
    const first = await signUp(t, "Robin", "admin", { organizationId: org });
    const alone = await first.browser.delete(staffUrl(first.id, org));
    expect(alone.statusCode).toBe(409);
    expect(alone.json().error.code).toBe("last_admin");
    expect((await first.browser.get("/api/me")).statusCode).toBe(200);
    const roles = await t.store.db
      .selectFrom("memberships")
      .select("role")
      .where("user_id", "=", first.id)
      .where("organization_id", "=", org)
      .execute();
    expect(roles).toEqual([{ role: "admin" }]);

    const second = await signUp(t, "Jo", "admin", { organizationId: org });
    const left = await first.browser.delete(staffUrl(first.id, org));
    expect(left.statusCode).toBe(200);
    expect((await first.browser.get("/api/me")).statusCode).toBe(401);
    expect((await second.browser.get(`/api/organizations/${org}/staff`)).json().staff).toEqual([
      { id: second.id, displayName: "Jo", email: second.email, roles: ["admin"] },
    ]);
  });

  it.each<[string, Role | "admin without a second factor"]>([
    ["a member", "member"],
    ["a clinician", "clinician"],
    ["a supporter", "supporter"],
    ["a moderator", "moderator"],
    ["an admin without a second factor", "admin without a second factor"],
  ])("refuses %s, on both operations, changing nothing", async (_, kind) => {
    const target = await signUp(t, "Sam", "clinician");
    let caller: { browser: ReturnType<typeof browserFor> };
    if (kind === "admin without a second factor") {
      const plain = await signUp(t, "Pat");
      await addMembership(t.store.db, organizationId, plain.id, "admin", new Date());
      caller = plain;
    } else {
      caller = await signUp(t, "Caller", kind);
    }
    const list = await caller.browser.get(`/api/organizations/${organizationId}/staff`);
    expect(list.statusCode).toBe(403);
    const removal = await caller.browser.delete(staffUrl(target.id));
    expect(removal.statusCode).toBe(403);
    expect((await target.browser.get("/api/me")).statusCode).toBe(200);
    expect((await browserFor(t.app).delete(staffUrl(target.id))).statusCode).toBe(401);
  });
});
