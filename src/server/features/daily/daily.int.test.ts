import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { seedDailyDemo } from "../../../cli/demo/daily";
import { addLocalDays, localDayOf, startOfLocalDay } from "../../../domain/local-day";
import { computeProgress } from "../../../domain/progress";

const ZONE = "America/New_York";
const checkinBody = { mood: 6, craving: 3, used: false };

describe.each(DIALECTS)("check-in, cravings, lapse and progress on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function person(timeZone = ZONE) {
    const member = await signUp(t, "Someone", "member", { timeZone });
    return { ...member, base: `/api/members/${member.id}` };
  }

  const today = () => localDayOf(new Date(), ZONE);

  const count = async (table: "checkins" | "cravings" | "coping_uses" | "use_events", id: string) =>
    (await t.store.db.selectFrom(table).select("member_id").where("member_id", "=", id).execute())
      .length;

  it("creates today's check-in with 201, updates it with 200, and keeps one row", async () => {
    const member = await person();
    const url = `${member.base}/checkins/${today()}`;
    const first = await member.browser.put(url, {
      ...checkinBody,
      halt: { hungry: false, angry: false, lonely: true, tired: true },
      sleepHours: 7.5,
      note: "  Walked to the park.  ",
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      date: today(),
      mood: 6,
      used: false,
      halt: { lonely: true, tired: true, hungry: false, angry: false },
      sleepHours: 7.5,
      note: "Walked to the park.",
      medicationTaken: null,
    });
    const second = await member.browser.put(url, { mood: 8, craving: 1, used: false });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ mood: 8, craving: 1, halt: null, note: null });
    expect(second.json().createdAt).toBe(first.json().createdAt);
    expect(await count("checkins", member.id)).toBe(1);
    const read = await member.browser.get(url);
    expect(read.json()).toEqual(second.json());
    const list = await member.browser.get(`${member.base}/checkins`);
    expect(list.json()).toMatchObject({ to: today(), checkins: [{ mood: 8 }] });
  });

  it("answers 404 for a day without a check-in", async () => {
    const member = await person();
    const response = await member.browser.get(`${member.base}/checkins/${today()}`);
    expect(response.statusCode).toBe(404);
  });

  it("refuses bad values with a 4xx naming the field, and writes nothing", async () => {
    const member = await person();
    const day = `${member.base}/checkins/${today()}`;
    const refusals = [
      [await member.browser.put(day, { ...checkinBody, craving: 11 }), "craving"],
      [await member.browser.put(day, { ...checkinBody, mood: "six" }), "mood"],
      [await member.browser.put(day, { ...checkinBody, used: "no" }), "used"],
      [await member.browser.put(day, { ...checkinBody, sleepHours: 25 }), "sleepHours"],
      [await member.browser.put(day, { ...checkinBody, note: "x".repeat(2001) }), "note"],
      [await member.browser.put(`${member.base}/checkins/2099-01-01`, checkinBody), "date"],
      [await member.browser.put(`${member.base}/checkins/1899-12-31`, checkinBody), "date"],
      [await member.browser.put(`${member.base}/checkins/2026-02-30`, checkinBody), "date"],
      [await member.browser.post(`${member.base}/cravings`, { intensity: 11 }), "intensity"],
      [
        await member.browser.post(`${member.base}/cravings`, {
          intensity: 4,
          at: new Date(Date.now() + 3600_000).toISOString(),
        }),
        "at",
      ],
      [
        await member.browser.post(`${member.base}/cravings`, {
          intensity: 4,
          trigger: { kind: "weather" },
        }),
        "trigger.kind",
      ],
      [await member.browser.post(`${member.base}/coping-uses`, { tool: "willpower" }), "tool"],
      [
        await member.browser.post(`${member.base}/coping-uses`, {
          tool: "breathing",
          cravingId: randomUUID(),
        }),
        "cravingId",
      ],
      [await member.browser.post(`${member.base}/uses`, {}), "at"],
      [
        await member.browser.post(`${member.base}/uses`, {
          at: new Date(Date.now() + 86_400_000).toISOString(),
        }),
        "at",
      ],
      [await member.browser.post(`${member.base}/uses`, { at: "yesterday" }), "at"],
    ] as const;
    for (const [response, field] of refusals) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.field, response.body).toBe(field);
    }
    // Tomorrow is allowed as slack for zones; the day after is not.
    const tooLate = addLocalDays(today(), 2);
    expect(
      (await member.browser.put(`${member.base}/checkins/${tooLate}`, checkinBody)).json(),
    ).toMatchObject({ error: { code: "date_in_future", field: "date" } });
    for (const table of ["checkins", "cravings", "coping_uses", "use_events"] as const) {
      expect(await count(table, member.id)).toBe(0);
    }
    const range = await member.browser.get(`${member.base}/checkins?from=2020-01-01&to=2026-01-01`);
    expect(range.json().error).toMatchObject({ code: "range_too_long", field: "to" });
  });

  it("lands a POST once for the same Idempotency-Key", async () => {
    const member = await person();
    const headers = { "idempotency-key": `craving-${randomUUID()}` };
    const body = { intensity: 7, trigger: { kind: "places", text: "the old corner" } };
    const first = await member.browser.post(`${member.base}/cravings`, body, headers);
    const again = await member.browser.post(`${member.base}/cravings`, body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await count("cravings", member.id)).toBe(1);

    const useHeaders = { "idempotency-key": `use-${randomUUID()}` };
    const use = { at: new Date().toISOString() };
    await member.browser.post(`${member.base}/uses`, use, useHeaders);
    await member.browser.post(`${member.base}/uses`, use, useHeaders);
    expect(await count("use_events", member.id)).toBe(1);

    const copingHeaders = { "idempotency-key": `coping-${randomUUID()}` };
    const coping = { tool: "urge_surfing", cravingId: first.json().id, passed: true };
    await member.browser.post(`${member.base}/coping-uses`, coping, copingHeaders);
    await member.browser.post(`${member.base}/coping-uses`, coping, copingHeaders);
    expect(await count("coping_uses", member.id)).toBe(1);
  });

  it("keeps another person's data out of reach and records each refusal", async () => {
    const member = await person();
    const stranger = await person();
    await member.browser.put(`${member.base}/checkins/${today()}`, checkinBody);
    const attempts = [
      await stranger.browser.get(`${member.base}/checkins/${today()}`),
      await stranger.browser.get(`${member.base}/checkins`),
      await stranger.browser.get(`${member.base}/cravings`),
      await stranger.browser.get(`${member.base}/coping-stats`),
      await stranger.browser.get(`${member.base}/uses`),
      await stranger.browser.get(`${member.base}/progress`),
      await stranger.browser.put(`${member.base}/checkins/${today()}`, {
        ...checkinBody,
        mood: 0,
      }),
      await stranger.browser.post(`${member.base}/cravings`, { intensity: 9 }),
      await stranger.browser.post(`${member.base}/uses`, { at: new Date().toISOString() }),
    ];
    for (const response of attempts) expect(response.statusCode).toBe(403);
    expect((await member.browser.get(`${member.base}/checkins/${today()}`)).json().mood).toBe(6);
    expect(await count("cravings", member.id)).toBe(0);
    expect(await count("use_events", member.id)).toBe(0);
    const events = (await member.browser.get(`${member.base}/audit-events`)).json().events;
    expect(events).toHaveLength(attempts.length);
    expect(events).toContainEqual(
      expect.objectContaining({
        actorId: stranger.id,
        action: "read:checkins",
        outcome: "denied",
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ actorId: stranger.id, action: "write:use", outcome: "denied" }),
    );
  });

  it("lets a counselor with a grant read check-ins, and tells the member", async () => {
    const member = await person();
    const counselor = await person();
    await t.store.db
      .insertInto("consent_grants")
      .values({
        member_id: member.id,
        id: randomUUID(),
        grantee_user_id: counselor.id,
        purpose: "Counseling",
        categories: JSON.stringify(["checkins"]),
        created_at: new Date().toISOString(),
        expires_at: null,
        revoked_at: null,
      })
      .execute();
    await member.browser.put(`${member.base}/checkins/${today()}`, checkinBody);
    const read = await counselor.browser.get(`${member.base}/checkins`);
    expect(read.statusCode).toBe(200);
    expect(read.json().checkins).toHaveLength(1);
    // Progress shows days with use, which this grant does not cover.
    expect((await counselor.browser.get(`${member.base}/progress`)).statusCode).toBe(403);
    const events = (await member.browser.get(`${member.base}/audit-events`)).json().events;
    expect(events).toContainEqual(
      expect.objectContaining({
        action: "read:checkins",
        resource: "check-ins, last 30 days",
        outcome: "allowed",
      }),
    );
    // The refused progress view leaves one refusal, and no "allowed" read of data not shown.
    const progressEvents = events.filter((e: { resource: string }) => e.resource === "progress");
    expect(progressEvents).toEqual([
      expect.objectContaining({ action: "read:use", outcome: "denied" }),
    ]);

    // With use shared too, progress is one read in the member's log, naming what it showed.
    await t.store.db
      .updateTable("consent_grants")
      .set({ categories: JSON.stringify(["checkins", "use"]) })
      .where("grantee_user_id", "=", counselor.id)
      .execute();
    const before = (await member.browser.get(`${member.base}/audit-events`)).json().events.length;
    expect((await counselor.browser.get(`${member.base}/progress`)).statusCode).toBe(200);
    const after = (await member.browser.get(`${member.base}/audit-events`)).json().events;
    expect(after).toHaveLength(before + 1);
    expect(after).toContainEqual(
      expect.objectContaining({
        action: "read:progress",
        resource: "progress: checkins, use",
        outcome: "allowed",
        purpose: "Counseling",
      }),
    );
  });

  it("shows which coping tools were followed by the craving passing", async () => {
    const member = await person();
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    for (const [i, passed] of [true, true, false].entries()) {
      const craving = await member.browser.post(`${member.base}/cravings`, {
        intensity: 6,
        at: minutesAgo(10 - i),
      });
      await member.browser.post(`${member.base}/coping-uses`, {
        tool: "urge_surfing",
        cravingId: craving.json().id,
        passed,
      });
    }
    // A tool use without its own answer counts the craving's.
    const passedCraving = await member.browser.post(`${member.base}/cravings`, {
      intensity: 5,
      at: minutesAgo(1),
      passed: true,
    });
    await member.browser.post(`${member.base}/coping-uses`, {
      tool: "breathing",
      cravingId: passedCraving.json().id,
    });
    const stats = (await member.browser.get(`${member.base}/coping-stats`)).json().tools;
    expect(stats).toContainEqual({
      tool: "urge_surfing",
      uses: 3,
      passedCount: 2,
      notPassedCount: 1,
    });
    expect(stats).toContainEqual({ tool: "breathing", uses: 1, passedCount: 1, notPassedCount: 0 });
    const cravings = (await member.browser.get(`${member.base}/cravings`)).json().cravings;
    expect(cravings.map((c: { passed: boolean | null }) => c.passed)).toEqual([
      true,
      true,
      null,
      true,
    ]);
  });

  it("counts a lapse and the return, and keeps every day before it", async () => {
    const member = await person();
    // Account created today; check-ins written back to 20 days ago move the start there.
    const day = (offset: number) => addLocalDays(today(), -offset);
    for (let offset = 20; offset >= 0; offset -= 1) {
      if (offset === 15 || offset === 14) continue; // two days not checked in
      const used = offset === 8;
      const mood = offset > 10 ? 4 : 7;
      await member.browser.put(`${member.base}/checkins/${day(offset)}`, {
        mood,
        craving: used ? 9 : 3,
        used,
      });
    }
    const before = (await member.browser.get(`${member.base}/progress`)).json();
    expect(before).toMatchObject({
      recoveryStart: day(20),
      daysSinceStart: 21,
      totalDaysWithoutUse: 20,
      currentStreakDays: 8,
      longestStreakDays: 12,
      lapses: 1,
      checkinConsistency: 0.905,
      checkedInToday: true,
    });

    // A use recorded for the evening after the lapse day: the lapse grows to two days.
    const evening = new Date(startOfLocalDay(day(7), ZONE).getTime() + 20 * 3600_000);
    const recorded = await member.browser.post(`${member.base}/uses`, {
      at: evening.toISOString(),
      substance: "heroin",
      where: "at home",
    });
    expect(recorded.statusCode).toBe(201);
    const lapseDay = localDayOf(evening, ZONE);
    expect(recorded.json()).toMatchObject({
      use: { date: lapseDay, substance: "heroin", where: "at home" },
      safety: {
        neverUseAlone: { display: "800-484-3731" },
        daysWithoutUseBefore: 0,
      },
    });

    const after = (await member.browser.get(`${member.base}/progress`)).json();
    expect(after).toMatchObject({
      daysSinceStart: 21,
      totalDaysWithoutUse: 19,
      daysWithUse: 2,
      currentStreakDays: 7,
      longestStreakDays: 12,
      lapses: 1,
      returns: [
        {
          lapseStartedOn: day(8),
          lapseEndedOn: day(7),
          returnedOn: day(6),
          daysToReturn: 2,
        },
      ],
      moneyRegained: null,
    });
    expect(after.windows.last7.moodAverage).toBe(7);

    const uses = (await member.browser.get(`${member.base}/uses`)).json().uses;
    expect(uses).toHaveLength(1);
    // Undo: a use recorded by mistake is removed and the day counts again.
    const removed = await member.browser.delete(`${member.base}/uses/${uses[0].id}`);
    expect(removed.statusCode).toBe(200);
    expect((await member.browser.get(`${member.base}/progress`)).json()).toMatchObject({
      totalDaysWithoutUse: 20,
      currentStreakDays: 8,
    });

    // After a week without use, the safety answer says so (tolerance may have dropped).
    const useToday = await member.browser.post(`${member.base}/uses`, {
      at: new Date().toISOString(),
    });
    expect(useToday.json().safety).toMatchObject({
      daysWithoutUseBefore: 7,
      messageKeys: expect.arrayContaining(["lapse.safety.tolerance"]),
    });
    expect(useToday.json().safety.messageKeys[0]).toBe("lapse.safety.tolerance");
    expect((await member.browser.get(`${member.base}/progress`)).json()).toMatchObject({
      currentStreakDays: 0,
      longestStreakDays: 12,
      lapses: 2,
      totalDaysWithoutUse: 19,
    });
  });

  it("reads a three-year history through totals and recent days, giving what the whole history gives", async () => {
    const member = await person();
    const last = today();
    const at = new Date().toISOString();
    // A check-in on 2 of every 3 days for three years; use on every 50th day, old and recent.
    const rows = Array.from({ length: 1100 }, (_, back) => back)
      .filter((back) => back % 3 !== 1)
      .map((back) => ({
        member_id: member.id,
        local_day: addLocalDays(last, -back),
        mood: back % 11,
        craving: (back * 7) % 11,
        used: back % 50 === 0 ? 1 : 0,
        medication_taken: null,
        sleep_hours: null,
        stress: null,
        halt_hungry: null,
        halt_angry: null,
        halt_lonely: null,
        halt_tired: null,
        meeting: null,
        note: null,
        created_at: at,
        updated_at: at,
      }));
    for (let i = 0; i < rows.length; i += 200) {
      await t.store.db
        .insertInto("checkins")
        .values(rows.slice(i, i + 200))
        .execute();
    }
    const whole = (recoveryStart: string | null) =>
      computeProgress({
        today: last,
        accountCreatedOn: last,
        recoveryStart,
        planSteps: null,
        costPerDay: null,
        checkins: rows.map((r) => ({
          date: r.local_day,
          used: r.used === 1,
          mood: r.mood,
          craving: r.craving,
        })),
        useDays: [],
      });
    const progress = await member.browser.get(`${member.base}/progress`);
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toEqual(JSON.parse(JSON.stringify(whole(null))));
    expect(progress.json().daysSinceStart).toBe(1099);

    // With a start the member set (two years ago), only check-ins from then on count.
    const start = addLocalDays(last, -730);
    await t.store.db
      .insertInto("recovery_profiles")
      .values({
        member_id: member.id,
        recovery_start: start,
        cost_per_day: null,
        stage: null,
        treatment: "[]",
        intake_answers: "{}",
        updated_at: at,
      })
      .execute();
    const fromStart = (await member.browser.get(`${member.base}/progress`)).json();
    expect(fromStart).toEqual(JSON.parse(JSON.stringify(whole(start))));
    expect(fromStart.checkinConsistency).toBeCloseTo(2 / 3, 2);
  });

  it("seeds the demo history once, and every part of it reads back through the API", async () => {
    const member = await person();
    const now = new Date();
    await seedDailyDemo(t.store.db, member.id, now);
    await seedDailyDemo(t.store.db, member.id, now);
    const progress = (await member.browser.get(`${member.base}/progress`)).json();
    expect(progress).toMatchObject({ daysSinceStart: 90, lapses: 1, daysWithUse: 2 });
    expect(progress.returns[0].daysToReturn).toBe(2);
    expect(progress.windows.last30.cravingAverage).toBeLessThan(
      progress.windows.last90.cravingAverage,
    );
    const from = progress.recoveryStart;
    const checkins = await member.browser.get(`${member.base}/checkins?from=${from}`);
    expect(checkins.statusCode).toBe(200);
    expect(checkins.json().checkins.length).toBeGreaterThan(20);
    const all = `?from=${from}&to=${today()}`;
    const lists = await Promise.all(
      ["checkins", "cravings", "uses"].map((what) =>
        member.browser.get(`${member.base}/${what}${all}`),
      ),
    );
    for (const list of lists) expect(list.statusCode).toBe(200);
    expect(lists[0]?.json().checkins.length).toBeGreaterThan(70);
    expect(lists[2]?.json().uses).toHaveLength(1);
    const stats = (await member.browser.get(`${member.base}/coping-stats`)).json().tools;
    const passed = stats.reduce(
      (sum: number, tool: { passedCount: number }) => sum + tool.passedCount,
      0,
    );
    const uses = stats.reduce((sum: number, tool: { uses: number }) => sum + tool.uses, 0);
    expect(passed / uses).toBeGreaterThan(0.6);
  });

  it("names every operation in the OpenAPI document", async () => {
    const document = (await t.app.inject({ url: "/api/openapi.json" })).json();
    const operationIds = Object.values(document.paths).flatMap((path) =>
      Object.values(path as Record<string, { operationId?: string }>).map((op) => op.operationId),
    );
    expect(operationIds).toEqual(
      expect.arrayContaining([
        "upsertCheckin",
        "getCheckin",
        "listCheckins",
        "logCraving",
        "listCravings",
        "recordCopingUse",
        "getCopingStats",
        "recordUse",
        "listUses",
        "deleteUse",
        "getProgress",
      ]),
    );
  });
  it("counts from the recovery start and cost per day given at intake", async () => {
    const member = await person();
    const start = addLocalDays(today(), -9);
    const intake = await member.browser.post(`${member.base}/intake`, {
      recoveryStart: start,
      costPerDay: 25,
    });
    expect(intake.statusCode).toBe(201);
    await member.browser.put(`${member.base}/checkins/${addLocalDays(today(), -3)}`, {
      ...checkinBody,
      used: true,
    });
    const progress = (await member.browser.get(`${member.base}/progress`)).json();
    expect(progress).toMatchObject({
      recoveryStart: start,
      daysSinceStart: 10,
      totalDaysWithoutUse: 9,
      moneyRegained: 225,
    });
    const steps = intake
      .json()
      .domains.flatMap((d: { goals: { steps: { id: string }[] }[] }) => d.goals)
      .flatMap((g: { steps: { id: string }[] }) => g.steps);
    expect(progress.planSteps).toEqual({ done: 0, total: steps.length });
    const marked = await member.browser.request({
      method: "PATCH",
      url: `${member.base}/plan/steps/${steps[0].id}`,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ status: "done" }),
    });
    expect(marked.statusCode).toBe(200);
    const after = (await member.browser.get(`${member.base}/progress`)).json();
    expect(after.planSteps).toEqual({ done: 1, total: steps.length });
  });
});
