import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { softwarePasskey } from "../../../../../../test/support/passkey-authenticator";
import { signUp } from "../../../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../../../test/support/test-app";

/** Where passkeys are bound: a clinic behind a proxy sets WAYMARK_PUBLIC_URL (docs/deployment.md). */
describe.each(DIALECTS)("passkeys behind a public address on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { publicUrl: "https://waymark.clinic.example" });
  });
  afterAll(async () => t.close());

  it("binds passkeys to WAYMARK_PUBLIC_URL's host, and refuses answers from anywhere else", async () => {
    const member = await signUp(t, "Jordan");
    const options = (await member.browser.post("/api/second-factor/passkeys/options")).json();
    expect(options.rp.id).toBe("waymark.clinic.example");
    const local = await member.browser.post("/api/second-factor/passkeys", {
      name: "Phone",
      response: softwarePasskey().create(options, { origin: "http://localhost" }),
    });
    expect(local.statusCode).toBe(400);
    const again = (await member.browser.post("/api/second-factor/passkeys/options")).json();
    const added = await member.browser.post("/api/second-factor/passkeys", {
      name: "Phone",
      response: softwarePasskey("https://waymark.clinic.example").create(again),
    });
    expect(added.statusCode, added.body).toBe(201);
  });
});
