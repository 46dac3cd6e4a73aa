import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticatorApp } from "../../../../test/support/authenticator";
import { browserFor } from "../../../../test/support/http-client";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { DEMO_STAFF_TOTP_SECRET } from "../../../cli/demo/second-factor";
import { DEMO_PEOPLE, seedDemo } from "../../../cli/seed-demo";

describe.each(DIALECTS)("the demo peer group on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  }, 120_000);
  afterAll(async () => t.close());

  it("puts Alex in a lived-in group under an alias, with the clinician as moderator, once", async () => {
    const now = new Date();
    await seedDemo(t.store.db, t.context.secrets, now);
    await seedDemo(t.store.db, t.context.secrets, now);
    const signIn = async (role: string) => {
      const person = DEMO_PEOPLE.find((p) => p.role === role);
      const browser = browserFor(t.app);
      await browser.post("/api/auth/sign-in", { email: person?.email, password: person?.password });
      if (role !== "member") {
        // The demo's staff give a code from the printed demo setup key, as a newcomer would.
        const code = authenticatorApp(DEMO_STAFF_TOTP_SECRET).nextCode();
        expect((await browser.post("/api/auth/second-factor", { code })).statusCode).toBe(200);
      }
      return browser;
    };
    const alex = await signIn("member");
    const group = (await alex.get("/api/peer-group")).json();
    expect(group.membership).toEqual({
      alias: "River Stones",
      rulesAcknowledged: true,
      muted: false,
    });
    const milestones = (await alex.get("/api/peer-group/channels/milestones/posts")).json().posts;
    expect(milestones).toHaveLength(1);
    expect(milestones[0]).toMatchObject({ alias: "Quiet Harbor", supportCount: 2 });
    expect(milestones[0].replies).toHaveLength(2);
    const sam = await signIn("clinician");
    expect((await sam.get("/api/peer-group/moderation/reports")).statusCode).toBe(200);
  }, 120_000);
});
