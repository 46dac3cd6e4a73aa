import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, passphrase, uniqueEmail } from "../../../../test/support/http-client";
import { addRole } from "../../../../test/support/second-factor";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { seedCareDemo } from "../../../cli/demo/care";
import { seedRewardsDemo } from "../../../cli/demo/rewards";
import type { MemberRewards } from "../../../domain/api/rewards";

describe.each(DIALECTS)("the demo clinic's rewards on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("gives Alex a month of verified visits with one miss, once", async () => {
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
    const [alex, sam, robin] = [await sign("Alex"), await sign("Sam"), await sign("Robin")];
    const org = await t.store.db.selectFrom("organizations").select("id").executeTakeFirstOrThrow();
    await addRole(t.store.db, sam.browser, { userId: sam.id, organizationId: org.id }, "clinician");
    await addRole(t.store.db, robin.browser, { userId: robin.id, organizationId: org.id }, "admin");
    await seedCareDemo(t.store.db, org.id, alex.id, sam.id, undefined, new Date());
    for (let run = 0; run < 2; run += 1) {
      await seedRewardsDemo(t.store.db, org.id, alex.id, sam.id, robin.id, new Date());
    }
    const seen = (await sam.browser.get(`/api/members/${alex.id}/rewards`)).json() as MemberRewards;
    const [program] = seen.programs;
    // 10, 15, 20+40, 25, (missed), 10, 15, 20+40.
    expect(program).toMatchObject({ balance: 195, earned: 195, redeemed: 0 });
    expect(program?.targets).toHaveLength(1);
    expect(program?.targets[0]).toMatchObject({ streak: 3, nextPoints: 25 });
    expect(program?.catalogue.map((reward) => reward.pointsCost)).toEqual([120, 150, 200]);
  });
});
