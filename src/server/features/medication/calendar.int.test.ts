import { randomUUID } from "node:crypto";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { hashToken } from "../../security/tokens";

const ZONE = "America/New_York";

interface FeedEvent {
  uid: string;
  summary: string;
  location: string | null;
  description: string | null;
  start: Date;
  end: Date;
}

/** Parses the feed back with an independent iCalendar parser. */
function parseFeed(text: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location || null,
      description: event.description || null,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
    };
  });
}

describe.each(DIALECTS)("the calendar feed on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function person() {
    const member = await signUp(t, "Someone", "member", { timeZone: ZONE });
    return { ...member, base: `/api/members/${member.id}` };
  }

  async function memberWithPlans() {
    const member = await person();
    await member.browser.put(`${member.base}/regimen`, {
      medication: "methadone",
      doseAmount: 60,
      schedule: { kind: "daily", times: ["08:00"] },
      dispensing: { name: "Riverside Treatment Center" },
    });
    const startsAt = new Date(Date.now() + 5 * 86_400_000);
    startsAt.setUTCHours(15, 0, 0, 0);
    const visit = await member.browser.post(`${member.base}/appointments`, {
      kind: "clinic_visit",
      startsAt: startsAt.toISOString(),
      place: "Riverside Treatment Center",
      notes: "Ask about take-homes",
    });
    const court = new Date(startsAt.getTime() + 2 * 86_400_000);
    await member.browser.post(`${member.base}/appointments`, {
      kind: "court",
      startsAt: court.toISOString(),
      endsAt: new Date(court.getTime() + 2 * 3600_000).toISOString(),
    });
    // Too far ahead for the feed's 60 days.
    await member.browser.post(`${member.base}/appointments`, {
      kind: "medical",
      startsAt: new Date(Date.now() + 120 * 86_400_000).toISOString(),
    });
    return { ...member, visit: visit.json(), startsAt, court };
  }

  it("serves appointments and dose times at a secret address, with discreet titles by default", async () => {
    const member = await memberWithPlans();
    const created = await member.browser.post(`${member.base}/calendar-feed`, {});
    expect(created.statusCode).toBe(201);
    const { url, details } = created.json();
    expect(details).toBe(false);
    expect(url).toMatch(/^http:\/\/localhost(:\d+)?\/api\/calendar\/[A-Za-z0-9_-]{22}\.ics$/);
    const path = new URL(url).pathname;
    const token = path.slice("/api/calendar/".length, -".ics".length);
    const stored = await t.store.db
      .selectFrom("calendar_feeds")
      .selectAll()
      .where("member_id", "=", member.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    // No session needed: a phone's calendar app fetches it.
    const response = await browserFor(t.app).get(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(response.body).not.toMatch(/methadone|Riverside|court|clinic|take-home/i);
    const events = parseFeed(response.body);
    const appointments = events.filter((e) => e.uid.startsWith("appointment-"));
    const doses = events.filter((e) => e.uid.startsWith("dose-"));
    expect(appointments.map((e) => [e.summary, e.start.toISOString()])).toEqual([
      ["Appointment", member.startsAt.toISOString()],
      ["Appointment", member.court.toISOString()],
    ]);
    expect(appointments.every((e) => e.location === null && e.description === null)).toBe(true);
    expect(appointments[0]?.end.getTime()).toBe(member.startsAt.getTime() + 3600_000);
    expect(appointments[1]?.end.getTime()).toBe(member.court.getTime() + 2 * 3600_000);
    expect(doses.length).toBeGreaterThanOrEqual(60);
    expect(doses.length).toBeLessThanOrEqual(61);
    for (const dose of doses) {
      expect(dose.summary).toBe("Reminder");
      const local = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, timeStyle: "short" }).format(
        dose.start,
      );
      expect(local).toBe("08:00");
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    const status = (await member.browser.get(`${member.base}/calendar-feed`)).json();
    expect(status).toMatchObject({ active: true, details: false });
    expect(status.lastFetchedAt).not.toBeNull();
  });

  it("shows details in a feed made with them, and retires the old address when a new one is made", async () => {
    const member = await memberWithPlans();
    const first = (await member.browser.post(`${member.base}/calendar-feed`, {})).json().url;
    const second = await member.browser.post(`${member.base}/calendar-feed`, { details: true });
    expect(second.json().details).toBe(true);
    const anonymous = browserFor(t.app);
    expect((await anonymous.get(new URL(first).pathname)).statusCode).toBe(404);
    const events = parseFeed((await anonymous.get(new URL(second.json().url).pathname)).body);
    expect(events.find((e) => e.uid.startsWith("appointment-"))).toMatchObject({
      summary: "Clinic visit",
      location: "Riverside Treatment Center",
      description: "Ask about take-homes",
    });
    expect(events.some((e) => e.summary === "Court date")).toBe(true);
    expect(events.find((e) => e.uid.startsWith("dose-"))?.summary).toBe("Methadone 60 mg");
  });

  it("answers 404 once the address is revoked, and for addresses that never existed", async () => {
    const member = await memberWithPlans();
    const { url } = (await member.browser.post(`${member.base}/calendar-feed`, {})).json();
    const path = new URL(url).pathname;
    const anonymous = browserFor(t.app);
    expect((await anonymous.get(path)).statusCode).toBe(200);
    const revoked = await member.browser.delete(`${member.base}/calendar-feed`);
    expect(revoked.json()).toEqual({ ok: true });
    const gone = await anonymous.get(path);
    expect(gone.statusCode).toBe(404);
    expect(gone.body).not.toContain("VCALENDAR");
    expect((await member.browser.get(`${member.base}/calendar-feed`)).json()).toMatchObject({
      active: false,
    });
    expect((await anonymous.get(`/api/calendar/${"A".repeat(22)}.ics`)).statusCode).toBe(404);
    expect((await anonymous.get("/api/calendar/short.ics")).statusCode).toBe(400);
  });

  it("lets only the member make or revoke a feed", async () => {
    const member = await memberWithPlans();
    const { url } = (await member.browser.post(`${member.base}/calendar-feed`, {})).json();
    const other = await person();
    expect((await other.browser.post(`${member.base}/calendar-feed`, {})).statusCode).toBe(403);
    expect((await other.browser.delete(`${member.base}/calendar-feed`)).statusCode).toBe(403);
    expect((await other.browser.get(`${member.base}/calendar-feed`)).statusCode).toBe(403);
    expect((await browserFor(t.app).get(new URL(url).pathname)).statusCode).toBe(200);
    await t.store.db
      .insertInto("consent_grants")
      .values({
        member_id: member.id,
        id: randomUUID(),
        grantee_user_id: other.id,
        purpose: "Care coordination",
        categories: JSON.stringify(["appointments"]),
        created_at: new Date().toISOString(),
        expires_at: null,
        revoked_at: null,
      })
      .execute();
    // A grant to read appointments is not a right to mint or revoke the member's feed.
    expect((await other.browser.post(`${member.base}/calendar-feed`, {})).statusCode).toBe(403);
    expect((await other.browser.delete(`${member.base}/calendar-feed`)).statusCode).toBe(403);
    expect((await browserFor(t.app).get(new URL(url).pathname)).statusCode).toBe(200);
  });

  it("lists every operation in the OpenAPI document", async () => {
    const document = (await browserFor(t.app).get("/api/openapi.json")).json();
    const ids = Object.values(
      document.paths as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap((methods) => Object.values(methods).map((operation) => operation.operationId));
    for (const id of [
      "getRegimen",
      "setRegimen",
      "listRegimenHistory",
      "logDose",
      "listDoses",
      "getAdherence",
      "createAppointment",
      "updateAppointment",
      "deleteAppointment",
      "listAppointments",
      "listReminders",
      "setReminder",
      "deleteReminder",
      "subscribePush",
      "createCalendarFeed",
      "revokeCalendarFeed",
      "getCalendarFeed",
    ]) {
      expect(ids).toContain(id);
    }
  });
});
