import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receivedOn, registerTestDevice } from "../../../../test/support/push-devices";
import { startTestPushService, type TestPushService } from "../../../../test/support/push-service";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { MESSAGE_MAX_LENGTH, MESSAGE_RATE_LIMIT } from "../../../domain/messages";
import { notifyRecipient } from "./notify";
import { peopleFor } from "./test-support";

describe.each(DIALECTS)("message limits, retries and notices on %s", (dialect) => {
  let t: TestApp;
  let push: TestPushService;
  let people: ReturnType<typeof peopleFor>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    push = await startTestPushService();
    people = peopleFor(t);
  });
  afterAll(async () => {
    await push.close();
    await t.close();
  });

  it("refuses an empty or too long message with a 400 naming the field, writing nothing", async () => {
    const { person, share, threadUrl, messagesIn } = people;
    const alex = await person("Alex");
    const sam = await person("Sam", "clinician");
    await share(alex, sam, ["messages"]);
    const url = threadUrl(alex, sam);
    for (const body of ["", "   ", "x".repeat(MESSAGE_MAX_LENGTH + 1)]) {
      for (const sender of [alex, sam]) {
        const response = await sender.browser.post(url, { body });
        expect(response.statusCode).toBe(400);
        expect(response.json().error).toMatchObject({ code: "validation_error", field: "body" });
      }
    }
    expect((await alex.browser.post(url, { body: "hi", extra: 1 })).statusCode).toBe(400);
    expect(await messagesIn(alex, sam)).toEqual([]);
    expect(
      await t.store.db
        .selectFrom("message_threads")
        .selectAll()
        .where("member_id", "=", alex.id)
        .execute(),
    ).toEqual([]);
    expect(
      (await alex.browser.post(url, { body: "x".repeat(MESSAGE_MAX_LENGTH) })).statusCode,
    ).toBe(201);
  });

  it("limits how many messages one person sends, across threads, with Retry-After", async () => {
    const { person, share, threadUrl, messagesIn } = people;
    const alex = await person("Alex");
    const sam = await person("Sam", "clinician");
    const jo = await person("Jo", "supporter");
    await share(alex, sam, ["messages"]);
    await share(alex, jo, ["messages"]);
    for (let index = 0; index < MESSAGE_RATE_LIMIT.max; index += 1) {
      const to = index % 2 === 0 ? sam : jo;
      const sent = await alex.browser.post(threadUrl(alex, to), { body: `message ${index}` });
      expect(sent.statusCode).toBe(201);
    }
    const refused = await alex.browser.post(threadUrl(alex, sam), { body: "one too many" });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("too_many_messages");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    const stored = [...(await messagesIn(alex, sam)), ...(await messagesIn(alex, jo))];
    expect(stored).toHaveLength(MESSAGE_RATE_LIMIT.max);
    expect(stored.map((m) => m.body)).not.toContain("one too many");
    // The limit is the sender's own: Sam can still answer.
    expect((await sam.browser.post(threadUrl(alex, sam), { body: "I'm here." })).statusCode).toBe(
      201,
    );
  });

  it("lands a retried send once under the same Idempotency-Key", async () => {
    const { person, share, threadUrl, messagesIn, auditAbout } = people;
    const alex = await person("Alex");
    const sam = await person("Sam", "clinician");
    await share(alex, sam, ["messages"]);
    const url = threadUrl(alex, sam);
    const key = { "idempotency-key": randomUUID() };
    const first = await sam.browser.post(url, { body: "Call me when you can." }, key);
    const before = (await auditAbout(alex.id)).length;
    const again = await sam.browser.post(url, { body: "Call me when you can." }, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await messagesIn(alex, sam)).toHaveLength(1);
    expect((await auditAbout(alex.id)).length).toBe(before);
    const reused = await sam.browser.post(url, { body: "Something else" }, key);
    expect(reused.statusCode).toBe(422);
  });

  it("tells the other side with a discreet push, only while they may read it", async () => {
    const { person, share } = people;
    const alex = await person("Alex");
    const sam = await person("Sam Rivera", "clinician");
    const consent = await share(alex, sam, ["messages"]);
    await t.store.db.updateTable("users").set({ locale: "es" }).where("id", "=", alex.id).execute();
    const alexPhone = await registerTestDevice(t.store.db, push, alex.id);
    const samPhone = await registerTestDevice(t.store.db, push, sam.id);
    const received = (phone: typeof samPhone) => receivedOn(push, phone);
    // The notice is called directly (the route's own, on a send, would refuse a loopback
    // push service and forget these test devices); it carries no words of any message.
    const options = { dataDir: t.config.dataDir, allowLoopback: true, timeoutMs: 5000 };

    const toSam = await notifyRecipient(
      t.store.db,
      { memberId: alex.id, personId: sam.id, senderId: alex.id },
      options,
    );
    expect(toSam).toEqual({ sent: 1, failed: 0, forgotten: 0 });
    expect(received(samPhone)).toEqual([
      {
        title: "New message in Waymark",
        body: "Open Waymark to read it.",
        tag: "message",
        url: `/caseload/${alex.id}/messages`,
      },
    ]);
    // The member chose detailed notices: the sender's name, still never the words.
    await t.store.db
      .insertInto("notification_preferences")
      .values({ member_id: alex.id, details: 1, updated_at: new Date().toISOString() })
      .execute();
    await notifyRecipient(
      t.store.db,
      { memberId: alex.id, personId: sam.id, senderId: sam.id },
      options,
    );
    expect(received(alexPhone)).toEqual([
      {
        title: "Nuevo mensaje en Waymark",
        body: "De Sam Rivera",
        tag: "message",
        url: `/messages/${sam.id}`,
      },
    ]);

    await alex.browser.post(`/api/consents/${consent}/revoke`);
    const afterRevoke = await notifyRecipient(
      t.store.db,
      { memberId: alex.id, personId: sam.id, senderId: alex.id },
      options,
    );
    expect(afterRevoke).toEqual({ sent: 0, failed: 0, forgotten: 0 });
    expect(received(samPhone)).toHaveLength(1);
  });
});
