import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultOrganizationId, signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { seedCareDemo } from "../../../cli/demo/care";
import { SUPPORT_REQUEST_WINDOW_MS } from "../../../domain/api/care";

describe.each(DIALECTS)("the demo caseload on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("gives the demo clinician Alex and four members with varied flags, once", async () => {
    const timeZone = "America/New_York";
    const alex = await signUp(t, "Alex", "member", { timeZone });
    const sam = await signUp(t, "Sam Rivera", "clinician", { timeZone });
    const jordan = await signUp(t, "Jordan", "supporter", { timeZone });
    const organizationId = await defaultOrganizationId(t);
    const goal = await alex.browser.post(`/api/members/${alex.id}/plan/goals`, {
      domain: "relationships",
      title: "Rebuild trust at home",
    });
    expect(goal.statusCode).toBe(201);
    await seedCareDemo(t.store.db, organizationId, alex.id, sam.id, jordan.id, new Date());
    await seedCareDemo(t.store.db, organizationId, alex.id, sam.id, jordan.id, new Date());

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
    expect(consents).toHaveLength(2);
    for (const consent of consents) {
      expect(consent).toMatchObject({ signature: { typedName: "Alex" }, status: "active" });
    }
    // Sam's last visit: one note and one suggestion waiting for Alex, however often it runs.
    const notes = (await alex.browser.get(`/api/members/${alex.id}/clinical-notes`)).json().notes;
    expect(notes).toHaveLength(1);
    const suggestions = (await alex.browser.get(`/api/members/${alex.id}/plan-suggestions`)).json()
      .suggestions;
    expect(suggestions).toMatchObject([{ status: "pending" }]);
    // Jordan sees the narrow view only.
    const view = await jordan.browser.get(`/api/members/${alex.id}/supporter-view`);
    expect(view.statusCode).toBe(200);
    // Alex asked for support once, yesterday evening; Jordan sees it only within the day it shows.
    const asks = await t.store.db
      .selectFrom("support_requests")
      .select("created_at")
      .where("member_id", "=", alex.id)
      .execute();
    expect(asks).toHaveLength(1);
    const askedAt = asks[0]?.created_at ?? "";
    expect(
      new Intl.DateTimeFormat("en-US", {
        timeZone: "America/New_York",
        hour: "numeric",
        minute: "2-digit",
      }).format(new Date(askedAt)),
    ).toBe("7:30 PM");
    const shown = Date.now() - new Date(askedAt).getTime() < SUPPORT_REQUEST_WINDOW_MS;
    expect(view.json().askedForSupport).toEqual(shown ? { at: askedAt } : null);
    expect((await jordan.browser.get(`/api/members/${alex.id}/checkins`)).statusCode).toBe(200);
    expect((await jordan.browser.get(`/api/members/${alex.id}/plan`)).statusCode).toBe(403);
  });
});
