import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../../test/support/test-app";

/**
 * New recovery codes replace the old and can reset the password, so making them asks for the
 * password again (ASVS 7.5.1): a session left open on a shared computer is not enough.
 */
describe.each(DIALECTS)("making new recovery codes on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const codeIds = async (userId: string) =>
    (
      await t.store.db
        .selectFrom("recovery_codes")
        .select("id")
        .where("user_id", "=", userId)
        .orderBy("id")
        .execute()
    ).map((row) => row.id);

  it("asks for the password, and a wrong one changes nothing", async () => {
    const member = await signUp(t, "Member");
    const url = "/api/second-factor/recovery-codes";
    const made = await member.browser.post(url, { password: member.password });
    expect(made.statusCode).toBe(200);
    const before = await codeIds(member.id);
    expect(before).toHaveLength(10);

    const none = await member.browser.post(url, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.field).toBe("password");
    const wrong = await member.browser.post(url, { password: "not my password at all, sorry" });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toEqual({
      error: { code: "password_incorrect", message: expect.any(String), field: "password" },
    });
    expect(await codeIds(member.id)).toEqual(before);

    const again = await member.browser.post(url, { password: member.password });
    expect(again.statusCode).toBe(200);
    expect(await codeIds(member.id)).not.toEqual(before);
  });

  it("counts wrong passwords here like wrong ones at sign-in: five free, then a wait", async () => {
    const member = await signUp(t, "Member");
    const url = "/api/second-factor/recovery-codes";
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await member.browser.post(url, { password: `a wrong guess number ${attempt}` });
      expect(wrong.statusCode).toBe(403);
    }
    const throttled = await member.browser.post(url, { password: member.password });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers["retry-after"]).toBeDefined();
    // The wait holds at sign-in too: it is one count per account.
    const signIn = await member.browser.post("/api/auth/sign-in", {
      email: member.email,
      password: member.password,
    });
    expect(signIn.statusCode).toBe(429);
  });
});
