import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { countRows, grant, type Person, person } from "./plan-test-support";

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies of known shape
type Json = Record<string, any>;

describe.each(DIALECTS)("motivation, readiness and the weekly plan check on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const base = (member: Person) => `/api/members/${member.id}`;

  describe("getMotivation and updateMotivation", () => {
    it("starts empty, keeps the sections sent, their order, and each change in history", async () => {
      const member = await person(t);
      const empty = (await member.browser.get(`${base(member)}/motivation`)).json();
      expect(empty).toMatchObject({ reasons: [], motivators: [], lettingGo: [], updatedAt: null });

      const saved = await member.patch(`${base(member)}/motivation`, {
        reasons: ["My daughter", "My health"],
        motivators: [
          { kind: "faith", text: "My church" },
          { kind: "move", text: "" },
        ],
        lettingGo: [{ kind: "places", text: "The corner by the depot" }],
        decisionalBalance: { notSoGoodAboutUsing: ["Missing work"] },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().updatedAt).toEqual(expect.any(String));

      const reordered = await member.patch(`${base(member)}/motivation`, {
        reasons: ["My health", "My daughter"],
        decisionalBalance: { goodThingsAboutChanging: ["Money for rent"] },
      });
      const body = reordered.json();
      expect(body.reasons).toEqual(["My health", "My daughter"]);
      expect(body.motivators).toHaveLength(2);
      expect(body.decisionalBalance).toEqual({
        goodThingsAboutUsing: [],
        notSoGoodAboutUsing: ["Missing work"],
        goodThingsAboutChanging: ["Money for rent"],
        notSoGoodAboutChanging: [],
      });
      expect((await member.browser.get(`${base(member)}/motivation`)).json()).toEqual(body);

      const events = (await member.browser.get(`${base(member)}/plan/history`)).json().events;
      expect(events[0]).toMatchObject({
        entity: "motivation",
        before: { reasons: ["My daughter", "My health"] },
        after: { reasons: ["My health", "My daughter"] },
      });
      const count = (await countRows(t, member.id)).events;
      await member.patch(`${base(member)}/motivation`, { reasons: ["My health", "My daughter"] });
      expect((await countRows(t, member.id)).events).toBe(count);
    });

    it("refuses invalid input, naming the field, and writes nothing", async () => {
      const member = await person(t);
      const cases: [Json, string | undefined][] = [
        [{ motivators: [{ kind: "money", text: "x" }] }, "motivators.0.kind"],
        [{ reasons: ["fine", ""] }, "reasons.1"],
        [{ lettingGo: [{ kind: "habits" }] }, "lettingGo.0.text"],
        [
          { decisionalBalance: { goodThingsAboutUsing: "not a list" } },
          "decisionalBalance.goodThingsAboutUsing",
        ],
        [{}, undefined],
      ];
      for (const [body, field] of cases) {
        const response = await member.patch(`${base(member)}/motivation`, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(response.json().error.field).toBe(field);
      }
      expect(await countRows(t, member.id)).toMatchObject({ motivations: 0, events: 0 });
    });
  });

  describe("recordReadiness and listReadiness", () => {
    it("keeps each rating with the stage it suggests, newest first", async () => {
      const member = await person(t);
      const empty = (await member.browser.get(`${base(member)}/readiness`)).json();
      expect(empty).toEqual({ ratings: [], currentStage: null });

      const first = await member.browser.post(`${base(member)}/readiness`, {
        importance: 7,
        confidence: 3,
        readiness: 3,
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ readiness: 3, stage: "contemplation", note: null });
      const second = await member.browser.post(`${base(member)}/readiness`, {
        importance: 9,
        confidence: 6,
        readiness: 9,
        note: "Started at the clinic",
      });
      expect(second.json()).toMatchObject({ stage: "action", note: "Started at the clinic" });

      const list = (await member.browser.get(`${base(member)}/readiness`)).json();
      expect(list.ratings.map((r: Json) => r.readiness)).toEqual([9, 3]);
      expect(list.currentStage).toBe("action");
    });

    it("says maintenance only after six steady months without recorded use", async () => {
      const oldRating = (memberId: string, daysAgo: number) => ({
        member_id: memberId,
        id: randomUUID(),
        recorded_at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
        importance: 9,
        confidence: 8,
        readiness: 9,
        note: null,
      });
      const steady = { importance: 9, confidence: 8, readiness: 9 };
      const without = await person(t);
      const withUse = await person(t);
      const reader = await person(t);
      for (const member of [without, withUse]) {
        await t.store.db
          .insertInto("readiness_ratings")
          .values([oldRating(member.id, 200), oldRating(member.id, 100)])
          .execute();
      }
      const used = await withUse.browser.post(`${base(withUse)}/uses`, {
        at: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      });
      expect(used.statusCode, used.body).toBe(201);

      const calm = await without.browser.post(`${base(without)}/readiness`, steady);
      expect(calm.json().stage).toBe("maintenance");
      const recent = await withUse.browser.post(`${base(withUse)}/readiness`, steady);
      expect(recent.json().stage).toBe("action");
      // Someone shown only the plan never learns about use through the stage.
      await grant(t, without.id, reader.id, ["plan"]);
      const shown = (await reader.browser.get(`${base(without)}/readiness`)).json();
      expect(shown.currentStage).toBe("action");
      expect((await without.browser.get(`${base(without)}/readiness`)).json().currentStage).toBe(
        "maintenance",
      );
    });

    it("lands once when retried with the same Idempotency-Key", async () => {
      const member = await person(t);
      const headers = { "idempotency-key": "ruler-1" };
      const body = { importance: 5, confidence: 5, readiness: 5 };
      const first = await member.browser.post(`${base(member)}/readiness`, body, headers);
      const again = await member.browser.post(`${base(member)}/readiness`, body, headers);
      expect(again.json()).toEqual(first.json());
      expect((await countRows(t, member.id)).readiness).toBe(1);
    });

    it("refuses ratings off the 0–10 ruler, naming the field, and writes nothing", async () => {
      const member = await person(t);
      const cases: [Json, string][] = [
        [{ importance: 11, confidence: 5, readiness: 5 }, "importance"],
        [{ importance: 5, confidence: 5.5, readiness: 5 }, "confidence"],
        [{ importance: 5, confidence: 5 }, "readiness"],
      ];
      for (const [body, field] of cases) {
        const response = await member.browser.post(`${base(member)}/readiness`, body);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.field).toBe(field);
      }
      expect((await countRows(t, member.id)).readiness).toBe(0);
    });
  });

  describe("createPlanReview and listPlanReviews", () => {
    it("keeps a dated review whose steps keep the title they had, and says when the next is due", async () => {
      const member = await person(t, { timeZone: "America/New_York" });
      const plan = (await member.browser.post(`${base(member)}/intake`, {})).json();
      const step = plan.domains[0].goals[0].steps[0];
      const before = (await member.browser.get(`${base(member)}/plan/reviews`)).json();
      expect(before).toMatchObject({ reviews: [], due: false, nextDueOn: expect.any(String) });

      const created = await member.browser.post(`${base(member)}/plan/reviews`, {
        wentWell: "Went to two meetings",
        wasHard: "Sunday evening",
        nextSteps: [{ stepId: step.id }, { text: "Call my sister" }],
      });
      expect(created.statusCode).toBe(201);
      const review = created.json();
      expect(review).toMatchObject({
        wentWell: "Went to two meetings",
        wasHard: "Sunday evening",
        nextSteps: [
          { stepId: step.id, text: step.title },
          { stepId: null, text: "Call my sister" },
        ],
      });
      expect(review.reviewDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await member.patch(`${base(member)}/plan/steps/${step.id}`, { title: "Renamed" });

      const list = (await member.browser.get(`${base(member)}/plan/reviews`)).json();
      expect(list.reviews).toEqual([review]);
      expect(list.due).toBe(false);

      // A week later the next check is due.
      await t.store.db
        .updateTable("plan_reviews")
        .set({ review_date: "2020-01-01" })
        .where("member_id", "=", member.id)
        .execute();
      const later = (await member.browser.get(`${base(member)}/plan/reviews`)).json();
      expect(later).toMatchObject({ due: true, nextDueOn: "2020-01-08" });
    });

    it("takes an empty review and lands once with the same Idempotency-Key", async () => {
      const member = await person(t);
      const headers = { "idempotency-key": "review-1" };
      const first = await member.browser.post(`${base(member)}/plan/reviews`, {}, headers);
      const again = await member.browser.post(`${base(member)}/plan/reviews`, {}, headers);
      expect(first.statusCode).toBe(201);
      expect(again.json()).toEqual(first.json());
      expect((await countRows(t, member.id)).reviews).toBe(1);
    });

    it("answers another member's step id with 404, names it, and writes nothing", async () => {
      const owner = await person(t);
      const ownerPlan = (await owner.browser.post(`${base(owner)}/intake`, {})).json();
      const ownerStep = ownerPlan.domains[0].goals[0].steps[0];
      const other = await person(t);
      const response = await other.browser.post(`${base(other)}/plan/reviews`, {
        wentWell: "ok",
        nextSteps: [{ text: "mine" }, { stepId: ownerStep.id }],
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toMatchObject({
        code: "not_found",
        field: "nextSteps.1.stepId",
      });
      expect(response.body).not.toContain(ownerStep.title);
      expect((await countRows(t, other.id)).reviews).toBe(0);
    });

    it("refuses invalid input, naming the field, and writes nothing", async () => {
      const member = await person(t);
      const cases: [Json, string][] = [
        [{ wentWell: "x".repeat(2001) }, "wentWell"],
        [{ nextSteps: [{ text: "" }] }, "nextSteps.0.text"],
        [{ nextSteps: "call" }, "nextSteps"],
      ];
      for (const [body, field] of cases) {
        const response = await member.browser.post(`${base(member)}/plan/reviews`, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(response.json().error.field).toBe(field);
      }
      expect((await countRows(t, member.id)).reviews).toBe(0);
    });
  });

  describe("another person's motivation", () => {
    it("is refused to a stranger and readable, audited, with a plan grant", async () => {
      const owner = await person(t);
      await owner.patch(`${base(owner)}/motivation`, { reasons: ["My son"] });
      await owner.browser.post(`${base(owner)}/readiness`, {
        importance: 8,
        confidence: 6,
        readiness: 6,
      });
      const stranger = await person(t);
      const before = await countRows(t, owner.id);
      const refused = [
        await stranger.browser.get(`${base(owner)}/motivation`),
        await stranger.patch(`${base(owner)}/motivation`, { reasons: ["x"] }),
        await stranger.browser.get(`${base(owner)}/readiness`),
        await stranger.browser.post(`${base(owner)}/readiness`, {
          importance: 1,
          confidence: 1,
          readiness: 1,
        }),
        await stranger.browser.get(`${base(owner)}/plan/reviews`),
        await stranger.browser.post(`${base(owner)}/plan/reviews`, {}),
      ];
      expect(refused.map((r) => r.statusCode)).toEqual(Array(6).fill(403));
      expect(await countRows(t, owner.id)).toEqual(before);

      const counselor = await person(t);
      await grant(t, owner.id, counselor.id, ["plan"]);
      const motivation = await counselor.browser.get(`${base(owner)}/motivation`);
      expect(motivation.json().reasons).toEqual(["My son"]);
      const readiness = await counselor.browser.get(`${base(owner)}/readiness`);
      expect(readiness.json().currentStage).toBe("preparation");
      expect((await counselor.browser.get(`${base(owner)}/plan/reviews`)).statusCode).toBe(200);
      const audit = (await owner.browser.get(`${base(owner)}/audit-events`)).json().events;
      expect(audit.filter((e: Json) => e.actorId === counselor.id)).toHaveLength(3);
    });
  });
});
