import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, browserFor } from "../../../../../../test/support/http-client";
import {
  type SoftwarePasskey,
  softwarePasskey,
} from "../../../../../../test/support/passkey-authenticator";
import {
  defaultOrganizationId,
  share,
  signUp,
  type TestPerson,
} from "../../../../../../test/support/people";
import { enrolAuthenticator } from "../../../../../../test/support/second-factor";
import { DIALECTS, startTestApp, type TestApp } from "../../../../../../test/support/test-app";
import { addMembership } from "../../queries";

describe.each(DIALECTS)("passkeys as a second factor on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** Signs up, and gives the person a staff role without any second factor yet. */
  async function clinicianWithoutFactor(): Promise<TestPerson> {
    const person = await signUp(t, "Sam Rivera");
    await addMembership(
      t.store.db,
      await defaultOrganizationId(t),
      person.id,
      "clinician",
      new Date(),
    );
    return person;
  }

  async function enrolPasskey(browser: Browser, passkey: SoftwarePasskey, name = "My phone") {
    const options = await browser.post("/api/second-factor/passkeys/options");
    expect(options.statusCode, options.body).toBe(200);
    const added = await browser.post("/api/second-factor/passkeys", {
      name,
      response: passkey.create(options.json()),
    });
    expect(added.statusCode, added.body).toBe(201);
    return added.json() as {
      passkey: { id: string; name: string };
      recoveryCodes: string[] | null;
    };
  }

  /** A new browser, partly signed in with the password. */
  async function signInWithPassword(person: TestPerson): Promise<Browser> {
    const browser = browserFor(t.app);
    const response = await browser.post("/api/auth/sign-in", {
      email: person.email,
      password: person.password,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().secondFactor.state).toBe("pending");
    return browser;
  }

  async function signInOptions(browser: Browser) {
    const options = await browser.post("/api/auth/second-factor/passkey-options");
    expect(options.statusCode, options.body).toBe(200);
    return options.json() as { challenge: string; rpId: string; allowCredentials: unknown[] };
  }

  const state = async (browser: Browser) =>
    (await browser.get("/api/me")).json().secondFactor.state as string;

  const auditActions = async (userId: string) =>
    (
      await t.store.db
        .selectFrom("audit_events")
        .select("action")
        .where("member_id", "=", userId)
        .where("action", "like", "account:passkey%")
        .orderBy("seq")
        .execute()
    ).map((event) => event.action);

  it("lets a clinician enrol a passkey as their only factor, then finish signing in with it", async () => {
    const member = await signUp(t, "Jordan");
    const clinician = await clinicianWithoutFactor();
    await share(member, clinician, ["checkins"]);
    expect(await state(clinician.browser)).toBe("none");
    const checkins = `/api/members/${member.id}/checkins`;
    expect((await clinician.browser.get(checkins)).statusCode).toBe(403);

    const passkey = softwarePasskey();
    const options = await clinician.browser.post("/api/second-factor/passkeys/options");
    expect(options.json()).toMatchObject({
      rp: { id: "localhost", name: "Waymark" },
      attestation: "none",
      excludeCredentials: [],
    });
    const added = await enrolPasskey(clinician.browser, passkey, "  Work   laptop ");
    // The first factor comes with recovery codes, and this session is fully signed in.
    expect(added.recoveryCodes).toHaveLength(10);
    expect(added.passkey.name).toBe("Work laptop");
    expect(await state(clinician.browser)).toBe("verified");
    expect((await clinician.browser.get(checkins)).statusCode).toBe(200);
    expect((await clinician.browser.get("/api/second-factor")).json()).toMatchObject({
      required: true,
      totp: false,
      passkeys: 1,
    });

    // A new sign-in is partly signed in until the passkey answers.
    const browser = await signInWithPassword(clinician);
    expect((await browser.get("/api/me")).json().secondFactor.methods).toEqual({
      totp: false,
      passkey: true,
    });
    expect((await browser.get(checkins)).statusCode).toBe(403);
    const challenge = await signInOptions(browser);
    expect(challenge).toMatchObject({
      rpId: "localhost",
      allowCredentials: [{ id: passkey.credentialId, type: "public-key" }],
    });
    const verified = await browser.post("/api/auth/second-factor", {
      passkey: passkey.get(challenge),
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().secondFactor.state).toBe("verified");
    expect((await browser.get(checkins)).statusCode).toBe(200);
    const [listed] = (await browser.get("/api/second-factor/passkeys")).json().passkeys;
    expect(listed).toMatchObject({ name: "Work laptop", lastUsedAt: expect.any(String) });
    expect(await auditActions(clinician.id)).toEqual([
      "account:passkey-added",
      "account:passkey-sign-in",
    ]);
  });

  it("refuses a replayed answer and a challenge used before, with a 400", async () => {
    const clinician = await clinicianWithoutFactor();
    const passkey = softwarePasskey();
    const options = (await clinician.browser.post("/api/second-factor/passkeys/options")).json();
    const registration = passkey.create(options);
    const first = await clinician.browser.post("/api/second-factor/passkeys", {
      name: "Phone",
      response: registration,
    });
    expect(first.statusCode).toBe(201);
    // The same registration again: its challenge is gone.
    const again = await clinician.browser.post("/api/second-factor/passkeys", {
      name: "Phone",
      response: registration,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe("passkey_refused");

    const browser = await signInWithPassword(clinician);
    const assertion = passkey.get(await signInOptions(browser));
    expect((await browser.post("/api/auth/second-factor", { passkey: assertion })).statusCode).toBe(
      200,
    );
    // The same answer on another partly signed-in session (a copy of the network traffic).
    const other = await signInWithPassword(clinician);
    await signInOptions(other);
    const replayed = await other.post("/api/auth/second-factor", { passkey: assertion });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().error.code).toBe("passkey_refused");
    expect(await state(other)).toBe("pending");
  });

  it("refuses an answer to a challenge that expired", async () => {
    const clinician = await clinicianWithoutFactor();
    const passkey = softwarePasskey();
    await enrolPasskey(clinician.browser, passkey);
    const browser = await signInWithPassword(clinician);
    const challenge = await signInOptions(browser);
    await t.store.db
      .updateTable("webauthn_challenges")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("challenge", "=", challenge.challenge)
      .execute();
    const late = await browser.post("/api/auth/second-factor", { passkey: passkey.get(challenge) });
    expect(late.statusCode).toBe(400);
    expect(await state(browser)).toBe("pending");
  });

  it("refuses an answer made for another site, at enrolment and at sign-in", async () => {
    const clinician = await clinicianWithoutFactor();
    const passkey = softwarePasskey();
    const options = (await clinician.browser.post("/api/second-factor/passkeys/options")).json();
    const phished = await clinician.browser.post("/api/second-factor/passkeys", {
      name: "Phone",
      response: passkey.create(options, { origin: "https://waymark.evil.example" }),
    });
    expect(phished.statusCode).toBe(400);
    expect((await clinician.browser.get("/api/second-factor/passkeys")).json().passkeys).toEqual(
      [],
    );

    await enrolPasskey(clinician.browser, passkey);
    const browser = await signInWithPassword(clinician);
    const challenge = await signInOptions(browser);
    const wrongOrigin = await browser.post("/api/auth/second-factor", {
      passkey: passkey.get(challenge, { origin: "https://waymark.evil.example" }),
    });
    expect(wrongOrigin.statusCode).toBe(400);
    // The challenge was used up by that answer: even a right one now needs a new challenge.
    const late = await browser.post("/api/auth/second-factor", { passkey: passkey.get(challenge) });
    expect(late.statusCode).toBe(400);
    const retried = await browser.post("/api/auth/second-factor", {
      passkey: passkey.get(await signInOptions(browser)),
    });
    expect(retried.statusCode).toBe(200);
  });

  it("refuses a signature counter that went backwards (a cloned key)", async () => {
    const clinician = await clinicianWithoutFactor();
    const passkey = softwarePasskey();
    await enrolPasskey(clinician.browser, passkey);
    const first = await signInWithPassword(clinician);
    const used = await first.post("/api/auth/second-factor", {
      passkey: passkey.get(await signInOptions(first), { signCount: 5 }),
    });
    expect(used.statusCode).toBe(200);
    const browser = await signInWithPassword(clinician);
    const cloned = await browser.post("/api/auth/second-factor", {
      passkey: passkey.get(await signInOptions(browser), { signCount: 5 }),
    });
    expect(cloned.statusCode).toBe(400);
    const lower = await browser.post("/api/auth/second-factor", {
      passkey: passkey.get(await signInOptions(browser), { signCount: 2 }),
    });
    expect(lower.statusCode).toBe(400);
    const onward = await browser.post("/api/auth/second-factor", {
      passkey: passkey.get(await signInOptions(browser), { signCount: 6 }),
    });
    expect(onward.statusCode).toBe(200);
  });

  it("refuses another person's passkey, even answering this session's challenge", async () => {
    const sam = await clinicianWithoutFactor();
    const alex = await clinicianWithoutFactor();
    const samsPasskey = softwarePasskey();
    await enrolPasskey(sam.browser, samsPasskey);
    await enrolPasskey(alex.browser, softwarePasskey());
    const browser = await signInWithPassword(alex);
    const answer = await browser.post("/api/auth/second-factor", {
      passkey: samsPasskey.get(await signInOptions(browser)),
    });
    expect(answer.statusCode).toBe(400);
    expect(await state(browser)).toBe("pending");
    // And a person cannot add a passkey that is already someone else's.
    const options = (await alex.browser.post("/api/second-factor/passkeys/options")).json();
    const taken = await alex.browser.post("/api/second-factor/passkeys", {
      name: "Sam's key",
      response: samsPasskey.create(options),
    });
    expect(taken.statusCode).toBe(409);
  });

  /** DELETE with the password in the body, as the Sign-in protection screen sends it. */
  const removePasskey = (
    person: { browser: Browser; password: string },
    path: string,
    password = person.password,
  ) =>
    person.browser.request({
      method: "DELETE",
      url: path,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ password }),
    });

  it("removes a passkey; the last factor of staff only when they say so, and then their access goes", async () => {
    const member = await signUp(t, "Jordan");
    const clinician = await clinicianWithoutFactor();
    await share(member, clinician, ["checkins"]);
    const phone = (await enrolPasskey(clinician.browser, softwarePasskey(), "Phone")).passkey;
    const key = (await enrolPasskey(clinician.browser, softwarePasskey(), "Key")).passkey;
    const url = (id: string) => `/api/second-factor/passkeys/${id}`;

    // Removing asks for the password again; a wrong one removes nothing.
    const wrong = await removePasskey(clinician, url(key.id), "not my password at all");
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toMatchObject({ code: "password_incorrect", field: "password" });
    expect((await clinician.browser.get("/api/second-factor")).json().passkeys).toBe(2);
    expect((await removePasskey(clinician, url(key.id))).statusCode).toBe(200);
    const last = await removePasskey(clinician, url(phone.id));
    expect(last.statusCode).toBe(409);
    expect(last.json().error).toMatchObject({
      code: "last_second_factor",
      message: expect.stringMatching(/records people share with you/),
    });
    expect((await clinician.browser.get(`/api/members/${member.id}/checkins`)).statusCode).toBe(
      200,
    );
    // Another person cannot remove it, and an unknown id is not found.
    const stranger = await signUp(t, "Stranger");
    expect(
      (await removePasskey(stranger, `${url(phone.id)}?lastFactor=remove-anyway`)).statusCode,
    ).toBe(404);
    const removed = await removePasskey(clinician, `${url(phone.id)}?lastFactor=remove-anyway`);
    expect(removed.statusCode).toBe(200);
    expect(await state(clinician.browser)).toBe("none");
    const refused = await clinician.browser.get(`/api/members/${member.id}/checkins`);
    expect(refused.json().error.code).toBe("second_factor_required");
    expect(await auditActions(clinician.id)).toEqual([
      "account:passkey-added",
      "account:passkey-added",
      "account:passkey-removed",
      "account:passkey-removed",
    ]);
    // With nothing left, sign-in asks for the password only.
    const fresh = browserFor(t.app);
    const signIn = await fresh.post("/api/auth/sign-in", {
      email: clinician.email,
      password: clinician.password,
    });
    expect(signIn.json().secondFactor.state).toBe("none");
  });

  it("lets a member add a passkey beside an authenticator app and remove it without a warning", async () => {
    const member = await signUp(t, "Jordan");
    await enrolAuthenticator(member.browser);
    const added = await enrolPasskey(member.browser, softwarePasskey());
    // Not their first factor: no new recovery codes.
    expect(added.recoveryCodes).toBeNull();
    const removed = await removePasskey(member, `/api/second-factor/passkeys/${added.passkey.id}`);
    expect(removed.statusCode).toBe(200);
    expect(await state(member.browser)).toBe("verified");
  });

  it("names every passkey operation in the OpenAPI document", async () => {
    const document = (await t.app.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const ids = Object.values(document.paths).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        "listPasskeys",
        "beginPasskeyEnrolment",
        "addPasskey",
        "removePasskey",
        "beginPasskeySignIn",
        "verifySecondFactor",
      ]),
    );
  });

  it("keeps a partly signed-in session away from the passkey list and enrolment", async () => {
    const clinician = await clinicianWithoutFactor();
    await enrolPasskey(clinician.browser, softwarePasskey());
    const browser = await signInWithPassword(clinician);
    for (const response of [
      await browser.get("/api/second-factor/passkeys"),
      await browser.post("/api/second-factor/passkeys/options"),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("second_factor_required");
    }
    // And a fully signed-in one has no sign-in challenge to ask for.
    expect(
      (await clinician.browser.post("/api/auth/second-factor/passkey-options")).statusCode,
    ).toBe(409);
  });
});
