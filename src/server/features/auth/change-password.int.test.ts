import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, passphrase } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";

/** ASVS 6.2.2 and 6.2.3: people can change their password, giving the current one. */
describe.each(DIALECTS)("changing one's password on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const passwordHash = async (userId: string) =>
    (
      await t.store.db
        .selectFrom("users")
        .select("password_hash")
        .where("id", "=", userId)
        .executeTakeFirstOrThrow()
    ).password_hash;

  it("takes the current password and a new one, and ends every other session", async () => {
    const member = await signUp(t, "Member");
    const elsewhere = browserFor(t.app);
    const signedIn = await elsewhere.post("/api/auth/sign-in", {
      email: member.email,
      password: member.password,
    });
    expect(signedIn.statusCode).toBe(200);

    const next = passphrase();
    const changed = await member.browser.post("/api/me/password", {
      currentPassword: member.password,
      password: next,
    });
    expect(changed.statusCode).toBe(200);
    // This device stays signed in; the other one is signed out.
    expect((await member.browser.get("/api/me")).statusCode).toBe(200);
    expect((await elsewhere.get("/api/me")).statusCode).toBe(401);
    const withOld = await browserFor(t.app).post("/api/auth/sign-in", {
      email: member.email,
      password: member.password,
    });
    expect(withOld.statusCode).toBe(401);
    const withNew = await browserFor(t.app).post("/api/auth/sign-in", {
      email: member.email,
      password: next,
    });
    expect(withNew.statusCode).toBe(200);
  });

  it("refuses a wrong current password or a weak new one, changing nothing", async () => {
    const member = await signUp(t, "Member");
    const before = await passwordHash(member.id);
    const wrong = await member.browser.post("/api/me/password", {
      currentPassword: "this is not the current password",
      password: passphrase(),
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toMatchObject({
      code: "password_incorrect",
      field: "currentPassword",
    });
    const weak = await member.browser.post("/api/me/password", {
      currentPassword: member.password,
      password: "password",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.field).toBe("password");
    expect(await passwordHash(member.id)).toBe(before);
    const signedOut = await browserFor(t.app).post("/api/me/password", {
      currentPassword: member.password,
      password: passphrase(),
    });
    expect(signedOut.statusCode).toBe(401);
  });

  it("refuses a password made of the app's name or one's own email, at sign-up and at a change", async () => {
    const email = `jamie.ortiz.${Date.now()}@example.org`;
    const browser = browserFor(t.app);
    const refused = await browser.post("/api/auth/sign-up", {
      email,
      password: "waymark waymark 2026",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: "password_context", field: "password" });
    const member = await signUp(t, "Member");
    const change = await member.browser.post("/api/me/password", {
      currentPassword: member.password,
      password: `${member.email} 1`,
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().error).toMatchObject({ code: "password_context", field: "password" });
  });
});
