import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { share, signUp, type TestPerson } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import type { Locale } from "../../../domain/api/auth";
import { addLocalDays, localDayOf } from "../../../domain/local-day";
import { DATE_TIME_OPTIONS, timeLabels } from "../../../domain/time-labels";

/** GET /api/today: every Today card's answer in one round trip, only ever the caller's own. */
describe.each(DIALECTS)("Today in one answer on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const timeZone = "America/Chicago";

  async function auditAbout(memberId: string) {
    return t.store.db
      .selectFrom("audit_events")
      .select(["actor_id", "action"])
      .where("member_id", "=", memberId)
      .execute();
  }

  /** A member with a check-in, a plan step, a daily dose and a clinic visit. */
  async function memberWithADay(
    locale: Locale = "en",
  ): Promise<{ alex: TestPerson; today: string }> {
    const alex = await signUp(t, "Alex", "member", { timeZone, locale });
    const today = localDayOf(new Date(), timeZone);
    const base = `/api/members/${alex.id}`;
    const checkin = await alex.browser.put(`${base}/checkins/${today}`, {
      mood: 6,
      craving: 3,
      used: false,
    });
    expect(checkin.statusCode, checkin.body).toBeLessThan(300);
    const goal = await alex.browser.post(`${base}/plan/goals`, {
      domain: "housing",
      title: "Find a steady place",
    });
    expect(goal.statusCode, goal.body).toBe(201);
    const step = await alex.browser.post(`${base}/plan/steps`, {
      goalId: goal.json().id,
      title: "Call the housing office",
    });
    expect(step.statusCode, step.body).toBe(201);
    const regimen = await alex.browser.put(`${base}/regimen`, {
      medication: "buprenorphine",
      doseAmount: 16,
      schedule: { kind: "daily", times: ["08:00"] },
      effectiveDate: addLocalDays(today, -3),
    });
    expect(regimen.statusCode, regimen.body).toBeLessThan(300);
    const visit = await alex.browser.post(
      `${base}/appointments`,
      {
        kind: "clinic_visit",
        startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      },
      { "idempotency-key": `visit-${alex.id}` },
    );
    expect(visit.statusCode, visit.body).toBe(201);
    return { alex, today };
  }

  it("answers what the separate endpoints answer, in one round trip", async () => {
    const { alex, today } = await memberWithADay();
    const base = `/api/members/${alex.id}`;
    const response = await alex.browser.get("/api/today");
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();

    const separately = async (path: string) => {
      const reply = await alex.browser.get(`${base}${path}`);
      expect(reply.statusCode, `${path}: ${reply.body}`).toBe(200);
      return reply.json();
    };
    const weekAgo = addLocalDays(today, -6);
    const inSixtyDays = addLocalDays(today, 60);
    const checkins = await separately(`/checkins?from=${today}&to=${today}`);
    expect(answer.date).toBe(today);
    expect(answer.checkin).toEqual(checkins.checkins[0]);
    expect(answer.checkin).toMatchObject({ mood: 6, craving: 3, used: false });
    expect(answer.plan).toEqual(await separately("/plan"));
    expect(answer.planReviews).toEqual(await separately("/plan/reviews"));
    expect(answer.assessmentsDue).toEqual(await separately("/assessments-due"));
    expect(answer.withdrawalEpisodes).toEqual(await separately("/withdrawal-episodes"));
    const adherence = await separately(`/adherence?from=${weekAgo}&to=${today}`);
    const appointments = await separately(`/appointments?from=${today}&to=${inSixtyDays}`);
    expect(answer.medication).toEqual({
      regimen: (await separately("/regimen")).regimen,
      adherence,
      appointments,
      // Only the times its card shows, written in the person's language and zone.
      labels: timeLabels("en", timeZone, {
        time: adherence.doses
          .filter((dose: { day: string }) => dose.day === today)
          .map((dose: { scheduledFor: string }) => dose.scheduledFor),
        dateTime: [appointments.appointments[0].startsAt],
      }),
    });
    expect(answer.medication.appointments.appointments).toHaveLength(1);
    expect(Object.keys(answer.medication.labels.time)).toHaveLength(1);
    expect(answer.clinicalNotes).toEqual(await separately("/clinical-notes"));
    expect(answer.planSuggestions).toEqual(await separately("/plan-suggestions"));
    expect(answer.rewards).toEqual(await separately("/rewards"));
    expect(answer.lessons).toEqual(await separately("/lessons"));
  });

  it("writes its card's times in the person's own language", async () => {
    const { alex } = await memberWithADay("es");
    const { labels } = (await alex.browser.get("/api/today")).json().medication;
    const visit = Object.keys(labels.dateTime)[0] as string;
    expect(labels).toMatchObject({ locale: "es", timeZone });
    expect(labels.dateTime[visit]).toBe(
      new Intl.DateTimeFormat("es", { ...DATE_TIME_OPTIONS, timeZone }).format(new Date(visit)),
    );
    // The Spanish day names, not the English ones.
    expect(labels.dateTime[visit]).toMatch(/^(lun|mar|mié|jue|vie|sáb|dom)/);
  });

  it("says plainly what is not there yet: no check-in, no regimen", async () => {
    const sam = await signUp(t, "Sam");
    const answer = (await sam.browser.get("/api/today")).json();
    expect(answer.checkin).toBeNull();
    expect(answer.medication).toBeNull();
    expect(answer.plan.domains).toEqual([]);
  });

  it("is a self-read: nothing lands in the member's access log", async () => {
    const { alex } = await memberWithADay();
    const before = (await auditAbout(alex.id)).length;
    expect((await alex.browser.get("/api/today")).statusCode).toBe(200);
    expect(await auditAbout(alex.id)).toHaveLength(before);
  });

  it("never shows anyone else's Today, whatever they shared", async () => {
    const { alex } = await memberWithADay();
    const clinician = await signUp(t, "Dr. Rivera", "clinician");
    await share(alex, clinician, [
      "profile",
      "checkins",
      "plan",
      "medication",
      "appointments",
      "assessments",
      "withdrawal",
      "notes",
      "rewards",
      "lessons",
    ]);
    const before = await auditAbout(alex.id);
    const theirs = await clinician.browser.get("/api/today");
    expect(theirs.statusCode, theirs.body).toBe(200);
    // The clinician's own (empty) day, not Alex's: the path names nobody, and no query does.
    expect(theirs.json()).toMatchObject({ checkin: null, medication: null });
    expect(theirs.body).not.toContain("Find a steady place");
    expect(theirs.body).not.toContain(alex.id);
    expect(await auditAbout(alex.id)).toEqual(before);
    // Asking for Alex by name is not a thing the route understands.
    const named = await clinician.browser.get(`/api/today?memberId=${alex.id}`);
    expect(named.body).not.toContain("Find a steady place");
  });

  it("needs a signed-in person, and is in the OpenAPI document as getToday", async () => {
    const stranger = await t.app.inject({ method: "GET", url: "/api/today" });
    expect(stranger.statusCode).toBe(401);
    expect(Object.keys(stranger.json())).toEqual(["error"]);
    const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(document.paths["/api/today"].get.operationId).toBe("getToday");
  });
});
