import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticatorApp } from "../../../../../test/support/authenticator";
import { type Browser, browserFor } from "../../../../../test/support/http-client";
import { defaultOrganizationId, signUp } from "../../../../../test/support/people";
import { enrolAuthenticator } from "../../../../../test/support/second-factor";
import { DIALECTS, startTestApp, type TestApp } from "../../../../../test/support/test-app";
import type { Role } from "../../../../domain/roles";
import { addMembership } from "../queries";

describe.each(DIALECTS)("the second factor on %s", (dialect) => {
  let t: TestApp;
  let organizationId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    organizationId = await defaultOrganizationId(t);
  });
  afterAll(async () => t.close());

  /** Signs up through people.ts, and gives staff their role without the second factor it adds. */
  async function person(role: Role = "member") {
    const someone = await signUp(t, `A ${role}`);
    if (role !== "member") {
      await addMembership(t.store.db, organizationId, someone.id, role, new Date());
    }
    return someone;
  }

  async function share(member: { browser: Browser }, recipientEmail: string) {
    const response = await member.browser.post("/api/consents", {
      recipientEmail,
      purpose: "Treatment",
      categories: ["profile", "checkins", "plan"],
      expiresAt: null,
      expiryEvent: "When I say so",
      signature: { typedName: "Member" },
      revocationAcknowledged: true,
    });
    expect(response.statusCode).toBe(201);
  }

  async function signIn(account: { email: string; password: string }) {
    const browser = browserFor(t.app);
    const response = await browser.post("/api/auth/sign-in", account);
    expect(response.statusCode).toBe(200);
    return { browser, me: response.json() };
  }

  const auditCount = async (memberId: string) =>
    (
      await t.store.db
        .selectFrom("audit_events")
        .where("member_id", "=", memberId)
        .select("id")
        .execute()
    ).length;

  it.each<Role>(["clinician", "supporter", "admin"])(
    "refuses a %s without a second factor every member's data, saying why, and logs nothing",
    async (role) => {
      const member = await person();
      const staff = await person(role);
      await share(member, staff.email);
      const me = (await staff.browser.get("/api/me")).json();
      expect(me.secondFactor).toEqual({ state: "none", required: true });
      const before = await auditCount(member.id);
      for (const url of [
        `/api/members/${member.id}/checkins`,
        `/api/members/${member.id}/summary`,
        `/api/members/${member.id}/supporter-view`,
        `/api/members/${member.id}/plan`,
        "/api/care/caseload",
      ]) {
        const response = await staff.browser.get(url);
        expect(response.statusCode, url).toBe(403);
        expect(response.json()).toEqual({
          error: { code: "second_factor_required", message: expect.any(String) },
        });
      }
      // The answer is the same for a member id that names nobody: nothing about grants leaks.
      const nobody = await staff.browser.get("/api/members/not-a-member/checkins");
      expect(nobody.json().error.code).toBe("second_factor_required");
      // Who shares with them is about those members too.
      expect((await staff.browser.get("/api/consents")).json().received).toEqual([]);
      expect(await auditCount(member.id)).toBe(before);
      // Their own account still works: they can add the factor.
      await enrolAuthenticator(staff.browser);
      expect((await staff.browser.get("/api/me")).json().secondFactor.state).toBe("verified");
      expect((await staff.browser.get(`/api/members/${member.id}/checkins`)).statusCode).toBe(200);
      expect((await staff.browser.get("/api/consents")).json().received).toHaveLength(1);
    },
  );

  it("lets a member without a role, shown data by a friend, read without a second factor", async () => {
    const member = await person();
    const friend = await person();
    await share(member, friend.email);
    expect((await friend.browser.get("/api/me")).json().secondFactor).toEqual({
      state: "none",
      required: false,
    });
    expect((await friend.browser.get(`/api/members/${member.id}/checkins`)).statusCode).toBe(200);
  });

  it("leaves a session partly signed in until the code is given, then lets it in", async () => {
    const clinician = await person("clinician");
    const app = await enrolAuthenticator(clinician.browser);
    const { browser, me } = await signIn(clinician);
    expect(me.secondFactor).toEqual({
      state: "pending",
      required: true,
      methods: { totp: true, passkey: false },
    });
    // Partly signed in: who am I and sign-out answer; nothing else, not even their own data.
    expect((await browser.get("/api/me")).json().secondFactor.state).toBe("pending");
    for (const url of [
      "/api/sessions",
      `/api/members/${clinician.id}/checkins`,
      "/api/second-factor",
    ]) {
      const response = await browser.get(url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.code).toBe("second_factor_required");
    }
    const beginAgain = await browser.post("/api/second-factor/totp");
    expect(beginAgain.json().error.code).toBe("second_factor_required");
    // Public routes treat it as signed out.
    expect((await browser.get("/api/config")).statusCode).toBe(200);

    const wrong = await browser.post("/api/auth/second-factor", { code: "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: "invalid_code", field: "code" });
    const partlySignedInCookie = browser.cookie as string;
    const right = await browser.post("/api/auth/second-factor", { code: app.nextCode() });
    expect(right.statusCode).toBe(200);
    expect(right.json().secondFactor.state).toBe("verified");
    // A new token for the fully signed-in session; the partly signed-in one is over.
    expect(browser.cookie).not.toBe(partlySignedInCookie);
    const old = await t.app.inject({ url: "/api/me", headers: { cookie: partlySignedInCookie } });
    expect(old.statusCode).toBe(401);
    expect((await browser.get("/api/sessions")).statusCode).toBe(200);
    const again = await browser.post("/api/auth/second-factor", { code: app.nextCode() });
    expect(again.json().error.code).toBe("not_partly_signed_in");
  });

  it("refuses a code used before (replay), even from another device", async () => {
    const clinician = await person("clinician");
    const begun = await clinician.browser.post("/api/second-factor/totp");
    const secret = begun.json().secret as string;
    const phone = authenticatorApp(secret);
    const code = phone.nextCode();
    expect(
      (await clinician.browser.post("/api/second-factor/totp/confirm", { code })).statusCode,
    ).toBe(200);
    const laptop = await signIn(clinician);
    const replay = await laptop.browser.post("/api/auth/second-factor", { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe("invalid_code");
    expect((await laptop.browser.get("/api/me")).json().secondFactor.state).toBe("pending");
    // Two tries of one new code at once: exactly one gets in.
    const tablet = await signIn(clinician);
    const fresh = phone.nextCode();
    const results = await Promise.all([
      laptop.browser.post("/api/auth/second-factor", { code: fresh }),
      tablet.browser.post("/api/auth/second-factor", { code: fresh }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
  });

  it("throttles wrong codes like wrong passwords: five free, then a wait", async () => {
    const member = await person();
    const app = await enrolAuthenticator(member.browser);
    const { browser } = await signIn(member);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await browser.post("/api/auth/second-factor", { code: "000000" });
      expect(wrong.statusCode).toBe(400);
    }
    const waiting = await browser.post("/api/auth/second-factor", { code: app.nextCode() });
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().error.code).toBe("rate_limited");
    expect(Number(waiting.headers["retry-after"])).toBeGreaterThan(0);
    // The password throttle is a separate count: signing in still works.
    expect((await browserFor(t.app).post("/api/auth/sign-in", member)).statusCode).toBe(200);
  });

  it("takes each recovery code once, in place of the app", async () => {
    const clinician = await person("clinician");
    const { recoveryCodes } = await enrolAuthenticator(clinician.browser);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    const stored = await t.store.db
      .selectFrom("recovery_codes")
      .select("code_hash")
      .where("user_id", "=", clinician.id)
      .execute();
    expect(stored.map((row) => row.code_hash).join()).not.toContain(recoveryCodes[0]?.slice(5));
    expect(stored[0]?.code_hash).toMatch(/^\$argon2id\$/);

    const code = recoveryCodes[0] as string;
    const first = await signIn(clinician);
    const used = await first.browser.post("/api/auth/second-factor", {
      recoveryCode: code.toUpperCase(),
    });
    expect(used.statusCode).toBe(200);
    expect((await first.browser.get("/api/second-factor")).json()).toMatchObject({
      totp: true,
      recoveryCodesLeft: 9,
    });
    const second = await signIn(clinician);
    const reused = await second.browser.post("/api/auth/second-factor", { recoveryCode: code });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error).toMatchObject({ code: "invalid_code", field: "recoveryCode" });
  });

  it("never shows the setup key again once the app is set up", async () => {
    const member = await person();
    await enrolAuthenticator(member.browser);
    const status = await member.browser.get("/api/second-factor");
    expect(status.json()).toEqual({
      state: "verified",
      required: false,
      totp: true,
      passkeys: 0,
      recoveryCodesLeft: 10,
    });
    const again = await member.browser.post("/api/second-factor/totp");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("totp_already_enrolled");
  });

  it("does not turn the app on until a right code confirms it", async () => {
    const member = await person();
    await member.browser.post("/api/second-factor/totp");
    const wrong = await member.browser.post("/api/second-factor/totp/confirm", { code: "123456" });
    expect(wrong.statusCode).toBe(400);
    const { me } = await signIn(member);
    expect(me.secondFactor.state).toBe("none");
    const bad = await member.browser.post("/api/second-factor/totp/confirm", { code: "" });
    expect(bad.statusCode).toBe(400);
  });

  it("makes members' recovery codes without an app, and a new set replaces the old", async () => {
    const member = await person();
    const again = { password: member.password };
    const first = (await member.browser.post("/api/second-factor/recovery-codes", again)).json();
    expect(first.recoveryCodes).toHaveLength(10);
    const second = (await member.browser.post("/api/second-factor/recovery-codes", again)).json();
    expect(second.recoveryCodes).not.toContain(first.recoveryCodes[0]);
    expect((await member.browser.get("/api/second-factor")).json()).toMatchObject({
      state: "none",
      totp: false,
      recoveryCodesLeft: 10,
    });
    // Recovery codes alone are no second factor: sign-in does not ask for one.
    expect((await signIn(member)).me.secondFactor.state).toBe("none");
  });
});
