import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import type { Role } from "../../../domain/roles";

describe.each(DIALECTS)("plan-step suggestions on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function person(displayName: string, role: Role = "member") {
    return signUp(t, displayName, role);
  }

  it("lets a clinician with a plan grant suggest a step the member accepts or declines", async () => {
    const member = await person("Alex");
    const clinician = await person("Sam", "clinician");
    const goal = await member.browser.post(`/api/members/${member.id}/plan/goals`, {
      domain: "physical_health",
      title: "Sleep better",
    });
    expect(goal.statusCode).toBe(201);
    const goalId = goal.json().id as string;
    const url = `/api/members/${member.id}/plan-suggestions`;
    const suggestion = { goalId, title: "Phone off at 22:00", note: "Try it for a week." };

    const refused = await clinician.browser.post(url, {});
    expect(refused.statusCode).toBe(403);
    await member.browser.post("/api/consents", {
      recipientEmail: clinician.email,
      purpose: "Counseling",
      categories: ["plan"],
      expiresAt: null,
      expiryEvent: "When counseling ends",
      signature: { typedName: "Alex" },
      revocationAcknowledged: true,
    });
    // A supporter the member shares the plan with reads it, but suggesting is clinical work.
    const supporter = await person("Jo", "supporter");
    await member.browser.post("/api/consents", {
      recipientEmail: supporter.email,
      purpose: "Family support",
      categories: ["plan"],
      expiresAt: null,
      expiryEvent: "When I say so",
      signature: { typedName: "Alex" },
      revocationAcknowledged: true,
    });
    expect((await supporter.browser.post(url, suggestion)).statusCode).toBe(403);
    const key = { "idempotency-key": `suggest-${clinician.id}` };
    const first = await clinician.browser.post(url, suggestion, key);
    expect(first.statusCode).toBe(201);
    // The same request again (a retry): the same suggestion, not a second one.
    const retried = await clinician.browser.post(url, suggestion, key);
    expect(retried.json()).toEqual(first.json());
    const pending = await t.store.db
      .selectFrom("plan_suggestions")
      .select("id")
      .where("member_id", "=", member.id)
      .execute();
    expect(pending).toHaveLength(1);
    expect(first.json()).toMatchObject({ status: "pending", author: { displayName: "Sam" } });
    const second = (
      await clinician.browser.post(url, { ...suggestion, title: "Walk daily" })
    ).json();

    const answer = (id: string, response: string, who = member) =>
      who.browser.post(`${url}/${id}/response`, { response });
    expect((await answer(first.json().id, "accept", clinician)).statusCode).toBe(403);
    const accepted = await answer(first.json().id, "accept");
    expect(accepted.json()).toMatchObject({ status: "accepted", stepId: expect.any(String) });
    expect((await answer(first.json().id, "decline")).statusCode).toBe(409);
    expect((await answer(second.id, "decline")).json()).toMatchObject({
      status: "declined",
      stepId: null,
    });

    const plan = (await member.browser.get(`/api/members/${member.id}/plan`)).json();
    const titles = JSON.stringify(plan);
    expect(titles).toContain("Phone off at 22:00");
    expect(titles).not.toContain("Walk daily");
    const listed = (await clinician.browser.get(url)).json().suggestions;
    expect(listed.map((s: { status: string }) => s.status).sort()).toEqual([
      "accepted",
      "declined",
    ]);
  });
});
