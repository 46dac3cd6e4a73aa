import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { addMembership } from "../auth/queries";

/** ASVS 7.4.5: an admin signs everyone of the organization out at once. */
describe.each(DIALECTS)("an admin signing everyone out on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function newOrganization() {
    const id = randomUUID();
    await t.store.db
      .insertInto("organizations")
      .values({ id, name: "Riverside", created_at: new Date().toISOString() })
      .execute();
    return id;
  }
  const url = (organizationId: string) => `/api/organizations/${organizationId}/sessions/end`;

  it("ends every session of everyone there but the one asking, and tells each person", async () => {
    const org = await newOrganization();
    const admin = await signUp(t, "Robin", "admin", { organizationId: org });
    const adminLaptop = browserFor(t.app);
    expect((await adminLaptop.post("/api/auth/sign-in", admin)).statusCode).toBe(200);
    const clinician = await signUp(t, "Sam", "clinician", { organizationId: org });
    const member = await signUp(t, "Alex");
    await addMembership(t.store.db, org, member.id, "member", new Date());
    const memberLaptop = browserFor(t.app);
    expect((await memberLaptop.post("/api/auth/sign-in", member)).statusCode).toBe(200);
    const elsewhere = await signUp(t, "Kim");

    const ended = await admin.browser.post(url(org), { password: admin.password });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toEqual({ people: 3 });
    for (const signedOut of [clinician.browser, member.browser, memberLaptop, adminLaptop]) {
      expect((await signedOut.get("/api/me")).statusCode).toBe(401);
    }
    expect((await admin.browser.get("/api/me")).statusCode).toBe(200);
    expect((await elsewhere.browser.get("/api/me")).statusCode).toBe(200);

    const events = await t.store.db
      .selectFrom("audit_events")
      .select(["member_id", "actor_id", "action"])
      .where("action", "=", "account:sessions-ended")
      .where("member_id", "in", [member.id, clinician.id])
      .execute();
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.actor_id === admin.id)).toBe(true);
  });

  it("takes the admin's password, and refuses anyone else, signing nobody out", async () => {
    const org = await newOrganization();
    const admin = await signUp(t, "Robin", "admin", { organizationId: org });
    const member = await signUp(t, "Alex");
    await addMembership(t.store.db, org, member.id, "member", new Date());

    const wrong = await admin.browser.post(url(org), { password: "not the admin's password" });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toMatchObject({ code: "password_incorrect", field: "password" });
    expect((await admin.browser.post(url(org), {})).statusCode).toBe(400);
    const byMember = await member.browser.post(url(org), { password: member.password });
    expect(byMember.statusCode).toBe(403);
    const otherAdmin = await signUp(t, "Jo", "admin");
    expect(
      (await otherAdmin.browser.post(url(org), { password: otherAdmin.password })).statusCode,
    ).toBe(403);
    expect((await member.browser.get("/api/me")).statusCode).toBe(200);
  });
});
