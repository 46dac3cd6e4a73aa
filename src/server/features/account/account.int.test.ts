import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { DELETION_GRACE_DAYS } from "../../../domain/account-deletion";
import { localDayOf } from "../../../domain/local-day";
import { verifyAuditChain } from "../../security/audit";
import { writeHistory } from "../care/care-history";
import { setRewardSettings } from "../rewards/test-support";
import { personTables, rowsOf } from "./queries";
import { purgeDueDeletions } from "./service";

describe.each(DIALECTS)("the member's own data: export and deletion on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // Rewards need a schedule before a clinician can set a target.
    const admin = await person("admin");
    const org = await t.store.db.selectFrom("organizations").select("id").executeTakeFirstOrThrow();
    await setRewardSettings(admin, org.id, 1_000);
  });
  afterAll(async () => t.close());

  async function person(role: "member" | "clinician" | "admin" = "member") {
    const someone = await signUp(t, `Someone ${randomUUID().slice(0, 6)}`, role, {
      timeZone: "America/Chicago",
    });
    return { ...someone, base: `/api/members/${someone.id}` };
  }

  /** A member with something in most corners of the app, and a clinician they share with. */
  async function memberWithARecord(words: string) {
    const member = await person();
    await writeHistory(t.store.db, member.id, localDayOf(new Date(), "America/Chicago"), {
      cravings: [6, 7],
      missedDaysAgo: [1],
      lapseDaysAgo: [2],
      bamRisk: [2],
    });
    const writes = [
      await member.browser.post(`${member.base}/intake`, {}),
      await member.browser.post(`${member.base}/cravings`, { intensity: 4, whatIDid: words }),
      await member.browser.post(`${member.base}/contacts`, {
        name: words,
        role: "sponsor",
        phone: "555 0101",
      }),
      await member.browser.post(`${member.base}/meetings`, {
        name: words,
        day: 3,
        time: "19:00",
        location: "Grace Hall",
      }),
    ];
    for (const write of writes) expect(write.statusCode, write.body).toBeLessThan(300);
    const meeting = writes[3];
    if (!meeting) throw new Error("the meeting was not created");
    const meetingId = (meeting.json() as { id: string }).id;
    await member.browser.put(`${member.base}/saved-meetings/${meetingId}`, { saved: true });
    const clinician = await person("clinician");
    const grant = await member.browser.post("/api/consents", {
      recipientEmail: clinician.email,
      purpose: "Treatment",
      categories: ["checkins", "cravings", "rewards"],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      signature: { typedName: "Member Name" },
      revocationAcknowledged: true,
    });
    expect(grant.statusCode).toBe(201);
    expect((await clinician.browser.get(`${member.base}/cravings`)).statusCode).toBe(200);
    // Rewards keep an append-only ledger, which only an account deletion may empty.
    const target = await clinician.browser.post(`${member.base}/rewards/targets`, {
      kind: "attended_visit",
      timesPerWeek: 2,
    });
    expect(target.statusCode, target.body).toBe(201);
    const occasion = await clinician.browser.post(
      `${member.base}/rewards/targets/${target.json().id}/occasions`,
      { occurredOn: localDayOf(new Date(), "America/Chicago"), outcome: "met" },
    );
    expect(occasion.statusCode, occasion.body).toBe(201);
    return { member, clinician };
  }

  it("exports every record of the member, with the access log, and nothing of anyone else", async () => {
    const { member } = await memberWithARecord("my own words");
    const other = await memberWithARecord("somebody else's words");
    const response = await member.browser.get("/api/me/export");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(
      /attachment; filename="waymark-export-/,
    );
    const exported = response.json();
    expect(exported).toMatchObject({
      format: "waymark-export/1",
      account: { id: member.id, email: member.email },
    });
    for (const table of [
      "checkins",
      "cravings",
      "plan_goals",
      "plan_steps",
      "support_contacts",
      "consent_grants",
      "sessions",
    ]) {
      expect(exported.records[table]?.length ?? 0, table).toBeGreaterThan(0);
    }
    // Every row the database holds about the member is there, table by table.
    for (const table of await personTables(t.store.db)) {
      const rows = await rowsOf(t.store.db, table, member.id);
      expect(exported.records[table.name]?.length ?? 0, table.name).toBe(rows.length);
    }
    expect(response.body).toContain("my own words");
    expect(response.body).not.toContain("somebody else's words");
    expect(response.body).not.toContain(other.member.id);
    // Hashes (password, session tokens) stay out, even the member's own.
    expect(response.body).not.toMatch(/password_hash|token_hash|\$argon2/);
    expect(exported.accessLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "read:cravings", outcome: "allowed" }),
      ]),
    );
    expect((await browserFor(t.app).get("/api/me/export")).statusCode).toBe(401);
  });

  it("asks for the password, ends other sessions, waits a week, and can be taken back", async () => {
    const member = await person();
    const elsewhere = browserFor(t.app);
    expect(
      (
        await elsewhere.post("/api/auth/sign-in", {
          email: member.email,
          password: member.password,
        })
      ).statusCode,
    ).toBe(200);

    const wrong = await member.browser.post("/api/me/deletion", {
      password: "not the password at all",
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toMatchObject({ code: "password_incorrect", field: "password" });
    // A wrong try counts against the account as at sign-in, so deletion cannot be guessed at.
    const failures = await t.store.db
      .selectFrom("auth_failures")
      .select("consecutive_failures")
      .where("email", "=", member.email)
      .executeTakeFirst();
    expect(Number(failures?.consecutive_failures)).toBe(1);
    expect((await member.browser.post("/api/me/deletion", {})).statusCode).toBe(400);
    expect((await member.browser.get("/api/me/deletion")).json()).toEqual({ deletion: null });
    expect((await elsewhere.get("/api/me")).statusCode).toBe(200);

    const asked = await member.browser.post("/api/me/deletion", { password: member.password });
    expect(asked.statusCode).toBe(201);
    const { requestedAt, dueAt } = asked.json();
    expect(new Date(dueAt).getTime() - new Date(requestedAt).getTime()).toBe(
      DELETION_GRACE_DAYS * 86_400_000,
    );
    // The other session is over; this one goes on, and asking again keeps the first date.
    expect((await elsewhere.get("/api/me")).statusCode).toBe(401);
    expect((await member.browser.get("/api/me")).statusCode).toBe(200);
    const again = await member.browser.post("/api/me/deletion", { password: member.password });
    expect(again.json()).toEqual({ requestedAt, dueAt });

    expect((await member.browser.delete("/api/me/deletion")).statusCode).toBe(200);
    expect((await member.browser.get("/api/me/deletion")).json()).toEqual({ deletion: null });
    expect(await purgeDueDeletions(t.store.db, new Date(Date.now() + 30 * 86_400_000))).toBe(0);
    expect((await member.browser.get("/api/me")).statusCode).toBe(200);
    const log = (await member.browser.get(`${member.base}/audit-events`))
      .json()
      .events.map((e: { action: string }) => e.action);
    expect(log).toEqual(
      expect.arrayContaining(["request:account-deletion", "cancel:account-deletion"]),
    );
  });

  it("refuses staff, whose names stand in members' records", async () => {
    const clinician = await person("clinician");
    const response = await clinician.browser.post("/api/me/deletion", {
      password: clinician.password,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("account_deletion_staff");
  });

  it("deletes every row naming the member when the week is over, keeping others' and one audit line", async () => {
    const { member, clinician } = await memberWithARecord("gone for good");
    const other = await memberWithARecord("still here");
    const tables = await personTables(t.store.db);
    const countsOf = async (id: string) =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async (table) => [table.name, (await rowsOf(t.store.db, table, id)).length]),
        ),
      );
    const othersBefore = await countsOf(other.member.id);
    const clinicianBefore = await countsOf(clinician.id);

    const asked = await member.browser.post("/api/me/deletion", { password: member.password });
    const dueAt = new Date(asked.json().dueAt);
    expect(await purgeDueDeletions(t.store.db, new Date(dueAt.getTime() - 1000))).toBe(0);
    expect(await purgeDueDeletions(t.store.db, dueAt)).toBe(1);

    const left = await countsOf(member.id);
    expect(Object.entries(left).filter(([, n]) => Number(n) > 0)).toEqual([]);
    expect(
      await t.store.db.selectFrom("users").select("id").where("id", "=", member.id).execute(),
    ).toEqual([]);
    expect(await countsOf(other.member.id)).toEqual(othersBefore);
    // The clinician loses the grant the member gave, and nothing else.
    const clinicianAfter = await countsOf(clinician.id);
    expect({ ...clinicianAfter, consent_grants: 0 }).toEqual({
      ...clinicianBefore,
      consent_grants: 0,
    });
    expect((await clinician.browser.get(`${member.base}/cravings`)).statusCode).toBe(403);
    expect((await member.browser.get("/api/me")).statusCode).toBe(401);
    const signIn = await browserFor(t.app).post("/api/auth/sign-in", {
      email: member.email,
      password: member.password,
    });
    expect(signIn.statusCode).toBe(401);

    const deleted = await t.store.db
      .selectFrom("audit_events")
      .select(["actor_id", "action"])
      .where("member_id", "=", member.id)
      .where("action", "=", "delete:account")
      .execute();
    expect(deleted).toEqual([{ actor_id: member.id, action: "delete:account" }]);
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
    expect(await purgeDueDeletions(t.store.db, new Date(dueAt.getTime() + 3_600_000))).toBe(0);
  });
});
