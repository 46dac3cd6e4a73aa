import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, passphrase, uniqueEmail } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { addLocalDays, dayAmong, localDayOf } from "../../../domain/local-day";
import { signIn } from "./service";

describe.each(DIALECTS)("accounts and sessions on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  // Signs up through the API and keeps its answer, for the tests of sign-up itself and of a
  // staff session started by a fresh sign-in; everyone else comes from test/support/people.ts.
  async function signedUp() {
    const browser = browserFor(t.app);
    const email = uniqueEmail();
    const password = passphrase();
    const response = await browser.post("/api/auth/sign-up", {
      email,
      password,
      displayName: "Ana",
    });
    expect(response.statusCode).toBe(201);
    return { browser, email, password, me: response.json() };
  }

  it("signs up a member into the default organization and starts a session", async () => {
    const { browser, me, email } = await signedUp();
    expect(me.email).toBe(email);
    expect(me.memberships).toEqual([
      expect.objectContaining({ role: "member", organizationName: "Waymark" }),
    ]);
    expect(browser.cookie).toMatch(/^__Host-waymark_session=/);
    const again = await browser.get("/api/me");
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(me.id);
  });

  it("sends the member's days with their first instants in their own zone", async () => {
    const browser = browserFor(t.app);
    const signedUpIn = await browser.post("/api/auth/sign-up", {
      email: uniqueEmail(),
      password: passphrase(),
      timeZone: "Pacific/Kiritimati",
    });
    const me = (await browser.get("/api/me")).json();
    expect(signedUpIn.json().days).toEqual(me.days);
    const now = new Date();
    expect(dayAmong(me.days, now)).toBe(localDayOf(now, "Pacific/Kiritimati"));
    // Kiritimati is 14 hours ahead of UTC: its days begin at 10:00 UTC the day before.
    for (const { day, startsAt } of me.days) {
      expect(startsAt).toBe(`${addLocalDays(day, -1)}T10:00:00.000Z`);
    }
  });

  it("sets a __Host- HttpOnly SameSite cookie and stores only the token's hash", async () => {
    const browser = browserFor(t.app);
    const response = await browser.post("/api/auth/sign-up", {
      email: uniqueEmail(),
      password: passphrase(),
    });
    const cookie = response.cookies.find((c) => c.name === "__Host-waymark_session");
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    const token = cookie?.value as string;
    expect(Buffer.from(token, "base64url")).toHaveLength(16);
    const stored = await t.store.db.selectFrom("sessions").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it("refuses short, common and duplicate passwords or emails, writing nothing", async () => {
    const browser = browserFor(t.app);
    const before = await t.store.db.selectFrom("users").select("id").execute();
    const short = await browser.post("/api/auth/sign-up", {
      email: uniqueEmail(),
      password: "short one",
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: "password_too_short", field: "password" });
    const common = await browser.post("/api/auth/sign-up", {
      email: uniqueEmail(),
      password: "1234567890123456",
    });
    expect(common.json().error.code).toBe("password_common");
    const { email } = await signUp(t, "Ana");
    const duplicate = await browser.post("/api/auth/sign-up", {
      email: email.toUpperCase(),
      password: passphrase(),
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe("email_taken");
    const after = await t.store.db.selectFrom("users").select("id").execute();
    expect(after.length).toBe(before.length + 1);
  });

  it("accepts every character and long passphrases without truncating them", async () => {
    const browser = browserFor(t.app);
    const email = uniqueEmail();
    const password = `ünïcødé 🌄 spaces   and "quotes" ${"x".repeat(60)}`;
    expect((await browser.post("/api/auth/sign-up", { email, password })).statusCode).toBe(201);
    const truncated = await browserFor(t.app).post("/api/auth/sign-in", {
      email,
      password: password.slice(0, 72),
    });
    expect(truncated.statusCode).toBe(401);
    const whole = await browserFor(t.app).post("/api/auth/sign-in", { email, password });
    expect(whole.statusCode).toBe(200);
  });

  it("answers a wrong password with 401 and no session", async () => {
    const { email } = await signUp(t, "Ana");
    const stranger = browserFor(t.app);
    const response = await stranger.post("/api/auth/sign-in", {
      email,
      password: "not the right passphrase",
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("invalid_credentials");
    expect(stranger.cookie).toBeNull();
    const unknown = await stranger.post("/api/auth/sign-in", {
      email: uniqueEmail(),
      password: passphrase(),
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe(response.json().error.message);
  });

  it("issues a new token at every sign-in", async () => {
    const { email, password, browser } = await signUp(t, "Ana");
    const first = browser.cookie;
    await browser.post("/api/auth/sign-in", { email, password });
    expect(browser.cookie).not.toBe(first);
  });

  it("throttles an account after repeated failures, with Retry-After, then lets the right password in", async () => {
    const { email, password } = await signUp(t, "Ana");
    const attacker = browserFor(t.app, "10.0.0.9");
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await attacker.post("/api/auth/sign-in", { email, password: "wrong passphrase again" }))
          .statusCode,
      ).toBe(401);
    }
    const throttled = await attacker.post("/api/auth/sign-in", { email, password });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe("rate_limited");
    expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
    const later = new Date(Date.now() + 60_000);
    const session = await signIn(t.store.db, { email, password }, null, later);
    expect(session.me.email).toBe(email);
  });

  it("locks an account at 100 consecutive failures", async () => {
    const { email, password } = await signUp(t, "Ana");
    await t.store.db
      .insertInto("auth_failures")
      .values({ email, consecutive_failures: 100, last_failure_at: new Date(0).toISOString() })
      .execute();
    const response = await browserFor(t.app).post("/api/auth/sign-in", { email, password });
    expect(response.statusCode).toBe(429);
    expect(response.json().error.code).toBe("account_locked");
  });

  it("lists sessions, revokes one, and the revoked one stops working at once", async () => {
    const { email, password, browser: phone } = await signUp(t, "Ana");
    const laptop = browserFor(t.app);
    await laptop.post("/api/auth/sign-in", { email, password }, { "user-agent": "Laptop browser" });
    const list = (await phone.get("/api/sessions")).json().sessions;
    expect(list).toHaveLength(2);
    const laptopSession = list.find((s: { current: boolean }) => !s.current);
    expect(laptopSession.userAgent).toBe("Laptop browser");
    const url = `/api/sessions/${laptopSession.id}`;
    expect((await phone.request({ method: "DELETE", url, payload: { password } })).statusCode).toBe(
      200,
    );
    expect((await laptop.get("/api/me")).statusCode).toBe(401);
    expect((await phone.get("/api/me")).statusCode).toBe(200);
    expect((await phone.request({ method: "DELETE", url, payload: { password } })).statusCode).toBe(
      404,
    );
  });

  it("asks for the password before ending another device's session (ASVS 7.5.2), not this one's", async () => {
    const { email, password, browser: phone } = await signUp(t, "Ana");
    const laptop = browserFor(t.app);
    await laptop.post("/api/auth/sign-in", { email, password });
    const sessions = (await phone.get("/api/sessions")).json().sessions;
    const other = sessions.find((s: { current: boolean }) => !s.current);
    const url = `/api/sessions/${other.id}`;
    const end = (payload: object) => phone.request({ method: "DELETE", url, payload });

    const without = await end({});
    expect(without.statusCode).toBe(400);
    expect(without.json().error).toMatchObject({ code: "password_required", field: "password" });
    const wrong = await end({ password: "not my password at all" });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toMatchObject({ code: "password_incorrect", field: "password" });
    expect((await laptop.get("/api/me")).statusCode).toBe(200);
    // Wrong guesses count with sign-in's: after five, even the right one waits.
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await end({ password: `another wrong guess ${attempt}` });
    }
    const throttled = await end({ password });
    expect(throttled.statusCode).toBe(429);
    expect((await laptop.get("/api/me")).statusCode).toBe(200);

    // This device's own session ends without it (signing out here).
    const own = (await laptop.get("/api/sessions")).json().sessions;
    const laptopOwn = own.find((s: { current: boolean }) => s.current);
    const signedOut = await laptop.delete(`/api/sessions/${laptopOwn.id}`);
    expect(signedOut.statusCode).toBe(200);
    expect((await laptop.get("/api/me")).statusCode).toBe(401);
  });

  it("signs out every other device at once, with the password (ASVS 7.4.3)", async () => {
    const { email, password, browser: phone } = await signUp(t, "Ana");
    const laptop = browserFor(t.app);
    const tablet = browserFor(t.app);
    await laptop.post("/api/auth/sign-in", { email, password });
    await tablet.post("/api/auth/sign-in", { email, password });
    const url = "/api/sessions/end-others";
    const wrong = await phone.post(url, { password: "not my password at all" });
    expect(wrong.statusCode).toBe(403);
    expect((await laptop.get("/api/me")).statusCode).toBe(200);
    expect((await phone.post(url, {})).statusCode).toBe(400);

    const ended = await phone.post(url, { password });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ ended: 2 });
    expect((await laptop.get("/api/me")).statusCode).toBe(401);
    expect((await tablet.get("/api/me")).statusCode).toBe(401);
    expect((await phone.get("/api/me")).statusCode).toBe(200);
  });

  it("cannot revoke someone else's session", async () => {
    const a = await signUp(t, "Ana");
    const b = await signUp(t, "Ana");
    const bSession = (await b.browser.get("/api/sessions")).json().sessions[0];
    const attempt = await a.browser.request({
      method: "DELETE",
      url: `/api/sessions/${bSession.id}`,
      payload: { password: a.password },
    });
    expect(attempt.statusCode).toBe(404);
    expect((await b.browser.get("/api/me")).statusCode).toBe(200);
  });

  it("signs out on the server, so the old cookie is useless", async () => {
    const { browser } = await signUp(t, "Ana");
    const oldCookie = browser.cookie as string;
    expect((await browser.post("/api/auth/sign-out")).statusCode).toBe(200);
    const replay = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: oldCookie },
    });
    expect(replay.statusCode).toBe(401);
  });

  it("expires staff sessions after 30 idle minutes but keeps a member's", async () => {
    const member = await signUp(t, "Ana");
    const staff = await signedUp();
    await t.store.db
      .insertInto("memberships")
      .values({
        organization_id: staff.me.memberships[0].organizationId,
        user_id: staff.me.id,
        role: "clinician",
        created_at: new Date().toISOString(),
      })
      .execute();
    const staffBrowser = browserFor(t.app);
    await staffBrowser.post("/api/auth/sign-in", { email: staff.email, password: staff.password });
    const idleSince = new Date(Date.now() - 31 * 60_000).toISOString();
    await t.store.db
      .updateTable("sessions")
      .set({ last_seen_at: idleSince })
      .where("user_id", "in", [member.id, staff.me.id])
      .execute();
    expect((await staffBrowser.get("/api/me")).statusCode).toBe(401);
    expect((await member.browser.get("/api/me")).statusCode).toBe(200);
  });

  it("keeps sign-up closed when the instance says so", async () => {
    const closed = await startTestApp(dialect, { signUpOpen: false });
    try {
      const response = await browserFor(closed.app).post("/api/auth/sign-up", {
        email: uniqueEmail(),
        password: passphrase(),
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("signup_closed");
      expect((await closed.store.db.selectFrom("users").select("id").execute()).length).toBe(0);
    } finally {
      await closed.close();
    }
  });

  it("limits sign-in attempts per IP with a clear 429", async () => {
    const limited = await startTestApp(dialect, { authRateLimit: { max: 3, windowMs: 60_000 } });
    try {
      const browser = browserFor(limited.app, "192.0.2.50");
      for (let i = 0; i < 3; i += 1) {
        await browser.post("/api/auth/sign-in", { email: uniqueEmail(), password: passphrase() });
      }
      const blocked = await browser.post("/api/auth/sign-in", {
        email: uniqueEmail(),
        password: passphrase(),
      });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe("rate_limited");
      const otherDevice = await browserFor(limited.app, "192.0.2.51").post("/api/auth/sign-in", {
        email: uniqueEmail(),
        password: passphrase(),
      });
      expect(otherDevice.statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
