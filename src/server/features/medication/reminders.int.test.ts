import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../test/support/people";
import { startTestPushService, type TestPushService } from "../../../../test/support/push-service";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { instantAt, localDayAt } from "../../../domain/dose-schedule";
import { VAPID_FILE } from "../../push/vapid";
import type { Actor } from "../../security/session";
import { sendDueReminders } from "./reminder-delivery";
import { subscribePush } from "./reminder-service";

const ZONE = "America/New_York";

describe.each(DIALECTS)("reminders and Web Push on %s", (dialect) => {
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
    const member = await signUp(t, "Someone", "member", { timeZone: ZONE });
    return { ...member, base: `/api/members/${member.id}` };
  }

  const actorFor = (id: string): Actor => ({
    userId: id,
    sessionId: "test",
    email: "",
    timeZone: "UTC",
    locale: "en",
    createdAt: new Date(0).toISOString(),
    memberships: [],
    secondFactor: "in-process",
  });

  /** Subscribes a device on the loopback push service, as the tests' option allows. */
  async function subscribeLoopback(memberId: string) {
    const subscription = push.subscription();
    await subscribePush(
      t.store.db,
      actorFor(memberId),
      memberId,
      { endpoint: subscription.endpoint, keys: subscription.keys },
      (work) => t.store.db.transaction().execute(work),
      { allowLoopback: true },
    );
    return subscription;
  }

  const messagesFor = (device: { endpoint: string }) =>
    push.received.filter((message) => message.path === new URL(device.endpoint).pathname);

  const delivery = () => ({ dataDir: t.config.dataDir, allowLoopback: true, timeoutMs: 5000 });

  it("sets, lists, changes and deletes reminders", async () => {
    const member = await person();
    const id = randomUUID();
    const created = await member.browser.put(`${member.base}/reminders/${id}`, {
      kind: "checkin",
      localTime: "20:00",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id,
      kind: "checkin",
      localTime: "20:00",
      days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
      enabled: true,
    });
    const changed = await member.browser.put(`${member.base}/reminders/${id}`, {
      kind: "checkin",
      localTime: "21:15",
      days: ["sat", "sun"],
      enabled: false,
    });
    expect(changed.statusCode).toBe(200);
    const listed = (await member.browser.get(`${member.base}/reminders`)).json();
    expect(listed).toMatchObject({
      reminders: [{ id, localTime: "21:15", days: ["sat", "sun"], enabled: false }],
      notificationDetails: false,
      pushDevices: 0,
    });
    expect((await member.browser.delete(`${member.base}/reminders/${id}`)).json()).toEqual({
      ok: true,
    });
    expect((await member.browser.delete(`${member.base}/reminders/${id}`)).statusCode).toBe(404);
  });

  it("refuses reminders and subscriptions it cannot use, naming the field, and writes nothing", async () => {
    const member = await person();
    const id = randomUUID();
    for (const [body, field] of [
      [{ kind: "dose", localTime: "8am" }, "localTime"],
      [{ kind: "nap", localTime: "08:00" }, "kind"],
      [{ kind: "dose", localTime: "08:00", days: [] }, "days"],
      [{ kind: "dose", localTime: "08:00", days: ["funday"] }, "days.0"],
    ] as const) {
      const response = await member.browser.put(`${member.base}/reminders/${id}`, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    const good = push.subscription();
    for (const [body, field] of [
      [{ ...good, endpoint: good.endpoint }, "endpoint"], // http on loopback: refused over HTTP
      [{ ...good, endpoint: "https://127.0.0.1/push" }, "endpoint"],
      [{ ...good, endpoint: "https://192.168.1.10/push" }, "endpoint"],
      [{ ...good, endpoint: "not a url" }, "endpoint"],
      [
        { endpoint: "https://push.example.net/x", keys: { ...good.keys, p256dh: "AAAA" } },
        "keys.p256dh",
      ],
      [
        { endpoint: "https://push.example.net/x", keys: { ...good.keys, auth: "c2hvcnQ" } },
        "keys.auth",
      ],
    ] as const) {
      const response = await member.browser.post(`${member.base}/push-subscriptions`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    const rows = await t.store.db
      .selectFrom("reminders")
      .select("id")
      .where("member_id", "=", member.id)
      .execute();
    const devices = await t.store.db
      .selectFrom("push_subscriptions")
      .select("id")
      .where("member_id", "=", member.id)
      .execute();
    expect([rows.length, devices.length]).toEqual([0, 0]);
  });

  it("stores a browser's push subscription once, and lets the device unsubscribe", async () => {
    const member = await person();
    const device = push.subscription();
    const body = {
      endpoint: device.endpoint.replace(/^http:\/\/127\.0\.0\.1:\d+/, "https://push.example.net"),
      expirationTime: null,
      keys: device.keys,
    };
    const key = { "idempotency-key": randomUUID() };
    const first = await member.browser.post(`${member.base}/push-subscriptions`, body, key);
    expect(first.statusCode).toBe(201);
    const again = await member.browser.post(`${member.base}/push-subscriptions`, body, key);
    expect(again.json()).toEqual(first.json());
    // Subscribing again without a key replaces the row for that endpoint.
    await member.browser.post(`${member.base}/push-subscriptions`, body);
    expect((await member.browser.get(`${member.base}/reminders`)).json().pushDevices).toBe(1);
    const key2 = await member.browser.post(`${member.base}/push-subscriptions/unsubscribe`, {
      endpoint: body.endpoint,
    });
    expect(key2.json()).toEqual({ ok: true });
    expect((await member.browser.get(`${member.base}/reminders`)).json().pushDevices).toBe(0);

    const publicKey = (await member.browser.get("/api/push/public-key")).json().publicKey as string;
    expect(Buffer.from(publicKey, "base64url")).toHaveLength(65);
    const stat = fs.statSync(path.join(t.config.dataDir, VAPID_FILE));
    expect(stat.mode & 0o777).toBe(0o600);
    // The same key pair on every later use.
    expect((await member.browser.get("/api/push/public-key")).json().publicKey).toBe(publicKey);
  });

  it("sends a due reminder as an encrypted Web Push message with discreet text", async () => {
    const member = await person();
    const device = await subscribeLoopback(member.id);
    const now = new Date();
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: ZONE,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(now);
    const id = randomUUID();
    await member.browser.put(`${member.base}/reminders/${id}`, {
      kind: "checkin",
      localTime: local,
    });
    // Set just now for this very minute: it already counts as sent for it.
    const occurrence = instantAt(localDayAt(now, ZONE), local, ZONE);
    await t.store.db
      .updateTable("reminders")
      .set({ last_sent_for: new Date(occurrence.getTime() - 86_400_000).toISOString() })
      .where("member_id", "=", member.id)
      .execute();
    // Two passes at once (two server processes): one message.
    const reports = await Promise.all([
      sendDueReminders(t.store.db, delivery(), now),
      sendDueReminders(t.store.db, delivery(), now),
    ]);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBeGreaterThanOrEqual(1);
    expect(messagesFor(device)).toHaveLength(1);
    const message = messagesFor(device)[0];
    if (!message) throw new Error("the push service received nothing");
    expect(message.headers["content-encoding"]).toBe("aes128gcm");
    expect(message.vapid).toMatchObject({ valid: true, audience: push.origin });
    expect(message.vapid.publicKey).toBe(
      (await member.browser.get("/api/push/public-key")).json().publicKey,
    );
    const payload = JSON.parse(device.decrypt(message.body));
    expect(payload).toMatchObject({ title: "Reminder", body: "Time for your check-in" });
    // The same occurrence is never sent twice.
    const second = await sendDueReminders(t.store.db, delivery(), new Date(now.getTime() + 60_000));
    expect(second.sent).toBe(0);
    expect(messagesFor(device)).toHaveLength(1);
  });

  it("names the medication only for a member who opted in, and forgets a device that is gone", async () => {
    const member = await person();
    await member.browser.put(`${member.base}/regimen`, {
      medication: "buprenorphine_naloxone",
      doseAmount: 16,
      schedule: { kind: "daily", times: ["09:00"] },
    });
    const device = await subscribeLoopback(member.id);
    // Two days ahead and at another minute than other tests' reminders.
    const dueAt = new Date(Date.now() + 86_400_000 * 2 + 37 * 60_000);
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: ZONE,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(dueAt);
    await member.browser.put(`${member.base}/reminders/${randomUUID()}`, {
      kind: "dose",
      localTime: local,
    });

    await sendDueReminders(t.store.db, delivery(), dueAt);
    expect(messagesFor(device)).toHaveLength(1);
    const discreet = JSON.parse(device.decrypt((messagesFor(device)[0] as { body: Buffer }).body));
    expect(discreet.body).toBe("A reminder you set is due");
    expect(JSON.stringify(discreet)).not.toMatch(/bupren|naloxone|dose/i);

    const opted = await member.browser.put(`${member.base}/notification-preferences`, {
      details: true,
    });
    expect(opted.json()).toEqual({ details: true });
    const nextDay = new Date(dueAt.getTime() + 86_400_000);
    await sendDueReminders(t.store.db, delivery(), nextDay);
    const detailed = JSON.parse(device.decrypt((messagesFor(device)[1] as { body: Buffer }).body));
    expect(detailed.body).toBe("Time for your buprenorphine/naloxone dose");

    push.answerNext(410);
    const report = await sendDueReminders(
      t.store.db,
      delivery(),
      new Date(nextDay.getTime() + 86_400_000),
    );
    expect(report.forgotten).toBe(1);
    expect((await member.browser.get(`${member.base}/reminders`)).json().pushDevices).toBe(0);
  });

  it("reminds of an appointment on its day, with its details for a member who opted in", async () => {
    const member = await person();
    const device = await subscribeLoopback(member.id);
    await member.browser.put(`${member.base}/notification-preferences`, { details: true });
    // Three days ahead, at a minute no other test uses.
    const remindAt = new Date(Date.now() + 3 * 86_400_000 + 53 * 60_000);
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: ZONE,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(remindAt);
    await member.browser.put(`${member.base}/reminders/${randomUUID()}`, {
      kind: "appointment",
      localTime: local,
    });
    // Nothing on the calendar that day yet: no reminder.
    await sendDueReminders(t.store.db, delivery(), remindAt);
    expect(messagesFor(device)).toHaveLength(0);

    const startsAt = new Date(remindAt.getTime() + 60_000);
    startsAt.setUTCSeconds(0, 0);
    await member.browser.post(`${member.base}/appointments`, {
      kind: "counseling",
      startsAt: startsAt.toISOString(),
      place: "Riverside, room 2",
    });
    // The same occurrence was not claimed (nothing was due), so it goes out now.
    await sendDueReminders(t.store.db, delivery(), new Date(remindAt.getTime() + 20_000));
    expect(messagesFor(device)).toHaveLength(1);
    const message = JSON.parse(device.decrypt((messagesFor(device)[0] as { body: Buffer }).body));
    const at = new Intl.DateTimeFormat("en-GB", {
      timeZone: ZONE,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(startsAt);
    expect(message.body).toBe(`Counseling at ${at} · Riverside, room 2`);
  });

  it("keeps reminders and devices to the member themself", async () => {
    const member = await person();
    const id = randomUUID();
    await member.browser.put(`${member.base}/reminders/${id}`, {
      kind: "checkin",
      localTime: "20:00",
    });
    const other = await person();
    expect((await other.browser.get(`${member.base}/reminders`)).statusCode).toBe(403);
    expect(
      (
        await other.browser.put(`${member.base}/reminders/${id}`, {
          kind: "dose",
          localTime: "07:00",
        })
      ).statusCode,
    ).toBe(403);
    expect((await other.browser.delete(`${member.base}/reminders/${id}`)).statusCode).toBe(403);
    expect((await other.browser.delete(`${other.base}/reminders/${id}`)).statusCode).toBe(404);
    expect(
      (await other.browser.put(`${member.base}/notification-preferences`, { details: true }))
        .statusCode,
    ).toBe(403);
    const device = push.subscription();
    expect(
      (
        await other.browser.post(`${member.base}/push-subscriptions`, {
          endpoint: "https://push.example.net/abc",
          keys: device.keys,
        })
      ).statusCode,
    ).toBe(403);
    const mine = (await member.browser.get(`${member.base}/reminders`)).json();
    expect(mine).toMatchObject({
      reminders: [{ id, kind: "checkin", localTime: "20:00" }],
      notificationDetails: false,
      pushDevices: 0,
    });
  });
});
