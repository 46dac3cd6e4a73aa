import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { browserFor } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { receivedOn, registerTestDevice } from "../../../../test/support/push-devices";
import {
  startTestPushService,
  type TestPushService,
  type TestSubscription,
} from "../../../../test/support/push-service";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { notifySupportersOfAsk } from "./support-request-notify";

describe.each(DIALECTS)("telling supporters about an ask on %s", (dialect) => {
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

  async function person(displayName: string, locale = "en") {
    const member = await signUp(t, displayName);
    await t.store.db.updateTable("users").set({ locale }).where("id", "=", member.id).execute();
    return member;
  }
  const device = (userId: string) => registerTestDevice(t.store.db, push, userId);
  const received = (subscription: TestSubscription) => receivedOn(push, subscription);
  const options = () => ({ dataDir: t.config.dataDir, allowLoopback: true, timeoutMs: 5000 });
  async function share(
    member: { browser: ReturnType<typeof browserFor> },
    email: string,
    categories: string[],
  ) {
    const response = await member.browser.post("/api/consents", {
      recipientEmail: email,
      purpose: "So they can reach out",
      categories,
      expiresAt: null,
      expiryEvent: "When I say so",
      signature: { typedName: "Alex" },
      revocationAcknowledged: true,
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  }

  it("tells each person who sees check-ins, discreetly, in their language, audited", async () => {
    const alex = await person("Alex Morgan");
    const jordan = await person("Jordan");
    const lucia = await person("Lucía", "es");
    const lapsesOnly = await person("Riley");
    const revoked = await person("Kim");
    const jordanPhone = await device(jordan.id);
    const luciaPhone = await device(lucia.id);
    const rileyPhone = await device(lapsesOnly.id);
    const kimPhone = await device(revoked.id);
    await share(alex, jordan.email, ["checkins", "use"]);
    await share(alex, lucia.email, ["checkins"]);
    await share(alex, lapsesOnly.email, ["use"]);
    const kimConsent = await share(alex, revoked.email, ["checkins"]);
    await alex.browser.post(`/api/consents/${kimConsent}/revoke`);

    const ask = (await alex.browser.post(`/api/members/${alex.id}/support-requests`, {})).json();
    const before = await t.store.db
      .selectFrom("audit_events")
      .select("seq")
      .where("member_id", "=", alex.id)
      .execute();
    const report = await notifySupportersOfAsk(t.store.db, alex.id, ask.id, options());
    expect(report).toEqual({ notified: 2, sent: 2, failed: 0, forgotten: 0 });
    expect(received(jordanPhone)).toEqual([
      {
        title: "Reach out",
        body: "Someone you support asked you to reach out.",
        tag: "support-request",
        url: "/supporting",
      },
    ]);
    expect(received(luciaPhone)).toEqual([
      expect.objectContaining({ body: "Alguien a quien apoyas te pidió que te comuniques." }),
    ]);
    expect(received(rileyPhone)).toEqual([]);
    expect(received(kimPhone)).toEqual([]);

    const events = await t.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("member_id", "=", alex.id)
      .where("seq", ">", Math.max(0, ...before.map((e) => e.seq)))
      .orderBy("seq")
      .execute();
    expect(events.map((e) => [e.actor_id, e.action, e.outcome]).sort()).toEqual(
      [
        [jordan.id, "read:checkins", "allowed"],
        [lucia.id, "read:checkins", "allowed"],
      ].sort(),
    );
  });

  it("lands the notice on the message thread when the member shares messages too", async () => {
    const alex = await person("Alex");
    const jordan = await person("Jordan");
    const phone = await device(jordan.id);
    await share(alex, jordan.email, ["checkins", "messages"]);
    const ask = (await alex.browser.post(`/api/members/${alex.id}/support-requests`, {})).json();
    await notifySupportersOfAsk(t.store.db, alex.id, ask.id, options());
    expect(received(phone)).toEqual([
      expect.objectContaining({ url: `/supporting/${alex.id}/messages` }),
    ]);
  });

  it("tells nobody when the ask was taken back first", async () => {
    const alex = await person("Alex");
    const jordan = await person("Jordan");
    const phone = await device(jordan.id);
    await share(alex, jordan.email, ["checkins"]);
    const ask = (await alex.browser.post(`/api/members/${alex.id}/support-requests`, {})).json();
    await alex.browser.delete(`/api/members/${alex.id}/support-requests/${ask.id}`);
    const report = await notifySupportersOfAsk(t.store.db, alex.id, ask.id, options());
    expect(report).toEqual({ notified: 0, sent: 0, failed: 0, forgotten: 0 });
    expect(received(phone)).toEqual([]);
  });
});
