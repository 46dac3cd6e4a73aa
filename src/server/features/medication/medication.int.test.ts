import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { seedMedicationDemo } from "../../../cli/demo/medication";
import { addScheduleDays, localDayAt, scheduledDoseInstants } from "../../../domain/dose-schedule";

const ZONE = "America/New_York";
const methadoneSchedule = { kind: "daily" as const, times: ["08:30"] };
const methadone = {
  medication: "methadone",
  doseAmount: 60,
  doseUnit: "mg",
  schedule: { kind: "daily", times: ["08:30"] },
  dispensing: { name: "Riverside Treatment Center", hours: "Mon–Sat 6–11", phone: "555-0100" },
  takeHomesOnHand: 0,
  prescriber: "Dr. Okafor",
};

describe.each(DIALECTS)("regimen, dose log and adherence on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function person(timeZone = ZONE) {
    const member = await signUp(t, "Someone", "member", { timeZone });
    return { ...member, base: `/api/members/${member.id}` };
  }

  const rows = async (table: "regimen_changes" | "dose_logs" | "medication_regimens", id: string) =>
    t.store.db.selectFrom(table).selectAll().where("member_id", "=", id).execute();

  async function grant(memberId: string, granteeId: string, categories: string[]) {
    await t.store.db
      .insertInto("consent_grants")
      .values({
        member_id: memberId,
        id: randomUUID(),
        grantee_user_id: granteeId,
        purpose: "Treatment",
        categories: JSON.stringify(categories),
        created_at: new Date().toISOString(),
        expires_at: null,
        revoked_at: null,
      })
      .execute();
  }

  it("records a regimen as prescribed, keeps prescription changes as history, and not other edits", async () => {
    const member = await person();
    expect((await member.browser.get(`${member.base}/regimen`)).json()).toEqual({ regimen: null });

    const created = await member.browser.put(`${member.base}/regimen`, methadone);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      changed: true,
      regimen: {
        medication: "methadone",
        doseAmount: 60,
        doseUnit: "mg",
        schedule: { kind: "daily", times: ["08:30"] },
        dispensing: { name: "Riverside Treatment Center", phone: "555-0100" },
        prescriber: "Dr. Okafor",
        effectiveDate: localDayAt(new Date(), ZONE),
        takeHomes: { onHand: 0, low: false },
      },
    });
    const nextDoses = created.json().regimen.nextDoses as string[];
    expect(nextDoses).toHaveLength(3);
    for (const dose of nextDoses) {
      expect(new Date(dose).getTime()).toBeGreaterThan(Date.now());
      expect(
        new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, timeStyle: "short" }).format(
          new Date(dose),
        ),
      ).toBe("08:30");
    }

    // Picking up take-homes is not a prescription change.
    const pickedUp = await member.browser.put(`${member.base}/regimen`, {
      ...methadone,
      takeHomesOnHand: 2,
    });
    expect(pickedUp.statusCode).toBe(200);
    expect(pickedUp.json()).toMatchObject({
      changed: false,
      regimen: { takeHomes: { onHand: 2 } },
    });
    expect(await rows("regimen_changes", member.id)).toHaveLength(1);

    // An amount far from typical is recorded as entered: Waymark never judges a dose.
    const changed = await member.browser.put(`${member.base}/regimen`, {
      ...methadone,
      takeHomesOnHand: undefined, // left out: the count on hand stays as it is
      doseAmount: 185,
      prescriber: "Dr. Lindqvist",
      effectiveDate: addScheduleDays(localDayAt(new Date(), ZONE), -1),
      note: "Increase after review",
    });
    expect(changed.json()).toMatchObject({
      changed: true,
      regimen: { doseAmount: 185, takeHomes: { onHand: 2 } },
    });
    const history = (await member.browser.get(`${member.base}/regimen/history`)).json().changes;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      doseAmount: 185,
      prescriber: "Dr. Lindqvist",
      note: "Increase after review",
    });
    expect(history[1]).toMatchObject({ doseAmount: 60, prescriber: "Dr. Okafor" });
  });

  it("refuses a regimen it cannot read, naming the field, and writes nothing", async () => {
    const member = await person();
    const cases: [unknown, string][] = [
      [{ ...methadone, doseAmount: 0 }, "doseAmount"],
      [{ ...methadone, doseAmount: -5 }, "doseAmount"],
      [{ ...methadone, doseAmount: "sixty" }, "doseAmount"],
      [{ ...methadone, medication: "heroin" }, "medication"],
      [{ ...methadone, schedule: { kind: "daily", times: ["25:00"] } }, "schedule.times.0"],
      [
        { ...methadone, schedule: { kind: "every_n_weeks", intervalWeeks: 4, times: ["09:00"] } },
        "schedule.startDate",
      ],
      [{ ...methadone, takeHomesOnHand: -1 }, "takeHomesOnHand"],
      [{ ...methadone, effectiveDate: "2026-02-30" }, "effectiveDate"],
    ];
    for (const [body, field] of cases) {
      const response = await member.browser.put(`${member.base}/regimen`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    expect(await rows("medication_regimens", member.id)).toHaveLength(0);
    expect(await rows("regimen_changes", member.id)).toHaveLength(0);
  });

  it("counts take-home doses down and warns before they run out", async () => {
    const member = await person();
    await member.browser.put(`${member.base}/regimen`, { ...methadone, takeHomesOnHand: 3 });
    const doseOn = (daysAgo: number) => {
      const day = localDayAt(new Date(Date.now() - daysAgo * 86_400_000), ZONE);
      return scheduledDoseInstants(methadoneSchedule, day, day, ZONE)[0]?.toISOString();
    };
    const first = await member.browser.post(`${member.base}/doses`, {
      status: "taken",
      takeHome: true,
      scheduledFor: doseOn(0),
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      dose: { status: "taken", takeHome: true },
      takeHomesRemaining: 2,
      takeHomesLow: false,
    });
    // A clinic visit three days out: one take-home left does not reach it.
    await member.browser.post(`${member.base}/appointments`, {
      kind: "clinic_visit",
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    const second = await member.browser.post(`${member.base}/doses`, {
      status: "taken",
      takeHome: true,
      at: new Date(Date.now() - 86_400_000).toISOString(),
      scheduledFor: doseOn(1),
    });
    expect(second.json()).toMatchObject({ takeHomesRemaining: 1, takeHomesLow: true });
    expect(
      (await member.browser.get(`${member.base}/regimen`)).json().regimen.takeHomes,
    ).toMatchObject({
      onHand: 1,
      low: true,
    });
    // A dose at the clinic does not touch the take-homes.
    const clinicDose = await member.browser.post(`${member.base}/doses`, {
      status: "taken",
      at: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      scheduledFor: doseOn(2),
    });
    expect(clinicDose.json()).toMatchObject({ takeHomesRemaining: 1, takeHomesLow: false });
    expect(await rows("dose_logs", member.id)).toHaveLength(3);
  });

  it("lets a later answer for the same scheduled dose replace the first, and gives a take-home back when undone", async () => {
    const member = await person();
    await member.browser.put(`${member.base}/regimen`, { ...methadone, takeHomesOnHand: 1 });
    const scheduledFor = scheduledDoseInstants(
      { kind: "daily", times: ["08:30"] },
      localDayAt(new Date(Date.now() - 86_400_000), ZONE),
      localDayAt(new Date(Date.now() - 86_400_000), ZONE),
      ZONE,
    )[0]?.toISOString();
    const missed = await member.browser.post(`${member.base}/doses`, {
      status: "missed",
      scheduledFor,
    });
    expect(missed.statusCode).toBe(201);
    const late = await member.browser.post(`${member.base}/doses`, {
      status: "late",
      scheduledFor,
      takeHome: true,
      note: "Took it after work",
    });
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({
      dose: { id: missed.json().dose.id, status: "late", note: "Took it after work" },
      takeHomesRemaining: 0,
    });
    const undone = await member.browser.post(`${member.base}/doses`, {
      status: "missed",
      scheduledFor,
    });
    expect(undone.json()).toMatchObject({ takeHomesRemaining: 1 });
    expect(await rows("dose_logs", member.id)).toHaveLength(1);
  });

  it("shows adherence over the month: taken, missed when nothing was logged, and still to come", async () => {
    const member = await person();
    const today = localDayAt(new Date(), ZONE);
    const start = addScheduleDays(today, -9);
    await member.browser.put(`${member.base}/regimen`, { ...methadone, effectiveDate: start });
    const scheduled = scheduledDoseInstants(
      { kind: "daily", times: ["08:30"] },
      start,
      today,
      ZONE,
    );
    const past = scheduled.filter((d) => d.getTime() + 3 * 3600_000 <= Date.now());
    // Taken on all but two of the past doses; one of the taken ones late.
    for (const [i, dose] of past.entries()) {
      if (i === 2 || i === 5) continue;
      const response = await member.browser.post(`${member.base}/doses`, {
        status: i === 3 ? "late" : "taken",
        at: new Date(dose.getTime() + (i === 3 ? 170 * 60_000 : 600_000)).toISOString(),
        scheduledFor: dose.toISOString(),
      });
      expect(response.statusCode).toBe(201);
    }
    const response = await member.browser.get(`${member.base}/adherence?from=${start}&to=${today}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      from: start,
      to: today,
      timeZone: ZONE,
      due: past.length,
      taken: past.length - 2,
      late: 1,
      missed: 2,
      pending: scheduled.length - past.length,
    });
    expect(body.doses.filter((d: { detected: boolean }) => d.detected)).toHaveLength(2);

    const listed = (
      await member.browser.get(`${member.base}/doses?from=${start}&to=${today}`)
    ).json();
    expect(listed.doses).toHaveLength(past.length - 2);
    // Before the regimen started nothing was scheduled, so nothing was missed.
    const before = (
      await member.browser.get(
        `${member.base}/adherence?from=${addScheduleDays(start, -20)}&to=${addScheduleDays(start, -1)}`,
      )
    ).json();
    expect(before).toMatchObject({ due: 0, missed: 0 });
  });

  it("refuses doses in the future and ranges it cannot serve, naming the field", async () => {
    const member = await person();
    await member.browser.put(`${member.base}/regimen`, methadone);
    const future = await member.browser.post(`${member.base}/doses`, {
      status: "taken",
      at: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.field).toBe("at");
    const farAhead = await member.browser.post(`${member.base}/doses`, {
      status: "taken",
      scheduledFor: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    expect(farAhead.json().error.field).toBe("scheduledFor");
    const badStatus = await member.browser.post(`${member.base}/doses`, { status: "skipped" });
    expect(badStatus.json().error.field).toBe("status");
    expect(await rows("dose_logs", member.id)).toHaveLength(0);
    const reversed = await member.browser.get(
      `${member.base}/adherence?from=2026-05-10&to=2026-05-01`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.field).toBe("from");
    const tooLong = await member.browser.get(`${member.base}/doses?from=2024-01-01&to=2026-01-01`);
    expect(tooLong.json().error.field).toBe("to");
  });

  it("logs a dose once when the phone sends it twice with the same Idempotency-Key", async () => {
    const member = await person();
    await member.browser.put(`${member.base}/regimen`, { ...methadone, takeHomesOnHand: 5 });
    const key = { "idempotency-key": randomUUID() };
    const body = {
      status: "taken",
      takeHome: true,
      at: new Date(Date.now() - 60_000).toISOString(),
    };
    const first = await member.browser.post(`${member.base}/doses`, body, key);
    const again = await member.browser.post(`${member.base}/doses`, body, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await rows("dose_logs", member.id)).toHaveLength(1);
    expect((await rows("medication_regimens", member.id))[0]?.take_homes_on_hand).toBe(4);
    const reused = await member.browser.post(
      `${member.base}/doses`,
      { ...body, status: "late" },
      key,
    );
    expect(reused.statusCode).toBe(422);
  });

  it("keeps a member's medication from anyone they have not shared it with, and records who looked", async () => {
    const member = await person();
    await member.browser.put(`${member.base}/regimen`, methadone);
    await member.browser.post(`${member.base}/doses`, { status: "taken" });
    const stranger = await person();
    for (const path of ["regimen", "regimen/history", "doses", "adherence"]) {
      const response = await stranger.browser.get(`${member.base}/${path}`);
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain("methadone");
      expect(response.body).not.toContain("Riverside");
    }
    const write = await stranger.browser.put(`${member.base}/regimen`, {
      ...methadone,
      doseAmount: 10,
    });
    expect(write.statusCode).toBe(403);
    const dose = await stranger.browser.post(`${member.base}/doses`, { status: "missed" });
    expect(dose.statusCode).toBe(403);
    expect(await rows("regimen_changes", member.id)).toHaveLength(1);
    expect(await rows("dose_logs", member.id)).toHaveLength(1);

    const supporter = await person();
    await grant(member.id, supporter.id, ["checkins", "appointments"]);
    expect((await supporter.browser.get(`${member.base}/regimen`)).statusCode).toBe(403);

    const counselor = await person();
    await grant(member.id, counselor.id, ["medication"]);
    const read = await counselor.browser.get(`${member.base}/regimen`);
    expect(read.statusCode).toBe(200);
    expect(read.json().regimen.medication).toBe("methadone");
    expect((await counselor.browser.get(`${member.base}/adherence`)).statusCode).toBe(200);
    // Reading is shared; writing stays the member's own.
    expect((await counselor.browser.put(`${member.base}/regimen`, methadone)).statusCode).toBe(403);
    const events = (await member.browser.get(`${member.base}/audit-events`)).json().events;
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorId: counselor.id,
          action: "read:medication",
          outcome: "allowed",
        }),
        expect.objectContaining({
          actorId: stranger.id,
          action: "read:medication",
          outcome: "denied",
        }),
        expect.objectContaining({
          actorId: counselor.id,
          action: "write:medication",
          outcome: "denied",
        }),
      ]),
    );

    const anonymous = browserFor(t.app);
    expect((await anonymous.get(`${member.base}/regimen`)).statusCode).toBe(401);
  });

  it("seeds Alex's demo history once, the same way every time", async () => {
    const member = await person();
    const twin = await person();
    const now = new Date();
    await seedMedicationDemo(t.store.db, member.id, now);
    await seedMedicationDemo(t.store.db, member.id, now);
    await seedMedicationDemo(t.store.db, twin.id, now);
    const regimen = (await member.browser.get(`${member.base}/regimen`)).json().regimen;
    expect(regimen).toMatchObject({
      medication: "methadone",
      doseAmount: 60,
      dispensing: { name: "Riverside Treatment Center" },
    });
    expect(
      (await member.browser.get(`${member.base}/regimen/history`)).json().changes,
    ).toHaveLength(2);
    const today = localDayAt(now, ZONE);
    const adherence = (
      await member.browser.get(
        `${member.base}/adherence?from=${addScheduleDays(today, -89)}&to=${addScheduleDays(today, -1)}`,
      )
    ).json();
    expect(adherence.due).toBe(89);
    expect(adherence.missed).toBeGreaterThanOrEqual(1);
    expect(adherence.missed).toBeLessThanOrEqual(6);
    expect(adherence.late).toBeGreaterThanOrEqual(1);
    const missedDays = adherence.doses
      .filter((d: { state: string }) => d.state === "missed")
      .map((d: { day: string }) => d.day);
    for (const day of missedDays) {
      const index = 89 - (Date.parse(today) - Date.parse(day)) / 86_400_000;
      expect(index).toBeGreaterThanOrEqual(50);
      expect(index).toBeLessThanOrEqual(55);
    }
    const kinds = (await member.browser.get(`${member.base}/appointments`))
      .json()
      .appointments.map((a: { kind: string }) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(["clinic_visit", "counseling", "court"]));
    expect((await member.browser.get(`${member.base}/reminders`)).json().reminders).toHaveLength(3);
    const statuses = async (id: string) =>
      (await rows("dose_logs", id))
        .sort((a, b) => a.local_day.localeCompare(b.local_day))
        .map((row) => `${row.local_day}:${row.status}:${row.take_home}`);
    expect(await statuses(member.id)).toEqual(await statuses(twin.id));
  });
});
