import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { seedPlanDemo } from "../../../cli/demo/plan";
import { countRows, person } from "./plan-test-support";

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies of known shape
type Json = Record<string, any>;

describe.each(DIALECTS)("Alex's demo plan on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const now = new Date("2026-11-26T15:00:00Z");

  it("tells three months of a plan that grew, through the plan's own API shapes", async () => {
    const alex = await person(t, { timeZone: "America/New_York" });
    await seedPlanDemo(t.store.db, alex.id, now);
    const base = `/api/members/${alex.id}`;

    const plan = (await alex.browser.get(`${base}/plan`)).json();
    expect(plan.intake).toMatchObject({
      treatment: ["methadone", "counseling"],
      costPerDay: 40,
      recoveryStart: "2026-08-23",
    });
    const domains = plan.domains.map((domain: Json) => domain.domain);
    expect(domains).toEqual(expect.arrayContaining(["medication", "legal", "home_family"]));
    expect(domains).not.toContain("housing");
    expect(plan.summary.stepsDone).toBeGreaterThan(15);

    const events: Json[] = [];
    let before = "";
    for (;;) {
      const page = (await alex.browser.get(`${base}/plan/history?limit=200${before}`)).json();
      events.push(...page.events);
      if (page.nextBefore === null) break;
      before = `&before=${page.nextBefore}`;
    }
    const times = events.map((event) => Date.parse(event.at));
    const spreadDays = (Math.max(...times) - Math.min(...times)) / 86_400_000;
    expect(spreadDays).toBeGreaterThan(85);
    expect(Math.max(...times)).toBeLessThan(now.getTime());

    const readiness = (await alex.browser.get(`${base}/readiness`)).json();
    expect(readiness.ratings).toHaveLength(7);
    expect(readiness.ratings.at(-1).readiness).toBeLessThan(readiness.ratings[0].readiness);
    const reviews = (await alex.browser.get(`${base}/plan/reviews`)).json();
    expect(reviews.reviews).toHaveLength(3);
    const motivation = (await alex.browser.get(`${base}/motivation`)).json();
    expect(motivation.reasons[0]).toBe("Being there for my daughter, Mia");
  });

  it("is skipped when the member already has a plan, and the same every time", async () => {
    const first = await person(t, { timeZone: "America/New_York" });
    const second = await person(t, { timeZone: "America/New_York" });
    await seedPlanDemo(t.store.db, first.id, now);
    const counts = await countRows(t, first.id);
    await seedPlanDemo(t.store.db, first.id, now);
    expect(await countRows(t, first.id)).toEqual(counts);

    await seedPlanDemo(t.store.db, second.id, now);
    const shape = async (member: typeof first) => {
      const plan = (await member.browser.get(`/api/members/${member.id}/plan`)).json();
      return plan.domains.flatMap((domain: Json) =>
        domain.goals.flatMap((goal: Json) =>
          goal.steps.map((step: Json) => [goal.title, step.title, step.status, step.updatedAt]),
        ),
      );
    };
    expect(await shape(second)).toEqual(await shape(first));
  });
});
