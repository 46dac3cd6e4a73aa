import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, passphrase, uniqueEmail } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { createAccount } from "../auth/service";
import { acceptInvite, INVITE_LIFETIME_MS } from "./service";

describe.each(DIALECTS)("invites on %s", (dialect) => {
  let t: TestApp;
  let admin: ReturnType<typeof browserFor>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    const organization = await t.store.db
      .selectFrom("organizations")
      .select("id")
      .executeTakeFirstOrThrow();
    const email = uniqueEmail("admin");
    const password = passphrase();
    await createAccount(t.store.db, organization.id, "admin", { email, password }, new Date());
    admin = browserFor(t.app);
    expect((await admin.post("/api/auth/sign-in", { email, password })).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it("lets an admin invite a clinician who joins with that role, once", async () => {
    const created = await admin.post("/api/invites", { role: "clinician" });
    expect(created.statusCode).toBe(201);
    const { token, url } = created.json();
    expect(url).toBe(`http://localhost:80/invite/${token}`);
    const clinician = browserFor(t.app);
    const email = uniqueEmail("clinician");
    const accepted = await clinician.post("/api/invites/accept", {
      token,
      email,
      password: passphrase(),
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().memberships.map((m: { role: string }) => m.role)).toEqual(["clinician"]);
    const reused = await browserFor(t.app).post("/api/invites/accept", {
      token,
      email: uniqueEmail(),
      password: passphrase(),
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe("invite_invalid");
  });

  it("refuses an expired invite and creates no account", async () => {
    const { token } = (await admin.post("/api/invites", { role: "supporter" })).json();
    const email = uniqueEmail("late");
    const afterExpiry = new Date(Date.now() + INVITE_LIFETIME_MS + 1000);
    await expect(
      acceptInvite(t.store.db, { token, email, password: passphrase() }, null, afterExpiry),
    ).rejects.toMatchObject({ code: "invite_invalid", statusCode: 410 });
    const user = await t.store.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirst();
    expect(user).toBeUndefined();
  });

  it("holds an invite made for one email to that email", async () => {
    const invitedEmail = uniqueEmail("invited");
    const { token } = (
      await admin.post("/api/invites", { role: "supporter", email: invitedEmail })
    ).json();
    const wrong = await browserFor(t.app).post("/api/invites/accept", {
      token,
      email: uniqueEmail("someone-else"),
      password: passphrase(),
    });
    expect(wrong.statusCode).toBe(410);
    const right = await browserFor(t.app).post("/api/invites/accept", {
      token,
      email: invitedEmail,
      password: passphrase(),
    });
    expect(right.statusCode).toBe(201);
  });

  it("does not let members invite anyone", async () => {
    const { browser: member } = await signUp(t);
    const response = await member.post("/api/invites", { role: "admin" });
    expect(response.statusCode).toBe(403);
    expect((await browserFor(t.app).post("/api/invites", { role: "admin" })).statusCode).toBe(401);
  });

  it("refuses a role that cannot be invited, naming the field", async () => {
    const response = await admin.post("/api/invites", { role: "member" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_error", field: "role" });
  });
});
