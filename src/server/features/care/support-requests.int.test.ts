import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { share, signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { writeOnceIn } from "../../http/idempotency";
import { actorFor } from "../../security/session";
import { askForSupport } from "./support-request-service";

describe.each(DIALECTS)("asking for support on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const stored = (memberId: string) =>
    t.store.db
      .selectFrom("support_requests")
      .selectAll()
      .where("member_id", "=", memberId)
      .execute();
  const auditAbout = (memberId: string) =>
    t.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("member_id", "=", memberId)
      .orderBy("seq")
      .execute();
  const asksUrl = (memberId: string) => `/api/members/${memberId}/support-requests`;
  const viewUrl = (memberId: string) => `/api/members/${memberId}/supporter-view`;

  it("shows the ask to whoever sees check-ins, audited once per read, and nothing else", async () => {
    const member = await signUp(t, "Alex");
    const jordan = await signUp(t, "Jordan", "supporter");
    const lapsesOnly = await signUp(t, "Riley", "supporter");
    await share(member, jordan, ["checkins"]);
    await share(member, lapsesOnly, ["use"]);

    const before = (await jordan.browser.get(viewUrl(member.id))).json();
    expect(before.askedForSupport).toBeNull();

    const asked = await member.browser.post(asksUrl(member.id), {});
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      collapsed: false,
    });

    const auditBefore = (await auditAbout(member.id)).length;
    const view = await jordan.browser.get(viewUrl(member.id));
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      checkedInToday: false,
      lapseRecorded: null,
      askedForSupport: { at: asked.json().at },
    });
    expect(Object.keys(view.json().askedForSupport)).toEqual(["at"]);
    const events = (await auditAbout(member.id)).slice(auditBefore);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_id: jordan.id,
      action: "read:supporter-view",
      resource: "supporter view: checkins",
      outcome: "allowed",
    });

    // Sharing lapses alone does not show the ask: it is a check-ins signal.
    const other = (await lapsesOnly.browser.get(viewUrl(member.id))).json();
    expect(other).toMatchObject({
      checkedInToday: null,
      lapseRecorded: false,
      askedForSupport: null,
    });
  });

  it("refuses the view to anyone without a live grant, and lets only the member ask", async () => {
    const member = await signUp(t, "Alex");
    const revoked = await signUp(t, "Kim", "supporter");
    const consentId = await share(member, revoked, ["checkins", "use"]);
    expect((await revoked.browser.get(viewUrl(member.id))).statusCode).toBe(200);
    await member.browser.post(`/api/consents/${consentId}/revoke`);
    const asked = await member.browser.post(asksUrl(member.id), {});
    expect(asked.statusCode).toBe(201);
    const requestId = asked.json().id as string;

    const outsiders = [
      revoked,
      await signUp(t, "No grant", "supporter"),
      await signUp(t, "Another member"),
      await signUp(t, "Clinician", "clinician"),
    ];
    // A grant that names other categories only does not open the supporter view either.
    const planOnly = await signUp(t, "Plan only", "clinician");
    await share(member, planOnly, ["plan", "profile"]);
    outsiders.push(planOnly);
    for (const outsider of outsiders) {
      const before = (await auditAbout(member.id)).length;
      const view = await outsider.browser.get(viewUrl(member.id));
      expect(view.statusCode).toBe(403);
      expect(Object.keys(view.json())).toEqual(["error"]);
      expect(view.body).not.toContain(asked.json().at);
      const events = (await auditAbout(member.id)).slice(before);
      expect(events).toEqual([
        expect.objectContaining({ actor_id: outsider.id, outcome: "denied" }),
      ]);

      const ask = await outsider.browser.post(asksUrl(member.id), {});
      expect(ask.statusCode).toBe(403);
      const withdraw = await outsider.browser.delete(`${asksUrl(member.id)}/${requestId}`);
      expect(withdraw.statusCode).toBe(403);
    }
    expect(await stored(member.id)).toHaveLength(1);
  });

  it("stores one ask when two devices ask at the same instant", async () => {
    const member = await signUp(t, "Alex");
    const asks = await Promise.all(
      [1, 2, 3].map((n) =>
        member.browser.post(
          asksUrl(member.id),
          {},
          { "idempotency-key": `device-${n}-${member.id}` },
        ),
      ),
    );
    expect(asks.map((ask) => ask.statusCode).sort()).toEqual([200, 200, 201]);
    expect(await stored(member.id)).toHaveLength(1);
  });

  it("answers a retry with the same ask, and folds a second ask within 30 minutes into it", async () => {
    const member = await signUp(t, "Alex");
    const key = { "idempotency-key": randomUUID() };
    const first = await member.browser.post(asksUrl(member.id), {}, key);
    const retry = await member.browser.post(asksUrl(member.id), {}, key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());

    const again = await member.browser.post(asksUrl(member.id), {});
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), collapsed: true });
    expect(await stored(member.id)).toHaveLength(1);

    // Half an hour on, a new ask is a new request.
    await t.store.db
      .updateTable("support_requests")
      .set({ created_at: new Date(Date.now() - 31 * 60_000).toISOString() })
      .where("member_id", "=", member.id)
      .execute();
    const later = await member.browser.post(asksUrl(member.id), {});
    expect(later.statusCode).toBe(201);
    expect(later.json().id).not.toBe(first.json().id);
    expect(await stored(member.id)).toHaveLength(2);
  });

  it("tells the caller about a new ask only, never a folded one", async () => {
    const member = await signUp(t, "Alex");
    const actor = await actorFor(t.store.db, member.id, "test");
    const once = writeOnceIn(t.store.db);
    const created: string[] = [];
    const first = await askForSupport(t.store.db, actor, member.id, once, new Date(), (ask) =>
      created.push(ask.id),
    );
    const second = await askForSupport(t.store.db, actor, member.id, once, new Date(), (ask) =>
      created.push(ask.id),
    );
    expect(created).toEqual([first.body.id]);
    expect(second.body).toMatchObject({ id: first.body.id, collapsed: true });
  });

  it("takes an ask back, and shows no ask older than a day", async () => {
    const member = await signUp(t, "Alex");
    const jordan = await signUp(t, "Jordan", "supporter");
    await share(member, jordan, ["checkins"]);
    const asked = (await member.browser.post(asksUrl(member.id), {})).json();
    expect((await jordan.browser.get(viewUrl(member.id))).json().askedForSupport).not.toBeNull();
    // Back on another screen later, the member finds the ask still showing, to take it back.
    const openUrl = `${asksUrl(member.id)}/open`;
    expect((await member.browser.get(openUrl)).json()).toEqual({
      request: { id: asked.id, at: asked.at, collapsed: true },
    });
    const stranger = await signUp(t, "Sam", "clinician");
    expect((await stranger.browser.get(openUrl)).statusCode).toBe(403);

    const key = { "idempotency-key": randomUUID() };
    const withdrawn = await member.browser.delete(`${asksUrl(member.id)}/${asked.id}`, key);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toEqual({ ok: true });
    const retried = await member.browser.delete(`${asksUrl(member.id)}/${asked.id}`, key);
    expect(retried.statusCode).toBe(200);
    expect(await stored(member.id)).toEqual([]);
    expect((await jordan.browser.get(viewUrl(member.id))).json().askedForSupport).toBeNull();
    const gone = await member.browser.delete(`${asksUrl(member.id)}/${asked.id}`);
    expect(gone.statusCode).toBe(404);

    await member.browser.post(asksUrl(member.id), {});
    await t.store.db
      .updateTable("support_requests")
      .set({ created_at: new Date(Date.now() - 25 * 3_600_000).toISOString() })
      .where("member_id", "=", member.id)
      .execute();
    expect((await jordan.browser.get(viewUrl(member.id))).json().askedForSupport).toBeNull();
    expect((await member.browser.get(openUrl)).json()).toEqual({ request: null });
  });

  it("refuses words, reasons and malformed requests, writing nothing", async () => {
    const member = await signUp(t, "Alex");
    for (const body of [{ note: "I had a rough night" }, { reason: "lapse" }, []]) {
      const response = await member.browser.post(asksUrl(member.id), body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json())).toEqual(["error"]);
    }
    const notJson = await member.browser.request({
      method: "POST",
      url: asksUrl(member.id),
      headers: { "content-type": "text/plain" },
      payload: "help",
    });
    expect(notJson.statusCode).toBe(415);
    const badKey = await member.browser.post(asksUrl(member.id), {}, { "idempotency-key": "" });
    expect(badKey.statusCode).toBe(400);
    const longId = await member.browser.delete(`${asksUrl(member.id)}/${"x".repeat(65)}`);
    expect(longId.statusCode).toBe(400);
    expect(await stored(member.id)).toEqual([]);
  });
});
