import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../../test/support/test-app";
import type { Role } from "../../../../domain/roles";

const settings = {
  schedule: {
    startPoints: 10,
    stepPoints: 5,
    maxPointsPerOccasion: 50,
    bonusEvery: 3,
    bonusPoints: 40,
  },
  yearlyCapPoints: 3000,
};

describe.each(DIALECTS)("an organization's rewards settings on %s", (dialect) => {
  let t: TestApp;
  let organizationId: string;

  const person = (role: Role, organization = organizationId) =>
    signUp(t, `A ${role}`, role, { organizationId: organization });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    organizationId = (
      await t.store.db.selectFrom("organizations").select("id").executeTakeFirstOrThrow()
    ).id;
  }, 60_000);
  afterAll(async () => t.close());

  it("lets only the organization's admins set the schedule and the cap", async () => {
    const url = `/api/organizations/${organizationId}/rewards/settings`;
    const member = await person("member");
    const clinician = await person("clinician");
    const elsewhere = randomUUID();
    await t.store.db
      .insertInto("organizations")
      .values({ id: elsewhere, name: "Elsewhere", created_at: new Date().toISOString() })
      .execute();
    const otherAdmin = await person("admin", elsewhere);
    for (const someone of [member, clinician, otherAdmin]) {
      expect((await someone.browser.put(url, settings)).statusCode).toBe(403);
    }
    expect(await t.store.db.selectFrom("reward_settings").selectAll().execute()).toEqual([]);

    const admin = await person("admin");
    const bad = await admin.browser.put(url, { ...settings, yearlyCapPoints: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("yearlyCapPoints");
    const saved = await admin.browser.put(url, settings);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(settings);
    const changed = { ...settings, yearlyCapPoints: 1200 };
    expect((await admin.browser.put(url, changed)).json()).toEqual(changed);

    const listed = (await admin.browser.get("/api/rewards/organizations")).json();
    expect(listed.organizations).toEqual([
      expect.objectContaining({ id: organizationId, canEditSettings: true, settings: changed }),
    ]);
    const seenByClinician = (await clinician.browser.get("/api/rewards/organizations")).json();
    expect(seenByClinician.organizations[0]).toMatchObject({ canEditSettings: false });
    expect((await member.browser.get("/api/rewards/organizations")).json().organizations).toEqual(
      [],
    );
  });

  it("lets admins and clinicians keep the list of rewards, and retire one", async () => {
    const url = `/api/organizations/${organizationId}/rewards/catalogue`;
    const member = await person("member");
    const clinician = await person("clinician");
    expect(
      (await member.browser.post(url, { name: "Movie ticket", pointsCost: 40 })).statusCode,
    ).toBe(403);
    const created = await clinician.browser.post(url, {
      name: "Movie ticket",
      description: "Two tickets at the Rialto",
      pointsCost: 40,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const retired = await clinician.browser.put(`${url}/${id}`, {
      name: "Movie ticket",
      pointsCost: 40,
      active: false,
    });
    expect(retired.json()).toMatchObject({ id, active: false });
    expect(
      (await clinician.browser.put(`${url}/${randomUUID()}`, { name: "X", pointsCost: 1 }))
        .statusCode,
    ).toBe(404);
  });
});
