import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, passphrase, uniqueEmail } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { seedPlanDemo } from "../../../cli/demo/plan";
import { seedSupportDemo } from "../../../cli/demo/support";
import { addLocalDays, localDayOf } from "../../../domain/local-day";
import { findDefaultOrganizationId } from "../../organizations";
import { createAccount } from "../auth/service";

const NY = "America/New_York";
const sponsor = {
  name: "Maria",
  role: "sponsor",
  phone: "+1 (555) 010-2020",
  reach: "text",
  notes: "Call after 7am",
};

describe.each(DIALECTS)("support people, crisis lines and naloxone on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function person() {
    const member = await signUp(t, "Someone", "member", { timeZone: NY });
    return { ...member, base: `/api/members/${member.id}` };
  }
  const contactCount = async (memberId: string) =>
    (
      await t.store.db
        .selectFrom("support_contacts")
        .select("id")
        .where("member_id", "=", memberId)
        .execute()
    ).length;

  it("adds, changes, lists and removes support people, once per Idempotency-Key", async () => {
    const member = await person();
    const headers = { "idempotency-key": `contact-${randomUUID()}` };
    const created = await member.browser.post(`${member.base}/contacts`, sponsor, headers);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: "Maria",
      role: "sponsor",
      reach: "text",
      planStepIds: [],
      planSteps: [],
      reachNote: null,
    });
    await member.browser.post(`${member.base}/contacts`, sponsor, headers);
    expect(await contactCount(member.id)).toBe(1);

    const id = created.json().id;
    const changed = await member.browser.put(`${member.base}/contacts/${id}`, {
      ...sponsor,
      reach: "other",
      reachNote: "At the Tuesday meeting",
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      reach: "other",
      reachNote: "At the Tuesday meeting",
      createdAt: created.json().createdAt,
    });
    await member.browser.post(`${member.base}/contacts`, {
      name: "Sis",
      role: "emergency_contact",
      phone: "555 0101",
    });
    expect(
      (await member.browser.get(`${member.base}/contacts`))
        .json()
        .contacts.map((c: { name: string }) => c.name),
    ).toEqual(["Maria", "Sis"]);

    expect((await member.browser.delete(`${member.base}/contacts/${id}`)).json()).toEqual({
      ok: true,
    });
    expect((await member.browser.delete(`${member.base}/contacts/${id}`)).statusCode).toBe(404);
    expect((await member.browser.put(`${member.base}/contacts/${id}`, sponsor)).statusCode).toBe(
      404,
    );
    expect(await contactCount(member.id)).toBe(1);
  });

  it("refuses bad input naming the field, and keeps contacts from others", async () => {
    const member = await person();
    const stranger = await person();
    const refusals = [
      [await member.browser.post(`${member.base}/contacts`, { ...sponsor, role: "boss" }), "role"],
      [await member.browser.post(`${member.base}/contacts`, { ...sponsor, name: " " }), "name"],
      [
        await member.browser.post(`${member.base}/contacts`, { ...sponsor, phone: "call me" }),
        "phone",
      ],
      [
        await member.browser.post(`${member.base}/contacts`, { ...sponsor, reach: "pigeon" }),
        "reach",
      ],
      [
        await member.browser.put(`${member.base}/naloxone`, {
          location: "bag",
          expiresOn: "2026-02-30",
        }),
        "expiresOn",
      ],
    ] as const;
    for (const [response, field] of refusals) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    expect(await contactCount(member.id)).toBe(0);
    await member.browser.post(`${member.base}/contacts`, sponsor);
    for (const response of [
      await stranger.browser.get(`${member.base}/contacts`),
      await stranger.browser.post(`${member.base}/contacts`, sponsor),
      await stranger.browser.get(`${member.base}/naloxone`),
      await stranger.browser.put(`${member.base}/naloxone`, { location: "x", expiresOn: null }),
    ]) {
      expect(response.statusCode).toBe(403);
    }
    expect(await contactCount(member.id)).toBe(1);
  });

  /** A goal with two steps in the member's plan, made through the plan's own API. */
  async function planSteps(member: Awaited<ReturnType<typeof person>>) {
    const goal = (
      await member.browser.post(`${member.base}/plan/goals`, {
        domain: "support_groups",
        title: "Go to meetings",
      })
    ).json();
    const step = async (title: string) =>
      (await member.browser.post(`${member.base}/plan/steps`, { goalId: goal.id, title })).json()
        .id as string;
    return [await step("Call before 6pm meetings"), await step("Find a home group")] as const;
  }

  it("links a support person to the member's own plan steps, and refuses anyone else's", async () => {
    const member = await person();
    const [call, home] = await planSteps(member);
    const other = await person();
    const [othersStep] = await planSteps(other);

    const headers = { "idempotency-key": randomUUID() };
    const body = { ...sponsor, planStepIds: [call, call, home] };
    const created = await member.browser.post(`${member.base}/contacts`, body, headers);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      planStepIds: [call, home],
      planSteps: [
        { id: call, title: "Call before 6pm meetings" },
        { id: home, title: "Find a home group" },
      ],
    });
    const listed = (await member.browser.get(`${member.base}/contacts`)).json();
    expect(listed.contacts[0].planSteps).toEqual(created.json().planSteps);
    // The steps a person can be linked to: the member's own, and nobody else's.
    expect(listed.planSteps.map((step: { id: string }) => step.id).sort()).toEqual(
      [call, home].sort(),
    );

    // An unknown step, or another member's, is refused naming it; nothing is written.
    const id = created.json().id as string;
    for (const stepIds of [[call, "no-such-step"], [othersStep]]) {
      const added = await member.browser.post(`${member.base}/contacts`, {
        ...sponsor,
        name: "Someone new",
        planStepIds: stepIds,
      });
      expect(added.statusCode, added.body).toBe(400);
      expect(added.json().error).toMatchObject({
        code: "unknown_plan_step",
        field: `planStepIds.${stepIds.length - 1}`,
      });
      const changed = await member.browser.put(`${member.base}/contacts/${id}`, {
        ...sponsor,
        name: "Renamed",
        planStepIds: stepIds,
      });
      expect(changed.statusCode).toBe(400);
    }
    expect(await contactCount(member.id)).toBe(1);
    const after = (await member.browser.get(`${member.base}/contacts`)).json().contacts;
    expect(after).toMatchObject([{ name: "Maria", planStepIds: [call, home] }]);

    // Someone shown the member's people (a "support" grant) does not learn the plan from them.
    const reader = await person();
    const shared = await member.browser.post("/api/consents", {
      recipientEmail: reader.email,
      purpose: "So my sponsor knows who is in my corner",
      categories: ["support"],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      signature: { typedName: "Someone" },
      revocationAcknowledged: true,
    });
    expect(shared.statusCode, shared.body).toBe(201);
    const seen = await reader.browser.get(`${member.base}/contacts`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().planSteps).toEqual([]);
    expect(seen.json().contacts).toMatchObject([{ name: "Maria", planSteps: [] }]);
    expect(seen.body).not.toContain("Call before 6pm meetings");
    expect((await reader.browser.get(`${member.base}/plan`)).statusCode).toBe(403);

    // A step deleted from the plan drops out of "Helps with".
    await member.browser.delete(`${member.base}/plan/steps/${home}`);
    const trimmed = (await member.browser.get(`${member.base}/contacts`)).json().contacts;
    expect(trimmed[0].planSteps).toEqual([{ id: call, title: "Call before 6pm meetings" }]);
  });

  it("keeps where the naloxone is and says when it expires", async () => {
    const member = await person();
    // Not said yet: an ordinary answer, not a 404.
    const before = await member.browser.get(`${member.base}/naloxone`);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ naloxone: null });
    const today = localDayOf(new Date(), NY);
    const soon = await member.browser.put(`${member.base}/naloxone`, {
      location: "In my backpack",
      expiresOn: addLocalDays(today, 10),
    });
    expect(soon.json()).toMatchObject({
      location: "In my backpack",
      expiry: { status: "expires_soon", daysLeft: 10 },
    });
    const expired = await member.browser.put(`${member.base}/naloxone`, {
      location: "Kitchen drawer",
      expiresOn: addLocalDays(today, -3),
    });
    expect(expired.json().expiry).toEqual({ status: "expired", daysAgo: 3 });
    expect((await member.browser.get(`${member.base}/naloxone`)).json().naloxone.location).toBe(
      "Kitchen drawer",
    );
  });

  it("serves crisis lines to anyone, and an admin's own lines for the region", async () => {
    const anonymous = browserFor(t.app);
    const defaults = await anonymous.get("/api/crisis-resources?locale=es&region=US");
    expect(defaults.statusCode).toBe(200);
    expect(defaults.json()).toMatchObject({ locale: "es", region: "US", source: "default" });
    expect(defaults.json().resources.map((r: { tel: string }) => r.tel)).toContain("988");

    const organizationId = (await findDefaultOrganizationId(t.store.db)) as string;
    const email = uniqueEmail("admin");
    const password = passphrase();
    await createAccount(t.store.db, organizationId, "admin", { email, password }, new Date());
    const admin = browserFor(t.app);
    await admin.post("/api/auth/sign-in", { email, password });
    const lines = [
      { id: "988", messageKey: "crisis.line988", tel: "988", display: "988", sms: "988" },
      {
        id: "county",
        messageKey: "crisis.local",
        tel: "14135550100",
        display: "413-555-0100",
        label: "County crisis team",
      },
    ];
    const url = `/api/organizations/${organizationId}/crisis-resources/US`;
    const member = await person();
    expect((await member.browser.put(url, { resources: lines })).statusCode).toBe(403);
    expect(
      (await admin.put(url, { resources: [{ ...lines[1], tel: "call us" }] })).json().error.field,
    ).toBe("resources.0.tel");
    const set = await admin.put(url, { resources: lines });
    expect(set.statusCode, set.body).toBe(200);
    const now = (await anonymous.get("/api/crisis-resources")).json();
    expect(now).toMatchObject({
      source: "organization",
      resources: [{ id: "988" }, { id: "county", label: "County crisis team" }],
    });
    expect((await member.browser.get("/api/crisis-resources?region=CA")).json().source).toBe(
      "default",
    );
  });

  it("seeds Alex's support side for the demo, once", async () => {
    const member = await person();
    await seedPlanDemo(t.store.db, member.id, new Date());
    await seedSupportDemo(t.store.db, member.id, new Date());
    await seedSupportDemo(t.store.db, member.id, new Date());
    const contacts = (await member.browser.get(`${member.base}/contacts`)).json().contacts;
    expect(contacts.map((c: { role: string }) => c.role)).toEqual([
      "sponsor",
      "counselor",
      "emergency_contact",
    ]);
    // Maria helps with the plan's meeting steps.
    expect(contacts[0].planSteps.map((step: { title: string }) => step.title)).toEqual([
      "Go to one meeting and see how it feels",
      "Get the phone number of one person from a meeting",
    ]);
    const saved = await member.browser.get(`${member.base}/meetings?saved=true&withinHours=168`);
    expect(saved.json().meetings).toMatchObject([
      { name: "Hope Without Walls NA", remindMinutesBefore: 60 },
    ]);
    const attendance = (await member.browser.get(`${member.base}/attendance`)).json().attendance;
    expect(attendance.length).toBeGreaterThan(15);
    expect(attendance.length).toBeLessThan(30);
    const online = await member.browser.get(`${member.base}/meetings?mode=online&withinHours=168`);
    expect(online.json().meetings[0]).toMatchObject({ name: "MOUD-Friendly Online Support" });
    expect(
      (await member.browser.get(`${member.base}/naloxone`)).json().naloxone.expiry.status,
    ).toBe("ok");
    expect((await member.browser.get(`${member.base}/attendance.pdf`)).statusCode).toBe(200);
  });
});
