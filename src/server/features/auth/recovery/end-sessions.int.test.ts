import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, uniqueEmail } from "../../../../../test/support/http-client";
import { signUp } from "../../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../../test/support/test-app";

/** ASVS 7.4.5: an admin can sign a person of their organization out of every device. */
describe.each(DIALECTS)("an admin ending someone's sessions on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const url = "/api/people/sessions/end";

  it("signs the person out everywhere, and tells them in their own log", async () => {
    const admin = await signUp(t, "Admin", "admin");
    const member = await signUp(t, "Member");
    const laptop = browserFor(t.app);
    expect((await laptop.post("/api/auth/sign-in", member)).statusCode).toBe(200);

    const ended = await admin.browser.post(url, { email: member.email.toUpperCase() });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ ok: true });
    expect((await member.browser.get("/api/me")).statusCode).toBe(401);
    expect((await laptop.get("/api/me")).statusCode).toBe(401);
    // The admin's own session goes on.
    expect((await admin.browser.get("/api/me")).statusCode).toBe(200);

    expect((await browserFor(t.app).post("/api/auth/sign-in", member)).statusCode).toBe(200);
    const events = await t.store.db
      .selectFrom("audit_events")
      .select(["action", "actor_id"])
      .where("member_id", "=", member.id)
      .execute();
    expect(events).toContainEqual({ action: "account:sessions-ended", actor_id: admin.id });
  });

  it("answers the same for an unknown email, and refuses anyone but an admin", async () => {
    const admin = await signUp(t, "Admin", "admin");
    const unknown = await admin.browser.post(url, { email: uniqueEmail("nobody") });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ ok: true });

    const member = await signUp(t, "Member");
    const other = await signUp(t, "Other member");
    const refused = await member.browser.post(url, { email: other.email });
    expect(refused.statusCode).toBe(403);
    expect((await other.browser.get("/api/me")).statusCode).toBe(200);
    const clinician = await signUp(t, "Clinician", "clinician");
    expect((await clinician.browser.post(url, { email: other.email })).statusCode).toBe(403);
  });
});
