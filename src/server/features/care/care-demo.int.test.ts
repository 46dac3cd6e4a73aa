import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, passphrase, uniqueEmail } from "../../../../test/support/http-client";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { seedCareDemo } from "../../../cli/demo/care";

describe.each(DIALECTS)("the demo caseload on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("gives the demo clinician Alex and four members with varied flags, once", async () => {
    const sign = async (displayName: string) => {
      const browser = browserFor(t.app);
      const response = await browser.post("/api/auth/sign-up", {
        email: uniqueEmail(),
        password: passphrase(),
        displayName,
        timeZone: "America/New_York",
      });
      return { browser, id: response.json().id as string };
    };
    const alex = await sign("Alex");
    const sam = await sign("Sam Rivera");
    const org = await t.store.db.selectFrom("organizations").select("id").executeTakeFirstOrThrow();
    await seedCareDemo(t.store.db, org.id, alex.id, sam.id, new Date());
    await seedCareDemo(t.store.db, org.id, alex.id, sam.id, new Date());

    const caseload = (await sam.browser.get("/api/care/caseload")).json();
    const flags = Object.fromEntries(
      caseload.members.map((m: { displayName: string; flags: { code: string }[] }) => [
        m.displayName,
        m.flags.map((f) => f.code),
      ]),
    );
    expect(caseload.members[0].displayName).toBe("Blake");
    expect(flags).toEqual({
      Alex: ["no_checkin"],
      Blake: ["lapse_recorded", "craving_high", "missed_doses"],
      Casey: ["no_checkin"],
      Drew: [],
      Emery: ["bam_risk_up"],
    });
    const consents = (await alex.browser.get("/api/consents")).json().given;
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ signature: { typedName: "Alex" }, status: "active" });
  });
});
