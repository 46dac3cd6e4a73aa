import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../test/support/people";
import { receivedOn, registerTestDevice } from "../../../../test/support/push-devices";
import {
  startTestPushService,
  type TestPushService,
  type TestSubscription,
} from "../../../../test/support/push-service";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { sendDueMeetingReminders } from "./meeting-reminders";

const NY = "America/New_York";
// Wednesdays at 19:00 in New York (EST in December): 00:00Z on Thursday.
const WEDNESDAY_7PM = ["2026-12-03T00:00:00Z", "2026-12-10T00:00:00Z", "2026-12-17T00:00:00Z"];
const minutesBefore = (iso: string, minutes: number) =>
  new Date(new Date(iso).getTime() - minutes * 60_000);

describe.each(DIALECTS)("reminders before a saved meeting on %s", (dialect) => {
  let t: TestApp;
  let push: TestPushService;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    push = await startTestPushService();
  });
  afterAll(async () => {
    await push.close();
    await t.close();
  });

  async function person() {
    const member = await signUp(t, "Robin", "member", { timeZone: NY });
    return { ...member, base: `/api/members/${member.id}` };
  }
  /**
   * A device on the loopback push service. The HTTP API refuses loopback endpoints, so the
   * row is written as the subscribe route would have written it.
   */
  const device = (memberId: string) => registerTestDevice(t.store.db, push, memberId);
  const messagesFor = (subscription: TestSubscription) => receivedOn(push, subscription);
  const delivery = () => ({ dataDir: t.config.dataDir, allowLoopback: true, timeoutMs: 5000 });

  /** As if the member saved their meetings at `at`: reminders go only for starts after saving. */
  const savedAt = (memberId: string, at: Date) =>
    t.store.db
      .updateTable("saved_meetings")
      .set({ created_at: at.toISOString() })
      .where("member_id", "=", memberId)
      .execute();

  async function wednesdayMeeting(member: Awaited<ReturnType<typeof person>>) {
    const created = await member.browser.post(`${member.base}/meetings`, {
      name: "Wednesday Hope NA",
      day: 3,
      time: "19:00",
      end_time: "20:00",
      types: ["O"],
      location: "Grace Hall",
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  it("saves a meeting with a reminder, changes it, and refuses a lead it cannot use", async () => {
    const member = await person();
    const id = await wednesdayMeeting(member);
    const url = `${member.base}/saved-meetings/${id}`;
    const key = { "idempotency-key": randomUUID() };
    const saved = await member.browser.put(url, { saved: true, remindMinutesBefore: 60 }, key);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ id, saved: true, remindMinutesBefore: 60 });
    // The same key replays the answer and writes nothing new.
    const again = await member.browser.put(url, { saved: true, remindMinutesBefore: 60 }, key);
    expect(again.json()).toEqual(saved.json());

    // Saved again without a lead: keeps it. With null: no reminder, still saved.
    expect((await member.browser.put(url, { saved: true })).json().remindMinutesBefore).toBe(60);
    const off = await member.browser.put(url, { saved: true, remindMinutesBefore: null });
    expect(off.json()).toMatchObject({ saved: true, remindMinutesBefore: null });

    for (const lead of [0, 3, 1441, 30.5, "60"]) {
      const response = await member.browser.put(url, { saved: true, remindMinutesBefore: lead });
      expect(response.statusCode, String(lead)).toBe(400);
      expect(response.json().error.field).toBe("remindMinutesBefore");
    }
    const listed = (
      await member.browser.get(`${member.base}/meetings?saved=true&withinHours=168`)
    ).json();
    expect(listed.meetings).toMatchObject([{ id, saved: true, remindMinutesBefore: null }]);

    const other = await person();
    expect((await other.browser.put(url, { saved: true })).statusCode).toBe(403);
    expect(
      (await other.browser.put(`${other.base}/saved-meetings/${id}`, { saved: true })).statusCode,
    ).toBe(404);
  });

  it("sends the reminder once, discreetly, lead minutes before each start, and never after unsaving", async () => {
    const member = await person();
    const phone = await device(member.id);
    const id = await wednesdayMeeting(member);
    const url = `${member.base}/saved-meetings/${id}`;
    await member.browser.put(url, { saved: true, remindMinutesBefore: 60 });
    const [first, second, third] = WEDNESDAY_7PM as [string, string, string];
    // The scheduler's clock is simulated: saved a day before the first start it is asked about.
    await savedAt(member.id, minutesBefore(first, 24 * 60));

    await sendDueMeetingReminders(t.store.db, delivery(), minutesBefore(first, 61));
    expect(messagesFor(phone)).toHaveLength(0);

    // Two passes at once (two server processes): one message.
    const dueAt = minutesBefore(first, 60);
    await Promise.all([
      sendDueMeetingReminders(t.store.db, delivery(), dueAt),
      sendDueMeetingReminders(t.store.db, delivery(), dueAt),
    ]);
    expect(messagesFor(phone)).toEqual([
      {
        title: "Reminder",
        body: "Something you planned starts at 19:00",
        tag: `meeting-${id}`,
        url: "/",
      },
    ]);
    // Not again a minute later, nor ten.
    await sendDueMeetingReminders(t.store.db, delivery(), minutesBefore(first, 59));
    await sendDueMeetingReminders(t.store.db, delivery(), minutesBefore(first, 50));
    expect(messagesFor(phone)).toHaveLength(1);

    // A week later, with details the member opted into: the meeting's name.
    const opted = await member.browser.put(`${member.base}/notification-preferences`, {
      details: true,
    });
    expect(opted.statusCode).toBe(200);
    await sendDueMeetingReminders(t.store.db, delivery(), minutesBefore(second, 58));
    expect(messagesFor(phone)[1]).toMatchObject({ body: "Wednesday Hope NA starts at 19:00" });

    // Unsaved: no reminder for the third week.
    expect((await member.browser.put(url, { saved: false })).json()).toMatchObject({
      saved: false,
      remindMinutesBefore: null,
    });
    const report = await sendDueMeetingReminders(t.store.db, delivery(), minutesBefore(third, 60));
    expect(messagesFor(phone)).toHaveLength(2);
    expect(report.sent).toBe(0);
  });

  it("does not send a reminder twice when the meeting is unsaved and saved again", async () => {
    const member = await person();
    const phone = await device(member.id);
    const own = `${member.base}/saved-meetings/${await wednesdayMeeting(member)}`;
    const start = WEDNESDAY_7PM[0] as string;
    const save = async (at: Date) => {
      expect(
        (await member.browser.put(own, { saved: true, remindMinutesBefore: 60 })).statusCode,
      ).toBe(200);
      await savedAt(member.id, at);
    };
    await save(minutesBefore(start, 24 * 60));
    await sendDueMeetingReminders(t.store.db, delivery(), minutesBefore(start, 60));
    expect(messagesFor(phone)).toHaveLength(1);
    await member.browser.put(own, { saved: false });
    await save(minutesBefore(start, 58));
    const report = await sendDueMeetingReminders(t.store.db, delivery(), minutesBefore(start, 55));
    expect(report.sent).toBe(0);
    expect(messagesFor(phone)).toHaveLength(1);
  });

  it("reminds of a Monday 00:30 meeting on Sunday evening, and forgets a device that is gone", async () => {
    const member = await person();
    const phone = await device(member.id);
    const created = await member.browser.post(`${member.base}/meetings`, {
      name: "Midnight Oil",
      day: 1,
      time: "00:30",
      conference_url: "https://meet.example.org/oil",
    });
    const id = created.json().id as string;
    await member.browser.put(`${member.base}/saved-meetings/${id}`, {
      saved: true,
      remindMinutesBefore: 120,
    });
    await savedAt(member.id, new Date("2026-12-01T00:00:00Z"));
    // Monday 2026-12-07 00:30 EST = 05:30Z; two hours before is Sunday 22:30 EST.
    await sendDueMeetingReminders(t.store.db, delivery(), new Date("2026-12-07T03:30:00Z"));
    expect(messagesFor(phone)).toMatchObject([{ body: "Something you planned starts at 00:30" }]);
    push.answerNext(410);
    const report = await sendDueMeetingReminders(
      t.store.db,
      delivery(),
      new Date("2026-12-14T03:31:00Z"),
    );
    expect(report.forgotten).toBe(1);
    const left = await t.store.db
      .selectFrom("push_subscriptions")
      .select("id")
      .where("member_id", "=", member.id)
      .execute();
    expect(left).toHaveLength(0);
  });
});
