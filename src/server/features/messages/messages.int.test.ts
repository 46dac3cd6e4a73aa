import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { peopleFor } from "./test-support";

describe.each(DIALECTS)("messages between a member and their people on %s", (dialect) => {
  let t: TestApp;
  let people: ReturnType<typeof peopleFor>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    people = peopleFor(t);
  });
  afterAll(async () => t.close());

  it("lets a member and a clinician write to each other, with read receipts", async () => {
    const { person, share, threadUrl } = people;
    const alex = await person("Alex");
    const sam = await person("Sam Rivera", "clinician");
    await share(alex, sam, ["messages"]);
    const url = threadUrl(alex, sam);

    const listed = (await alex.browser.get("/api/messages")).json();
    expect(listed.threads).toEqual([
      {
        person: { id: sam.id, displayName: "Sam Rivera" },
        canSend: true,
        unread: 0,
        lastMessageAt: null,
      },
    ]);
    const first = await alex.browser.post(url, { body: "  Rough night. Can we talk tomorrow?  " });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      seq: 1,
      fromMe: true,
      read: false,
      body: "Rough night. Can we talk tomorrow?",
    });

    // The clinician sees one unread message on the caseload, then reads the thread.
    const caseload = (await sam.browser.get("/api/care/caseload")).json();
    expect(caseload.members[0]).toMatchObject({ memberId: alex.id, unreadMessages: 1 });
    const seen = (await sam.browser.get(url)).json();
    expect(seen).toMatchObject({ canSend: true, readThroughSeq: 0, earlier: false });
    expect(seen.messages).toEqual([
      expect.objectContaining({ seq: 1, fromMe: false, senderId: alex.id, read: false }),
    ]);
    expect((await sam.browser.post(`${url}/read`, { throughSeq: 1 })).statusCode).toBe(200);
    const after = (await sam.browser.get("/api/care/caseload")).json();
    expect(after.members[0].unreadMessages).toBe(0);

    // The member's copy shows the receipt; the reply is unread until they open it.
    const reply = await sam.browser.post(url, { body: "Yes. 10am works." });
    expect(reply.statusCode).toBe(201);
    const mine = (await alex.browser.get(url)).json();
    expect(
      mine.messages.map((m: { seq: number; fromMe: boolean; read: boolean }) => [
        m.seq,
        m.fromMe,
        m.read,
      ]),
    ).toEqual([
      [1, true, true],
      [2, false, false],
    ]);
    expect((await alex.browser.get("/api/messages")).json().threads[0]).toMatchObject({
      unread: 1,
    });
    await alex.browser.post(`${url}/read`, { throughSeq: 2 });
    expect((await alex.browser.get("/api/messages")).json().threads[0]).toMatchObject({
      unread: 0,
    });
    expect((await sam.browser.get(url)).json().messages[1]).toMatchObject({
      fromMe: true,
      read: true,
    });
  });

  it("lets a supporter with messages exchange too, and shows them no unread count elsewhere", async () => {
    const { person, share, threadUrl, messagesIn } = people;
    const alex = await person("Alex");
    const jo = await person("Jo", "supporter");
    await share(alex, jo, ["checkins", "messages"]);
    const url = threadUrl(alex, jo);
    expect((await jo.browser.post(url, { body: "Thinking of you today." })).statusCode).toBe(201);
    expect((await alex.browser.post(url, { body: "Thank you 💛" })).statusCode).toBe(201);
    expect((await messagesIn(alex, jo)).map((m) => [m.seq, m.sender_id])).toEqual([
      [1, jo.id],
      [2, alex.id],
    ]);
    const thread = (await jo.browser.get(url)).json();
    expect(thread.messages.map((m: { body: string }) => m.body)).toEqual([
      "Thinking of you today.",
      "Thank you 💛",
    ]);
  });

  it("refuses, and records, a grantee whose grant does not name messages", async () => {
    const { person, share, threadUrl, auditAbout, messagesIn } = people;
    const alex = await person("Alex");
    const sam = await person("Sam", "clinician");
    await share(alex, sam, ["checkins", "plan"]);
    const url = threadUrl(alex, sam);
    const before = (await auditAbout(alex.id)).length;
    expect((await sam.browser.get(url)).statusCode).toBe(403);
    expect((await sam.browser.post(url, { body: "Hello" })).statusCode).toBe(403);
    // Refused before the body is read: the same 403 whatever was sent.
    expect((await sam.browser.post(url, { nonsense: true })).statusCode).toBe(403);
    expect((await sam.browser.post(`${url}/read`, { throughSeq: 1 })).statusCode).toBe(403);
    const events = (await auditAbout(alex.id)).slice(before);
    expect(events.map((e) => [e.actor_id, e.action, e.outcome])).toEqual([
      [sam.id, "read:messages", "denied"],
      [sam.id, "write:messages", "denied"],
      [sam.id, "write:messages", "denied"],
      [sam.id, "read:messages", "denied"],
    ]);
    // The member cannot write to someone who could not read it, either.
    const refused = await alex.browser.post(url, { body: "Hello?" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("not_shared");
    expect(await messagesIn(alex, sam)).toEqual([]);
    // And the caseload shows no count under a grant that does not name messages.
    const caseload = (await sam.browser.get("/api/care/caseload")).json();
    expect(caseload.members[0]).toMatchObject({ memberId: alex.id, unreadMessages: null });
  });

  it("ends the other side's access on the next request after revoking; the member keeps the thread", async () => {
    const { person, share, threadUrl } = people;
    const alex = await person("Alex");
    const sam = await person("Sam", "clinician");
    const consent = await share(alex, sam, ["messages"]);
    const url = threadUrl(alex, sam);
    await alex.browser.post(url, { body: "See you Tuesday." });
    expect((await sam.browser.get(url)).statusCode).toBe(200);
    await alex.browser.post(`/api/consents/${consent}/revoke`);

    expect((await sam.browser.get(url)).statusCode).toBe(403);
    expect((await sam.browser.post(url, { body: "Are you there?" })).statusCode).toBe(403);
    const kept = await alex.browser.get(url);
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ canSend: false });
    expect(kept.json().messages.map((m: { body: string }) => m.body)).toEqual(["See you Tuesday."]);
    expect((await alex.browser.get("/api/messages")).json().threads).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ id: sam.id }), canSend: false }),
    ]);
    expect((await alex.browser.post(url, { body: "One more thing" })).statusCode).toBe(403);
  });

  it("never lets another member, or another grantee of the same member, into the thread", async () => {
    const { person, share, threadUrl, auditAbout, messagesIn } = people;
    const alex = await person("Alex");
    const sam = await person("Sam", "clinician");
    const jo = await person("Jo", "supporter");
    const blake = await person("Blake");
    await share(alex, sam, ["messages"]);
    await share(alex, jo, ["messages"]);
    // Blake shares with Sam too: Sam's grant from Blake opens nothing of Alex's.
    await share(blake, sam, ["messages"]);
    const url = threadUrl(alex, sam);
    await alex.browser.post(url, { body: "Private words" });
    const before = (await auditAbout(alex.id)).length;
    for (const intruder of [blake, jo]) {
      const read = await intruder.browser.get(url);
      expect(read.statusCode).toBe(403);
      expect(read.body).not.toContain("Private words");
      expect((await intruder.browser.post(url, { body: "Hi" })).statusCode).toBe(403);
      expect((await intruder.browser.post(`${url}/read`, { throughSeq: 1 })).statusCode).toBe(403);
    }
    // Blake naming himself as the person of Alex's thread gets nowhere either.
    const own = threadUrl(alex, blake);
    expect((await blake.browser.get(own)).statusCode).toBe(403);
    expect((await blake.browser.post(own, { body: "Hi" })).statusCode).toBe(403);
    const events = (await auditAbout(alex.id)).slice(before);
    expect(events.every((e) => e.outcome === "denied")).toBe(true);
    expect(events).toHaveLength(8);
    expect((await messagesIn(alex, sam)).map((m) => m.body)).toEqual(["Private words"]);
    expect(await messagesIn(alex, blake)).toEqual([]);
    // Blake's own list holds only his own threads.
    expect((await blake.browser.get("/api/messages")).json().threads).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ id: sam.id }), unread: 0 }),
    ]);
  });

  it("writes one audit event for each read by someone else, none for the member's own", async () => {
    const { person, share, threadUrl, auditAbout } = people;
    const alex = await person("Alex");
    const sam = await person("Sam", "clinician");
    await share(alex, sam, ["messages"]);
    const url = threadUrl(alex, sam);
    const mark = (await auditAbout(alex.id)).length;
    await alex.browser.get(url);
    await alex.browser.get("/api/messages");
    expect((await auditAbout(alex.id)).length).toBe(mark);
    await sam.browser.get(url);
    await sam.browser.get(url);
    const events = (await auditAbout(alex.id)).slice(mark);
    expect(events.map((e) => [e.actor_id, e.action, e.resource, e.outcome, e.purpose])).toEqual([
      [sam.id, "read:messages", "messages", "allowed", "Treatment and support"],
      [sam.id, "read:messages", "messages", "allowed", "Treatment and support"],
    ]);
    // A message the clinician sends is one write event, in the member's log too.
    await sam.browser.post(url, { body: "Checking in." });
    const write = (await auditAbout(alex.id)).slice(mark + 2);
    expect(write.map((e) => [e.action, e.resource, e.outcome])).toEqual([
      ["write:messages", "message", "allowed"],
    ]);
    const log = (await alex.browser.get("/api/access-log")).json();
    expect(log.events[0].description).toEqual({
      key: "care.access.write",
      params: { actor: "Sam", what: "messages" },
    });
  });
});
