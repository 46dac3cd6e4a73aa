import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { seedCareDemo } from "../../../cli/demo/care";
import { seedMessagesDemo } from "../../../cli/demo/messages";
import { peopleFor } from "./test-support";

describe.each(DIALECTS)("the demo conversation on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("seeds Alex and Sam's conversation once, with Alex's messages unread on the caseload", async () => {
    const { person, threadUrl } = peopleFor(t);
    const alex = await person("Alex");
    const sam = await person("Sam Rivera", "clinician");
    const jordan = await person("Jordan", "supporter");
    const org = await t.store.db.selectFrom("organizations").select("id").executeTakeFirstOrThrow();
    const now = new Date();
    await seedCareDemo(t.store.db, org.id, alex.id, sam.id, jordan.id, now);
    await seedMessagesDemo(t.store.db, alex.id, sam.id, now);
    await seedMessagesDemo(t.store.db, alex.id, sam.id, now);
    const thread = (await alex.browser.get(threadUrl(alex, sam))).json();
    expect(thread.messages.map((m: { fromMe: boolean }) => m.fromMe)).toEqual([true, false, true]);
    const caseload = (await sam.browser.get("/api/care/caseload")).json();
    const line = caseload.members.find((m: { memberId: string }) => m.memberId === alex.id);
    expect(line.unreadMessages).toBe(2);
    // Jordan may message Alex too.
    expect((await jordan.browser.get(threadUrl(alex, jordan))).statusCode).toBe(200);
  });
});
