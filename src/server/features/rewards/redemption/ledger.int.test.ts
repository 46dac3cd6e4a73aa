import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  consentFor,
  defaultOrganizationId,
  type TestPerson as Person,
  signUp,
} from "../../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../../test/support/test-app";
import type { MemberRewards } from "../../../../domain/api/rewards";
import { localDayOf } from "../../../../domain/local-day";
import { setRewardSettings } from "../test-support";

/** The ledger: the yearly cap, corrections, redemptions and undo — and that it only grows. */
describe.each(DIALECTS)("the points ledger on %s", (dialect) => {
  let t: TestApp;
  let organizationId: string;
  let admin: Person;

  async function reward(pointsCost: number) {
    const created = await admin.browser.post(
      `/api/organizations/${organizationId}/rewards/catalogue`,
      { name: `Reward ${pointsCost}`, pointsCost },
    );
    return created.json().id as string;
  }
  async function enrolledWithPoints(days: number) {
    const member = await signUp(t, "A member");
    const clinician = await signUp(t, "A clinician", "clinician");
    await member.browser.post(
      "/api/consents",
      consentFor(clinician.email, ["rewards"], "Treatment"),
    );
    const target = await clinician.browser.post(`/api/members/${member.id}/rewards/targets`, {
      kind: "negative_urine_screen",
      timesPerWeek: 2,
    });
    const targetId = target.json().id as string;
    const occasions: { occasion: { id: string; points: number }; reason: string }[] = [];
    for (let daysAgo = days; daysAgo >= 1; daysAgo -= 1) {
      const occurredOn = localDayOf(new Date(Date.now() - daysAgo * 86_400_000), "UTC");
      const response = await clinician.browser.post(
        `/api/members/${member.id}/rewards/targets/${targetId}/occasions`,
        { occurredOn, outcome: "met" },
      );
      expect(response.statusCode).toBe(201);
      occasions.push(response.json());
    }
    return { member, clinician, targetId, occasions };
  }
  async function view(viewer: Person, memberId: string) {
    const response = await viewer.browser.get(`/api/members/${memberId}/rewards`);
    const [program] = (response.json() as MemberRewards).programs;
    if (!program) throw new Error("no program");
    return program;
  }
  const ledgerRows = (memberId: string) =>
    t.store.db.selectFrom("reward_ledger").selectAll().where("member_id", "=", memberId).execute();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    organizationId = await defaultOrganizationId(t);
    admin = await signUp(t, "A admin", "admin");
  }, 60_000);
  afterAll(async () => t.close());

  it("records an occasion past the yearly cap without points, and says why", async () => {
    await setRewardSettings(admin, organizationId, 30);
    const { member, occasions } = await enrolledWithPoints(4);
    expect(occasions.map((o) => [o.occasion.points, o.reason])).toEqual([
      [10, "earned"],
      [15, "earned"],
      [5, "cap_partial"],
      [0, "cap_reached"],
    ]);
    const program = await view(member, member.id);
    expect(program).toMatchObject({ earned: 30, balance: 30, earnedThisYear: 30 });
    expect(program.ledger[0]).toMatchObject({ kind: "earned", points: 0, withheld: 25 });
    expect(program.targets[0]?.streak).toBe(4);
    await setRewardSettings(admin, organizationId, 1_000_000);
  });

  it("puts a mistaken verification right with a reversing line, never a change", async () => {
    const { member, clinician, occasions } = await enrolledWithPoints(2);
    const mistaken = occasions[1]?.occasion.id ?? "";
    const url = `/api/members/${member.id}/rewards/occasions/${mistaken}/correction`;
    const corrected = await clinician.browser.post(url);
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json().recentOccasions[0]).toMatchObject({ id: mistaken });
    expect(corrected.json().recentOccasions[0].correctedAt).not.toBeNull();
    expect((await clinician.browser.post(url)).statusCode).toBe(409);
    const program = await view(member, member.id);
    expect(program.ledger.map((line) => [line.kind, line.points])).toEqual([
      ["earning_corrected", -15],
      ["earned", 15],
      ["earned", 10],
    ]);
    expect(program).toMatchObject({ earned: 10, balance: 10 });
    // The run counts from the occasions still standing: the next one is the second in a row.
    expect(program.targets[0]?.nextPoints).toBe(15);
    // The member cannot correct their own record.
    expect((await member.browser.post(url)).statusCode).toBe(403);
  });

  it("refuses to spend more than the balance, and lets the member take a redemption back", async () => {
    const { member, clinician } = await enrolledWithPoints(2); // 10 + 15 = 25
    const tooDear = await reward(26);
    const affordable = await reward(20);
    const url = `/api/members/${member.id}/rewards/redemptions`;
    const refused = await member.browser.post(url, { rewardId: tooDear });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("not_enough_points");
    expect(await ledgerRows(member.id)).toHaveLength(2);
    // Staff never spend a member's points.
    expect((await clinician.browser.post(url, { rewardId: affordable })).statusCode).toBe(403);

    const redeemed = await member.browser.post(url, { rewardId: affordable });
    expect(redeemed.statusCode).toBe(201);
    expect(redeemed.json()).toMatchObject({
      kind: "redeemed",
      points: -20,
      rewardName: "Reward 20",
    });
    expect(redeemed.json().undoUntil).not.toBeNull();
    expect((await member.browser.post(url, { rewardId: affordable })).statusCode).toBe(409);
    expect(await view(member, member.id)).toMatchObject({ earned: 25, redeemed: 20, balance: 5 });

    const undo = `${url}/${redeemed.json().id}/undo`;
    expect((await clinician.browser.post(undo)).statusCode).toBe(403);
    expect((await member.browser.post(undo)).statusCode).toBe(201);
    expect((await member.browser.post(undo)).statusCode).toBe(409);
    expect(await view(member, member.id)).toMatchObject({ redeemed: 0, balance: 25 });
  });

  it("spends the same points once when two redemptions race", async () => {
    const { member } = await enrolledWithPoints(2); // 25
    const rewardId = await reward(20);
    const url = `/api/members/${member.id}/rewards/redemptions`;
    const answers = await Promise.all([
      member.browser.post(url, { rewardId }),
      member.browser.post(url, { rewardId }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect((await view(member, member.id)).balance).toBe(5);
  });

  it("has no way to change or remove a ledger line", async () => {
    const { member } = await enrolledWithPoints(1);
    const [line] = await ledgerRows(member.id);
    if (!line) throw new Error("no line");
    // No route changes or removes a line…
    const document = (await member.browser.get("/api/openapi.json")).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [route, methods] of Object.entries(document.paths)) {
      if (
        !route.includes("/rewards") ||
        route.includes("/catalogue") ||
        route.includes("/settings")
      ) {
        continue;
      }
      expect(
        Object.keys(methods).filter((m) => m !== "get" && m !== "post"),
        route,
      ).toEqual([]);
    }
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      const response = await member.browser.request({
        method,
        url: `/api/members/${member.id}/rewards/ledger/${line.id}`,
      });
      expect(response.statusCode).toBe(404);
    }
    // …no query in the feature does…
    const folder = path.resolve(import.meta.dirname, "..");
    for (const file of fs.readdirSync(folder, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
      const source = fs.readFileSync(path.join(folder, file), "utf8");
      expect(source, file).not.toMatch(/(updateTable|deleteFrom)\(\s*"reward_(ledger|occasions)"/);
    }
    // …and the database refuses it anyway.
    await expect(
      sql`update reward_ledger set points = 1000 where id = ${line.id}`.execute(t.store.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from reward_ledger where id = ${line.id}`.execute(t.store.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from reward_occasions`.execute(t.store.db)).rejects.toThrow(
      /append-only/,
    );
    expect(await ledgerRows(member.id)).toEqual([line]);
  });
});
