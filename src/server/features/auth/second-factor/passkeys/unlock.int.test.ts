import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { softwarePasskey } from "../../../../../../test/support/passkey-authenticator";
import { signUp } from "../../../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../../../test/support/test-app";

/** A passkey opens the app lock on a shared phone instead of the PIN (issue 19, part 2). */
describe.each(DIALECTS)("opening the app lock with a passkey on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("opens for the person's own passkey once per challenge, only with the device's verification", async () => {
    const member = await signUp(t, "Jordan");
    expect(
      (await member.browser.post("/api/second-factor/passkeys/unlock-options")).json(),
    ).toEqual({ error: expect.objectContaining({ code: "no_passkey" }) });
    const passkey = softwarePasskey();
    const options = (await member.browser.post("/api/second-factor/passkeys/options")).json();
    const added = await member.browser.post("/api/second-factor/passkeys", {
      name: "Phone",
      response: passkey.create(options),
    });
    expect(added.statusCode).toBe(201);

    const unlockOptions = async () => {
      const response = await member.browser.post("/api/second-factor/passkeys/unlock-options");
      expect(response.statusCode).toBe(200);
      return response.json() as { challenge: string; userVerification: string };
    };
    const unlock = (answer: unknown) =>
      member.browser.post("/api/second-factor/passkeys/unlock", { passkey: answer });

    const challenge = await unlockOptions();
    expect(challenge.userVerification).toBe("required");
    const answer = passkey.get(challenge);
    expect((await unlock(answer)).statusCode).toBe(200);
    expect((await unlock(answer)).statusCode).toBe(400);
    // Someone who only taps the phone (present, not verified) does not open it.
    const tapped = await unlock(passkey.get(await unlockOptions(), { userVerified: false }));
    expect(tapped.statusCode).toBe(400);
    expect(tapped.json().error.code).toBe("passkey_refused");
    // Another person's passkey does not open this person's lock.
    const other = await signUp(t, "Other");
    const otherPasskey = softwarePasskey();
    const otherOptions = (await other.browser.post("/api/second-factor/passkeys/options")).json();
    await other.browser.post("/api/second-factor/passkeys", {
      name: "Theirs",
      response: otherPasskey.create(otherOptions),
    });
    expect((await unlock(otherPasskey.get(await unlockOptions()))).statusCode).toBe(400);
    expect((await unlock(passkey.get(await unlockOptions()))).statusCode).toBe(200);
    // The lock guards the screen, not the account: unlocking is not in the access log.
    const events = await t.store.db
      .selectFrom("audit_events")
      .select("action")
      .where("member_id", "=", member.id)
      .execute();
    expect(events.map((event) => event.action)).toEqual(["account:passkey-added"]);
  });
});
