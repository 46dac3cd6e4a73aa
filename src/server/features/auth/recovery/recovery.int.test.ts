import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, passphrase, uniqueEmail } from "../../../../../test/support/http-client";
import { softwarePasskey } from "../../../../../test/support/passkey-authenticator";
import { defaultOrganizationId, signUp, type TestPerson } from "../../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../../test/support/test-app";
import { actorFor } from "../../../security/session";
import { addMembership } from "../queries";
import { createResetLink, RESET_LINK_LIFETIME_MS } from "./service";

describe.each(DIALECTS)("account recovery on %s", (dialect) => {
  let t: TestApp;
  let admin: TestPerson;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signUp(t, "Admin", "admin");
  });
  afterAll(async () => t.close());

  const tokenOf = (url: string) => url.split("/reset/")[1] as string;
  const auditActions = async (memberId: string) =>
    (
      await t.store.db
        .selectFrom("audit_events")
        .select(["action", "actor_id", "resource"])
        .where("member_id", "=", memberId)
        .orderBy("seq")
        .execute()
    ).map((event) => event.action);

  it("gives an admin a 30-minute link that works once and ends every session", async () => {
    const member = await signUp(t);
    const phone = browserFor(t.app);
    expect((await phone.post("/api/auth/sign-in", member)).statusCode).toBe(200);
    const created = await admin.browser.post("/api/password-reset-links", { email: member.email });
    expect(created.statusCode).toBe(201);
    const link = created.json();
    expect(link.url).toMatch(/\/reset\/[\w-]{22}$/);
    const minutes = (new Date(link.expiresAt).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    const stored = await t.store.db
      .selectFrom("password_reset_links")
      .select("token_hash")
      .execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(tokenOf(link.url));

    const newPassword = passphrase();
    const reset = await browserFor(t.app).post("/api/auth/password-reset", {
      token: tokenOf(link.url),
      password: newPassword,
    });
    expect(reset.statusCode).toBe(200);
    // Every session of the account ended, on every device.
    expect((await member.browser.get("/api/me")).statusCode).toBe(401);
    expect((await phone.get("/api/me")).statusCode).toBe(401);
    const old = await browserFor(t.app).post("/api/auth/sign-in", member);
    expect(old.statusCode).toBe(401);
    const fresh = await browserFor(t.app).post("/api/auth/sign-in", {
      email: member.email,
      password: newPassword,
    });
    expect(fresh.statusCode).toBe(200);

    const reused = await browserFor(t.app).post("/api/auth/password-reset", {
      token: tokenOf(link.url),
      password: passphrase(),
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe("reset_link_invalid");
    expect(await auditActions(member.id)).toEqual(["account:reset-link", "account:password-reset"]);
  });

  it("answers the same for an email with no account here, and that link never works", async () => {
    const stranger = await admin.browser.post("/api/password-reset-links", {
      email: uniqueEmail("nobody"),
    });
    expect(stranger.statusCode).toBe(201);
    expect(Object.keys(stranger.json()).sort()).toEqual(["expiresAt", "url"]);
    const used = await browserFor(t.app).post("/api/auth/password-reset", {
      token: tokenOf(stranger.json().url),
      password: passphrase(),
    });
    expect(used.statusCode).toBe(410);
    expect(used.json().error.code).toBe("reset_link_invalid");
  });

  it("refuses an expired link and changes nothing", async () => {
    const member = await signUp(t);
    const issuedAt = new Date(Date.now() - RESET_LINK_LIFETIME_MS - 1000);
    const adminActor = await actorFor(t.store.db, admin.id, "test");
    const link = await createResetLink(
      t.store.db,
      adminActor,
      { email: member.email },
      "http://x",
      issuedAt,
    );
    const response = await browserFor(t.app).post("/api/auth/password-reset", {
      token: tokenOf(link.url),
      password: passphrase(),
    });
    expect(response.statusCode).toBe(410);
    expect((await member.browser.get("/api/me")).statusCode).toBe(200);
    expect((await browserFor(t.app).post("/api/auth/sign-in", member)).statusCode).toBe(200);
  });

  it("is for admins who have given their own second factor", async () => {
    const member = await signUp(t);
    const clinician = await signUp(t, "Clinician", "clinician");
    const notAdmin = await clinician.browser.post("/api/password-reset-links", {
      email: member.email,
    });
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json().error.code).toBe("forbidden");
    // Made admin the way people.ts would, but before they add their own second factor.
    const freshAdmin = await signUp(t, "New admin");
    const organizationId = await defaultOrganizationId(t);
    await addMembership(t.store.db, organizationId, freshAdmin.id, "admin", new Date());
    const unverified = await freshAdmin.browser.post("/api/password-reset-links", {
      email: member.email,
    });
    expect(unverified.statusCode).toBe(403);
    expect(unverified.json().error.code).toBe("second_factor_required");
    expect(await auditActions(member.id)).toEqual([]);
  });

  it("can clear a lost authenticator and passkeys along with the password", async () => {
    const clinician = await signUp(t, "Clinician", "clinician");
    const options = (await clinician.browser.post("/api/second-factor/passkeys/options")).json();
    const added = await clinician.browser.post("/api/second-factor/passkeys", {
      name: "Lost phone",
      response: softwarePasskey().create(options),
    });
    expect(added.statusCode).toBe(201);
    const link = (
      await admin.browser.post("/api/password-reset-links", {
        email: clinician.email,
        removeSecondFactor: true,
      })
    ).json();
    const password = passphrase();
    await browserFor(t.app).post("/api/auth/password-reset", {
      token: tokenOf(link.url),
      password,
    });
    const signedIn = await browserFor(t.app).post("/api/auth/sign-in", {
      email: clinician.email,
      password,
    });
    // No factor any more: fully signed in to their account, and sent to add a new one.
    expect(signedIn.json().secondFactor).toEqual({ state: "none", required: true });
    const passkeysLeft = await t.store.db
      .selectFrom("passkeys")
      .select("id")
      .where("user_id", "=", clinician.id)
      .execute();
    expect(passkeysLeft).toEqual([]);
  });

  it("refuses a weak new password before using the link up", async () => {
    const member = await signUp(t);
    const link = (
      await admin.browser.post("/api/password-reset-links", { email: member.email })
    ).json();
    const weak = await browserFor(t.app).post("/api/auth/password-reset", {
      token: tokenOf(link.url),
      password: "short",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: "password_too_short", field: "password" });
    const good = await browserFor(t.app).post("/api/auth/password-reset", {
      token: tokenOf(link.url),
      password: passphrase(),
    });
    expect(good.statusCode).toBe(200);
  });

  it("lets a member reset with one of their own recovery codes, once", async () => {
    const member = await signUp(t);
    const codes = (
      await member.browser.post("/api/second-factor/recovery-codes", { password: member.password })
    ).json().recoveryCodes as string[];
    const code = codes[3] as string;
    const wrong = await browserFor(t.app).post("/api/auth/recover", {
      email: member.email,
      recoveryCode: "aaaa-bbbb-cccc",
      password: passphrase(),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: "invalid_recovery_code",
      field: "recoveryCode",
    });
    const unknown = await browserFor(t.app).post("/api/auth/recover", {
      email: uniqueEmail("nobody"),
      recoveryCode: code,
      password: passphrase(),
    });
    expect(unknown.json()).toEqual(wrong.json());

    const password = passphrase();
    const recovered = await browserFor(t.app).post("/api/auth/recover", {
      email: member.email,
      recoveryCode: code,
      password,
    });
    expect(recovered.statusCode).toBe(200);
    expect((await member.browser.get("/api/me")).statusCode).toBe(401);
    const signedIn = await browserFor(t.app).post("/api/auth/sign-in", {
      email: member.email,
      password,
    });
    expect(signedIn.statusCode).toBe(200);
    const again = await browserFor(t.app).post("/api/auth/recover", {
      email: member.email,
      recoveryCode: code,
      password: passphrase(),
    });
    expect(again.statusCode).toBe(400);
    expect(await auditActions(member.id)).toEqual(["account:password-reset"]);
  });

  it("throttles wrong recovery codes per account", async () => {
    const member = await signUp(t);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await browserFor(t.app).post("/api/auth/recover", {
        email: member.email,
        recoveryCode: "aaaa-bbbb-cccc",
        password: passphrase(),
      });
    }
    const waiting = await browserFor(t.app).post("/api/auth/recover", {
      email: member.email,
      recoveryCode: "aaaa-bbbb-cccc",
      password: passphrase(),
    });
    expect(waiting.statusCode).toBe(429);
  });
});
