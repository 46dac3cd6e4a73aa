import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { REDISCLOSURE_NOTICE } from "../../../domain/consent";
import { localDayOf } from "../../../domain/local-day";
import type { Role } from "../../../domain/roles";
import { writeHistory } from "./care-history";

describe.each(DIALECTS)("visit notes and the supporter view on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function person(displayName = "Someone", role: Role = "member") {
    return signUp(t, displayName, role);
  }
  const share = (email: string, categories: string[]) => ({
    recipientEmail: email,
    purpose: "Treatment",
    categories,
    expiresAt: null,
    expiryEvent: "When I finish treatment",
    signature: { typedName: "Member" },
    revocationAcknowledged: true,
  });

  it("lets a clinician with a notes grant add a visit note the member sees", async () => {
    const member = await person();
    const clinician = await person("Sam", "clinician");
    const url = `/api/members/${member.id}/clinical-notes`;
    const refused = await clinician.browser.post(url, { body: "Talked about sleep." });
    expect(refused.statusCode).toBe(403);
    expect(
      await t.store.db
        .selectFrom("clinical_notes")
        .selectAll()
        .where("member_id", "=", member.id)
        .execute(),
    ).toEqual([]);

    // A supporter who may read the notes may not write them: notes are the clinician's record.
    const supporter = await person("Jo", "supporter");
    await member.browser.post("/api/consents", share(supporter.email, ["notes"]));
    expect((await supporter.browser.post(url, { body: "Hi" })).statusCode).toBe(403);
    expect((await supporter.browser.get(url)).statusCode).toBe(200);

    await member.browser.post("/api/consents", share(clinician.email, ["notes"]));
    const key = { "idempotency-key": `note-${clinician.id}` };
    const created = await clinician.browser.post(url, { body: "Talked about sleep." }, key);
    expect(created.statusCode).toBe(201);
    // A retry on a flaky connection lands the same note, once, and logs it once.
    const retried = await clinician.browser.post(url, { body: "Talked about sleep." }, key);
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toEqual(created.json());
    const stored = await t.store.db
      .selectFrom("clinical_notes")
      .select("id")
      .where("member_id", "=", member.id)
      .execute();
    expect(stored).toHaveLength(1);
    const writes = await t.store.db
      .selectFrom("audit_events")
      .select("id")
      .where("member_id", "=", member.id)
      .where("action", "=", "write:notes")
      .where("outcome", "=", "allowed")
      .execute();
    expect(writes).toHaveLength(1);
    expect(created.json()).toMatchObject({
      author: { id: clinician.id, displayName: "Sam" },
      body: "Talked about sleep.",
    });
    expect(created.headers["x-redisclosure-notice"]).toBe(REDISCLOSURE_NOTICE);
    const seen = (await member.browser.get(url)).json().notes;
    expect(seen).toEqual([expect.objectContaining({ body: "Talked about sleep." })]);
    expect((await member.browser.post(url, { body: "me" })).statusCode).toBe(403);
    const log = (await member.browser.get("/api/access-log")).json().events;
    expect(log[0]).toMatchObject({ verb: "write", what: "notes", outcome: "allowed" });
  });

  it("gives a supporter yes/no signals from what was shared, never the record", async () => {
    const member = await person();
    const supporter = await person("Jordan");
    const today = localDayOf(new Date(), "UTC");
    await writeHistory(t.store.db, member.id, today, { cravings: [9], lapseDaysAgo: [2] });
    const url = `/api/members/${member.id}/supporter-view`;
    expect((await supporter.browser.get(url)).statusCode).toBe(403);

    await member.browser.post("/api/consents", share(supporter.email, ["checkins"]));
    const checkinsOnly = await supporter.browser.get(url);
    expect(checkinsOnly.json()).toMatchObject({ checkedInToday: true, lapseRecorded: null });
    await member.browser.post("/api/consents", share(supporter.email, ["use"]));
    const both = await supporter.browser.get(url);
    expect(both.json()).toMatchObject({ checkedInToday: true, lapseRecorded: true });
    expect(both.body).not.toContain("private note");
    // Only the signals: no craving number, no day, no details.
    expect(Object.keys(both.json()).sort()).toEqual([
      "askedForSupport",
      "checkedInToday",
      "lapseRecorded",
      "member",
      "redisclosureNotice",
    ]);
  });
});
