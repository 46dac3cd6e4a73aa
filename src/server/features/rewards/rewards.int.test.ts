import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  consentFor,
  defaultOrganizationId,
  type TestPerson as Person,
  signUp,
} from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import type { MemberRewards } from "../../../domain/api/rewards";
import { localDayOf } from "../../../domain/local-day";
import { PUBLISHED_SCHEDULE_PROPORTIONS } from "../../../domain/rewards/schedule";
import { setRewardSettings } from "./test-support";

describe.each(DIALECTS)("contingency management on %s", (dialect) => {
  let t: TestApp;
  let organizationId: string;
  let admin: Person;
  const today = localDayOf(new Date(), "UTC");

  /** A member who shares rewards with a clinician, and one target between them. */
  async function enrolled() {
    const member = await signUp(t, "A member");
    const clinician = await signUp(t, "Sam", "clinician");
    await member.browser.post(
      "/api/consents",
      consentFor(clinician.email, ["rewards"], "Treatment"),
    );
    const target = await clinician.browser.post(`/api/members/${member.id}/rewards/targets`, {
      kind: "attended_visit",
      timesPerWeek: 2,
    });
    expect(target.statusCode).toBe(201);
    return { member, clinician, targetId: target.json().id as string };
  }
  const verify = (
    staff: Person,
    memberId: string,
    targetId: string,
    occurredOn: string,
    outcome = "met",
  ) =>
    staff.browser.post(`/api/members/${memberId}/rewards/targets/${targetId}/occasions`, {
      occurredOn,
      outcome,
    });
  const day = (daysAgo: number) => localDayOf(new Date(Date.now() - daysAgo * 86_400_000), "UTC");
  async function program(viewer: Person, memberId: string) {
    const response = await viewer.browser.get(`/api/members/${memberId}/rewards`);
    expect(response.statusCode).toBe(200);
    const [first] = (response.json() as MemberRewards).programs;
    if (!first) throw new Error("no program");
    return first;
  }
  async function rows(
    table: "reward_ledger" | "reward_occasions" | "reward_targets",
    memberId: string,
  ) {
    return t.store.db.selectFrom(table).selectAll().where("member_id", "=", memberId).execute();
  }
  async function audit(memberId: string) {
    return t.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("member_id", "=", memberId)
      .orderBy("seq")
      .execute();
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    organizationId = await defaultOrganizationId(t);
    admin = await signUp(t, "A admin", "admin");
    await setRewardSettings(admin, organizationId, 1_000_000, PUBLISHED_SCHEDULE_PROPORTIONS);
  }, 60_000);
  afterAll(async () => t.close());

  it("earns only for verified occasions, escalating and starting again after a miss", async () => {
    const { member, clinician, targetId } = await enrolled();
    expect((await program(member, member.id)).balance).toBe(0);
    expect((await verify(clinician, member.id, targetId, day(4))).statusCode).toBe(201);
    expect((await verify(clinician, member.id, targetId, day(3))).statusCode).toBe(201);
    const missed = await verify(clinician, member.id, targetId, day(2), "missed");
    expect(missed.json()).toMatchObject({ reason: "missed", occasion: { points: 0 } });
    expect((await verify(clinician, member.id, targetId, day(1))).json().occasion.points).toBe(10);
    const seen = await program(member, member.id);
    expect(seen).toMatchObject({ earned: 35, redeemed: 0, balance: 35 });
    expect(seen.ledger.map((line) => line.points)).toEqual([10, 15, 10]);
    expect(seen.targets[0]).toMatchObject({ streak: 1, nextPoints: 15 });
    // One entry per target per day.
    const again = await verify(clinician, member.id, targetId, day(1));
    expect(again.statusCode).toBe(409);
    expect((await verify(clinician, member.id, targetId, day(-1))).statusCode).toBe(422);
    // A late entry earns by its place in time: nothing stood before that day.
    expect((await verify(clinician, member.id, targetId, day(9))).json().occasion.points).toBe(10);
  });

  it("never lets the member verify their own target or grant themselves points", async () => {
    const { member, targetId } = await enrolled();
    const before = await rows("reward_ledger", member.id);
    expect((await verify(member, member.id, targetId, today)).statusCode).toBe(403);
    const ownTarget = await member.browser.post(`/api/members/${member.id}/rewards/targets`, {
      kind: "observed_dose",
      timesPerWeek: 7,
    });
    expect(ownTarget.statusCode).toBe(403);
    expect(await rows("reward_ledger", member.id)).toEqual(before);
    expect(await rows("reward_occasions", member.id)).toEqual([]);
  });

  it("refuses staff without a live rewards grant with 403, writing nothing but the refusal", async () => {
    const member = await signUp(t, "A member");
    const clinician = await signUp(t, "A clinician", "clinician");
    await member.browser.post(
      "/api/consents",
      consentFor(clinician.email, ["checkins"], "Treatment"),
    );
    const url = `/api/members/${member.id}/rewards/targets`;
    const refused = await clinician.browser.post(url, { kind: "attended_visit", timesPerWeek: 1 });
    expect(refused.statusCode).toBe(403);
    // Whatever was sent: the grant is checked before the body.
    expect((await clinician.browser.post(url, { nonsense: true })).statusCode).toBe(403);
    expect((await clinician.browser.get(`/api/members/${member.id}/rewards`)).statusCode).toBe(403);
    expect(await rows("reward_targets", member.id)).toEqual([]);
    expect((await audit(member.id)).map((e) => `${e.action}=${e.outcome}`)).toEqual([
      "write:rewards=denied",
      "write:rewards=denied",
      "read:rewards=denied",
    ]);
    // A supporter may read under a rewards grant, but verifying is the clinician's.
    const supporter = await signUp(t, "A supporter", "supporter");
    await member.browser.post(
      "/api/consents",
      consentFor(supporter.email, ["rewards"], "Treatment"),
    );
    expect((await supporter.browser.get(`/api/members/${member.id}/rewards`)).statusCode).toBe(200);
    expect(
      (await supporter.browser.post(url, { kind: "attended_visit", timesPerWeek: 1 })).statusCode,
    ).toBe(403);
  });

  it("stops a clinician on the next request after the member revokes", async () => {
    const { member, clinician, targetId } = await enrolled();
    const consents = (await member.browser.get("/api/consents")).json().given as { id: string }[];
    for (const consent of consents) await member.browser.post(`/api/consents/${consent.id}/revoke`);
    expect((await verify(clinician, member.id, targetId, today)).statusCode).toBe(403);
    expect((await clinician.browser.get(`/api/members/${member.id}/rewards`)).statusCode).toBe(403);
    expect(await rows("reward_occasions", member.id)).toEqual([]);
  });

  it("audits every read and write by staff, once each", async () => {
    const { member, clinician, targetId } = await enrolled();
    const count = async () => (await audit(member.id)).length;
    let before = await count();
    await program(clinician, member.id);
    expect(await count()).toBe(before + 1);
    before = await count();
    const key = { "idempotency-key": `verify-${member.id}` };
    const url = `/api/members/${member.id}/rewards/targets/${targetId}/occasions`;
    const first = await clinician.browser.post(url, { occurredOn: today, outcome: "met" }, key);
    const retry = await clinician.browser.post(url, { occurredOn: today, outcome: "met" }, key);
    expect(retry.json()).toEqual(first.json());
    expect(await rows("reward_occasions", member.id)).toHaveLength(1);
    const events = (await audit(member.id)).slice(before);
    // One event for the write; the retry replays the answer and logs nothing new.
    expect(events.map((e) => `${e.action}=${e.outcome}:${e.resource}`)).toEqual([
      "write:rewards=allowed:reward verification",
    ]);
    expect(events[0]).toMatchObject({ actor_id: clinician.id, purpose: "Treatment" });
    // The member's own reads and writes are theirs: nothing in the access log.
    before = await count();
    await program(member, member.id);
    expect(await count()).toBe(before);
  });
});
