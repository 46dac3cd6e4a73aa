import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";

const ZONE = "America/New_York";

describe.each(DIALECTS)("appointments on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function person() {
    const member = await signUp(t, "Someone", "member", { timeZone: ZONE });
    return { ...member, base: `/api/members/${member.id}` };
  }

  const count = async (id: string) =>
    (await t.store.db.selectFrom("appointments").select("id").where("member_id", "=", id).execute())
      .length;

  const inDays = (days: number, hour = 15) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };

  it("creates, lists in time order, updates and deletes appointments", async () => {
    const member = await person();
    const court = await member.browser.post(`${member.base}/appointments`, {
      kind: "court",
      startsAt: inDays(10),
      place: "County courthouse, room 4",
      notes: "Bring the attendance sheet",
    });
    expect(court.statusCode).toBe(201);
    expect(court.json()).toMatchObject({
      kind: "court",
      title: null,
      startsAt: inDays(10),
      endsAt: null,
      place: "County courthouse, room 4",
      notes: "Bring the attendance sheet",
    });
    const visit = await member.browser.post(`${member.base}/appointments`, {
      kind: "clinic_visit",
      title: "Take-home review",
      startsAt: inDays(2, 14),
      endsAt: inDays(2, 15),
    });
    expect(visit.statusCode).toBe(201);

    const listed = (await member.browser.get(`${member.base}/appointments`)).json();
    expect(listed.appointments.map((a: { kind: string }) => a.kind)).toEqual([
      "clinic_visit",
      "court",
    ]);

    const id = court.json().id as string;
    const updated = await member.browser.put(`${member.base}/appointments/${id}`, {
      kind: "court",
      startsAt: inDays(11),
      place: "County courthouse, room 6",
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      id,
      startsAt: inDays(11),
      place: "County courthouse, room 6",
      notes: null,
    });

    const deleted = await member.browser.delete(`${member.base}/appointments/${id}`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ ok: true });
    expect((await member.browser.delete(`${member.base}/appointments/${id}`)).statusCode).toBe(404);
    expect(await count(member.id)).toBe(1);

    // A past range shows past appointments only.
    const past = (
      await member.browser.get(`${member.base}/appointments?from=2020-01-01&to=2020-12-31`)
    ).json();
    expect(past.appointments).toEqual([]);
  });

  it("refuses appointments it cannot read, naming the field, and writes nothing", async () => {
    const member = await person();
    const cases: [unknown, string][] = [
      [{ kind: "party", startsAt: inDays(1) }, "kind"],
      [{ kind: "counseling" }, "startsAt"],
      [{ kind: "counseling", startsAt: "tomorrow at 3" }, "startsAt"],
      [{ kind: "counseling", startsAt: inDays(1, 15), endsAt: inDays(1, 14) }, "endsAt"],
      [{ kind: "counseling", startsAt: inDays(1), notes: "x".repeat(2001) }, "notes"],
    ];
    for (const [body, field] of cases) {
      const response = await member.browser.post(`${member.base}/appointments`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    expect(await count(member.id)).toBe(0);
  });

  it("creates an appointment once when sent twice with the same Idempotency-Key", async () => {
    const member = await person();
    const key = { "idempotency-key": randomUUID() };
    const body = { kind: "counseling", startsAt: inDays(3) };
    const first = await member.browser.post(`${member.base}/appointments`, body, key);
    const again = await member.browser.post(`${member.base}/appointments`, body, key);
    expect(again.json()).toEqual(first.json());
    expect(await count(member.id)).toBe(1);
  });

  it("keeps appointments from people without a grant, and another member's ids out of reach", async () => {
    const member = await person();
    const created = await member.browser.post(`${member.base}/appointments`, {
      kind: "probation",
      startsAt: inDays(4),
      place: "Probation office",
    });
    const id = created.json().id as string;
    const other = await person();
    const read = await other.browser.get(`${member.base}/appointments`);
    expect(read.statusCode).toBe(403);
    expect(read.body).not.toContain("Probation");
    expect(
      (
        await other.browser.post(`${member.base}/appointments`, {
          kind: "other",
          startsAt: inDays(1),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await other.browser.put(`${member.base}/appointments/${id}`, {
          kind: "other",
          startsAt: inDays(1),
        })
      ).statusCode,
    ).toBe(403);
    expect((await other.browser.delete(`${member.base}/appointments/${id}`)).statusCode).toBe(403);
    // Through their own address, someone else's appointment simply does not exist.
    expect(
      (
        await other.browser.put(`${other.base}/appointments/${id}`, {
          kind: "other",
          startsAt: inDays(1),
        })
      ).statusCode,
    ).toBe(404);
    expect((await other.browser.delete(`${other.base}/appointments/${id}`)).statusCode).toBe(404);
    const unchanged = (await member.browser.get(`${member.base}/appointments`)).json().appointments;
    expect(unchanged).toEqual([
      expect.objectContaining({ id, kind: "probation", place: "Probation office" }),
    ]);

    await t.store.db
      .insertInto("consent_grants")
      .values({
        member_id: member.id,
        id: randomUUID(),
        grantee_user_id: other.id,
        purpose: "Court liaison",
        categories: JSON.stringify(["appointments"]),
        created_at: new Date().toISOString(),
        expires_at: null,
        revoked_at: null,
      })
      .execute();
    expect((await other.browser.get(`${member.base}/appointments`)).statusCode).toBe(200);
    expect((await other.browser.get(`${member.base}/regimen`)).statusCode).toBe(403);
  });
});
