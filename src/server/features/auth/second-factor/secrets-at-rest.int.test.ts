import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticatorApp } from "../../../../../test/support/authenticator";
import { browserFor } from "../../../../../test/support/http-client";
import { signUp } from "../../../../../test/support/people";
import { enrolAuthenticator } from "../../../../../test/support/second-factor";
import { DIALECTS, startTestApp, type TestApp } from "../../../../../test/support/test-app";
import { DEMO_STAFF_TOTP_SECRET, seedSecondFactorDemo } from "../../../../cli/demo/second-factor";
import { adoptSecretsKey, openSecretBox, readSecretsKey } from "../../../security/secret-box";
import { readTotpSecret, sealTotpSecretsWithCurrentKey } from "./totp-secrets";

/**
 * TOTP seeds are sealed with a key that is not in the database (ASVS 11.3.2, 13.3.1): a copy of
 * the database or a backup alone does not let anyone compute a person's codes.
 */
describe.each(DIALECTS)("authenticator seeds at rest on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const storedSeed = async (userId: string) =>
    (
      await t.store.db
        .selectFrom("totp_factors")
        .select("shared_secret")
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow()
    ).shared_secret;

  async function signInWithCode(person: { email: string; password: string }, code: string) {
    const browser = browserFor(t.app);
    expect((await browser.post("/api/auth/sign-in", person)).statusCode).toBe(200);
    return browser.post("/api/auth/second-factor", { code });
  }

  it("keeps the seed sealed from the moment it is made, and still checks codes with it", async () => {
    const member = await signUp(t, "Member");
    const begun = (await member.browser.post("/api/second-factor/totp")).json();
    const pending = await storedSeed(member.id);
    expect(pending).toMatch(/^wm1:/);
    expect(pending).not.toContain(begun.secret);
    const app = authenticatorApp(begun.secret);
    const confirmed = await member.browser.post("/api/second-factor/totp/confirm", {
      code: app.nextCode(),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(await storedSeed(member.id)).toBe(pending);
    expect((await signInWithCode(member, app.nextCode())).statusCode).toBe(200);
  });

  it("seals seeds kept in clear before, at start or else at their first use", async () => {
    const first = await signUp(t, "First");
    const second = await signUp(t, "Second");
    const apps = [
      await enrolAuthenticator(first.browser),
      await enrolAuthenticator(second.browser),
    ];
    // As an installation from before sealing left them.
    for (const [person, app] of [
      [first, apps[0]],
      [second, apps[1]],
    ] as const) {
      await t.store.db
        .updateTable("totp_factors")
        .set({ shared_secret: app?.secret ?? "" })
        .where("user_id", "=", person.id)
        .execute();
    }
    // At first use: the code works and the seed is sealed on the way.
    expect((await signInWithCode(first, apps[0]?.nextCode() ?? "")).statusCode).toBe(200);
    expect(await storedSeed(first.id)).toMatch(/^wm1:/);
    // At start: every seed left in clear.
    expect(await sealTotpSecretsWithCurrentKey(t.store.db, t.context.secrets)).toBe(1);
    expect(await storedSeed(second.id)).toMatch(/^wm1:/);
    expect(await sealTotpSecretsWithCurrentKey(t.store.db, t.context.secrets)).toBe(0);
    expect((await signInWithCode(second, apps[1]?.nextCode() ?? "")).statusCode).toBe(200);
  });

  it("refuses to start with a key other than the installation's", async () => {
    const other = { secretsKey: randomBytes(32).toString("base64"), dataDir: t.config.dataDir };
    await expect(openSecretBox(t.store.db, other)).rejects.toThrow(/another secrets key/);
    // The installation's own key (here the data directory's file) still opens.
    await expect(openSecretBox(t.store.db, t.config)).resolves.toBeDefined();
  });

  it("seals the demo staff's shared seed too, and its codes work", async () => {
    const clinician = await signUp(t, "Demo clinician");
    await t.store.db.deleteFrom("totp_factors").where("user_id", "=", clinician.id).execute();
    await seedSecondFactorDemo(t.store.db, t.context.secrets, [clinician.id], new Date());
    expect(await storedSeed(clinician.id)).toMatch(/^wm1:/);
    const app = authenticatorApp(DEMO_STAFF_TOTP_SECRET);
    expect((await signInWithCode(clinician, app.nextCode())).statusCode).toBe(200);
  });

  // Last: it changes the installation's key.
  it("changes the key: seeds sealed with the previous one are sealed again, then it is adopted", async () => {
    const member = await signUp(t, "Member");
    const { secret } = await enrolAuthenticator(member.browser);
    const before = await storedSeed(member.id);
    const previous = readSecretsKey(t.config).toString("base64");
    const next = randomBytes(32).toString("base64");
    const changing = { secretsKey: next, previousSecretsKey: previous, dataDir: t.config.dataDir };

    const box = await openSecretBox(t.store.db, changing);
    expect(await sealTotpSecretsWithCurrentKey(t.store.db, box)).toBeGreaterThanOrEqual(1);
    await adoptSecretsKey(t.store.db, changing);
    const after = await storedSeed(member.id);
    expect(after).toMatch(/^wm1:/);
    expect(after).not.toBe(before);
    // The new key alone opens it; the old one no longer starts a process.
    const adopted = await openSecretBox(t.store.db, {
      secretsKey: next,
      dataDir: t.config.dataDir,
    });
    expect(
      await readTotpSecret(t.store.db, adopted, { user_id: member.id, shared_secret: after }),
    ).toBe(secret);
    await expect(openSecretBox(t.store.db, t.config)).rejects.toThrow(/another secrets key/);
  });
});
