import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultOrganizationId, signUp } from "../../../../test/support/people";
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
    const timeZone = "America/New_York";
    const alex = await signUp(t, "Alex", "member", { timeZone });
    const sam = await signUp(t, "Sam", "clinician", { timeZone });
    const robin = await signUp(t, "Robin", "admin", { timeZone });
    const organizationId = await defaultOrganizationId(t);
    await seedCareDemo(t.store.db, organizationId, alex.id, sam.id, undefined, new Date());
    for (let run = 0; run < 2; run += 1) {
      await seedRewardsDemo(t.store.db, organizationId, alex.id, sam.id, robin.id, new Date());
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
