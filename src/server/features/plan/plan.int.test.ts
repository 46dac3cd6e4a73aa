import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { PLAN_CATALOGS } from "../../../domain/plan-catalog/catalog";
import { countRows, grant, type Person, person } from "./plan-test-support";
import { getRecoveryProfile } from "./queries";

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies of known shape
type Json = Record<string, any>;

describe.each(DIALECTS)("the recovery plan on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const base = (member: Person) => `/api/members/${member.id}`;
  const plan = async (member: Person) => (await member.browser.get(`${base(member)}/plan`)).json();
  const goals = (body: Json) => body.domains.flatMap((domain: Json) => domain.goals) as Json[];
  const steps = (body: Json) => goals(body).flatMap((goal) => goal.steps) as Json[];
  const history = async (member: Person, query = "") =>
    (await member.browser.get(`${base(member)}/plan/history${query}`)).json();

  async function withGoal(member: Person, title = "Walk every morning") {
    const goal = (
      await member.browser.post(`${base(member)}/plan/goals`, { domain: "lifestyle", title })
    ).json();
    const step = (
      await member.browser.post(`${base(member)}/plan/steps`, {
        goalId: goal.id,
        title: "Find my shoes",
      })
    ).json();
    return { goal, step };
  }

  describe("submitIntake", () => {
    it("builds a starter plan that fits the answers and keeps the figures progress needs", async () => {
      const alex = await person(t);
      const response = await alex.browser.post(`${base(alex)}/intake`, {
        stage: "recently_started",
        treatment: "methadone",
        domains: ["support_groups"],
        hasCourtDates: true,
        recoveryStart: "2026-01-10",
        costPerDay: 40.5,
        whatMattersMost: "Being there for my daughter",
        supportPeople: [{ name: "Jordan", role: "friend" }],
      });
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body.domains.map((domain: Json) => domain.domain)).toEqual([
        "medication",
        "support_groups",
        "legal",
      ]);
      const titles = steps(body).map((step) => step.title);
      expect(titles).toContain(PLAN_CATALOGS.en["plan.medication.step.clinicRoutine"]);
      expect(titles).toContain(PLAN_CATALOGS.en["plan.legal.step.listDates"]);
      expect(steps(body).every((step) => step.status === "todo" && step.id)).toBe(true);
      expect(body.intake).toMatchObject({
        stage: "recently_started",
        treatment: ["methadone"],
        recoveryStart: "2026-01-10",
        costPerDay: 40.5,
      });
      expect(body.introKey).toBe("plan.intro.recently_started");
      expect(await plan(alex)).toEqual(body);

      const profile = await getRecoveryProfile(t.store.db, alex.id);
      expect(profile).toMatchObject({ recovery_start: "2026-01-10", cost_per_day: 40.5 });
      const motivation = (await alex.browser.get(`${base(alex)}/motivation`)).json();
      expect(motivation.reasons).toEqual(["Being there for my daughter"]);
      const events = (await history(alex)).events as Json[];
      expect(events.at(-1)).toMatchObject({ seq: 1, entity: "intake", action: "created" });
    });

    it("writes the plan in the member's language and keeps the key it came from", async () => {
      const rosa = await person(t, { locale: "es" });
      const body = (
        await rosa.browser.post(`${base(rosa)}/intake`, { unstableHousing: true })
      ).json();
      const housing = goals(body).find((goal) => goal.domain === "housing") as Json;
      expect(housing.title).toBe(PLAN_CATALOGS.es["plan.housing.goal.safePlace"]);
      expect(housing.templateKey).toBe("plan.housing.goal.safePlace");
      expect(housing.steps[0].title).toBe(PLAN_CATALOGS.es["plan.housing.step.safeThisWeek"]);
    });

    it("gives a small plan when every question is skipped", async () => {
      const member = await person(t);
      const response = await member.browser.post(`${base(member)}/intake`, {});
      expect(response.statusCode).toBe(201);
      expect(response.json().domains.map((domain: Json) => domain.domain)).toEqual([
        "support_groups",
        "lifestyle",
      ]);
      expect(response.json().intake).toMatchObject({ stage: null, treatment: [] });
    });

    it("sent again, adds only new suggestions and leaves the person's edits alone", async () => {
      const member = await person(t);
      const first = (
        await member.browser.post(`${base(member)}/intake`, {
          domains: ["lifestyle", "housing"],
          recoveryStart: "2026-01-01",
        })
      ).json();
      const housing = goals(first).find((goal) => goal.domain === "housing") as Json;
      const lifestyleStep = steps(first).find((step) => step.templateKey?.includes("lifestyle"));
      await member.browser.delete(`${base(member)}/plan/goals/${housing.id}`);
      await member.patch(`${base(member)}/plan/steps/${lifestyleStep?.id}`, {
        title: "Bed by eleven",
      });
      const second = (
        await member.browser.post(`${base(member)}/intake`, {
          domains: ["lifestyle", "housing", "finances"],
          costPerDay: 12.5,
        })
      ).json();
      expect(second.domains.map((domain: Json) => domain.domain)).toEqual([
        "finances",
        "lifestyle",
      ]);
      expect(steps(second).find((step) => step.id === lifestyleStep?.id)?.title).toBe(
        "Bed by eleven",
      );
      expect(steps(second).map((step) => step.templateKey)).toContain(
        "plan.finances.step.saveRegained",
      );
      expect(second.intake).toMatchObject({ recoveryStart: "2026-01-01", costPerDay: 12.5 });
    });

    it("lands once when retried with the same Idempotency-Key", async () => {
      const member = await person(t);
      const headers = { "idempotency-key": "intake-1" };
      const first = await member.browser.post(`${base(member)}/intake`, {}, headers);
      const second = await member.browser.post(`${base(member)}/intake`, {}, headers);
      expect(second.statusCode).toBe(201);
      expect(second.json()).toEqual(first.json());
      expect((await countRows(t, member.id)).goals).toBe(goals(first.json()).length);
    });

    it("refuses invalid answers, names the field and writes nothing", async () => {
      const member = await person(t);
      const cases: [Json, string][] = [
        [{ domains: ["outer_space"] }, "domains.0"],
        [{ treatment: "aspirin" }, "treatment"],
        [{ costPerDay: -1 }, "costPerDay"],
        [{ recoveryStart: "2026-02-30" }, "recoveryStart"],
        [{ recoveryStart: "2999-01-01" }, "recoveryStart"],
        [{ stage: "done" }, "stage"],
      ];
      for (const [body, field] of cases) {
        const response = await member.browser.post(`${base(member)}/intake`, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(response.json().error.field).toBe(field);
      }
      expect(await countRows(t, member.id)).toMatchObject({ goals: 0, events: 0, profiles: 0 });
    });
  });

  describe("goals", () => {
    it("are created, edited, completed, undone, reordered and moved, all kept in history", async () => {
      const member = await person(t);
      const created = await member.browser.post(`${base(member)}/plan/goals`, {
        domain: "work_education",
        title: "Finish my GED",
        why: "For me and my kids",
        targetDate: "2026-12-01",
      });
      expect(created.statusCode).toBe(201);
      const goal = created.json();
      expect(goal).toMatchObject({ status: "active", position: 0, templateKey: null });

      const done = await member.patch(`${base(member)}/plan/goals/${goal.id}`, { status: "done" });
      expect(done.json()).toMatchObject({ status: "done", title: "Finish my GED" });
      const latest = (await history(member)).events[0];
      expect(latest).toMatchObject({
        entity: "goal",
        entityId: goal.id,
        action: "updated",
        actorId: member.id,
        before: { status: "active" },
        after: { status: "done" },
      });
      // Undo: re-apply "before".
      const undone = await member.patch(`${base(member)}/plan/goals/${goal.id}`, latest.before);
      expect(undone.json().status).toBe("active");
      await member.patch(`${base(member)}/plan/goals/${goal.id}`, { status: "dropped" });
      const restored = await member.patch(`${base(member)}/plan/goals/${goal.id}`, {
        status: "active",
        targetDate: null,
      });
      expect(restored.json()).toMatchObject({ status: "active", targetDate: null });

      const second = (
        await member.browser.post(`${base(member)}/plan/goals`, {
          domain: "work_education",
          title: "Update my résumé",
        })
      ).json();
      expect(second.position).toBe(1);
      await member.patch(`${base(member)}/plan/goals/${second.id}`, { position: 0 });
      await member.patch(`${base(member)}/plan/goals/${goal.id}`, { position: 1 });
      expect(goals(await plan(member)).map((g) => g.title)).toEqual([
        "Update my résumé",
        "Finish my GED",
      ]);

      const moved = await member.patch(`${base(member)}/plan/goals/${second.id}`, {
        domain: "finances",
      });
      expect(moved.json()).toMatchObject({ domain: "finances", position: 0 });
      expect((await plan(member)).domains.map((d: Json) => d.domain)).toEqual([
        "work_education",
        "finances",
      ]);
    });

    it("records nothing when an update changes nothing", async () => {
      const member = await person(t);
      const { goal } = await withGoal(member);
      const before = (await countRows(t, member.id)).events;
      const same = await member.patch(`${base(member)}/plan/goals/${goal.id}`, {
        title: goal.title,
      });
      expect(same.statusCode).toBe(200);
      expect((await countRows(t, member.id)).events).toBe(before);
    });

    it("are deleted with their steps, and history keeps what they were", async () => {
      const member = await person(t);
      const { goal, step } = await withGoal(member);
      const response = await member.browser.delete(`${base(member)}/plan/goals/${goal.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ deleted: true });
      expect((await plan(member)).domains).toEqual([]);
      const events = (await history(member)).events as Json[];
      expect(events[0]).toMatchObject({
        entity: "goal",
        action: "deleted",
        before: { title: "Walk every morning", domain: "lifestyle" },
        after: null,
      });
      expect(events[1]).toMatchObject({ entity: "step", entityId: step.id, action: "deleted" });
      const again = await member.browser.delete(`${base(member)}/plan/goals/${goal.id}`);
      expect(again.statusCode).toBe(404);
    });

    it("refuse invalid input, naming the field, and write nothing", async () => {
      const member = await person(t);
      const { goal } = await withGoal(member);
      const before = await countRows(t, member.id);
      const url = `${base(member)}/plan/goals`;
      const bad: [Promise<{ statusCode: number; json(): Json }>, string | undefined][] = [
        [member.browser.post(url, { domain: "lifestyle", title: "   " }), "title"],
        [member.browser.post(url, { domain: "moon", title: "x" }), "domain"],
        [
          member.browser.post(url, { domain: "legal", title: "x", targetDate: "soon" }),
          "targetDate",
        ],
        [member.patch(`${url}/${goal.id}`, { status: "finished" }), "status"],
        [member.patch(`${url}/${goal.id}`, { position: -1 }), "position"],
        [member.patch(`${url}/${goal.id}`, {}), undefined],
      ];
      for (const [request, field] of bad) {
        const response = await request;
        expect(response.statusCode).toBe(400);
        expect(response.json().error.field).toBe(field);
      }
      expect(await countRows(t, member.id)).toEqual(before);
    });
  });

  describe("steps", () => {
    it("are created, completed, undone, restored from dropped, moved and deleted", async () => {
      const member = await person(t);
      const { goal } = await withGoal(member);
      const other = (
        await member.browser.post(`${base(member)}/plan/goals`, {
          domain: "support_groups",
          title: "Find a group",
        })
      ).json();
      const created = await member.browser.post(`${base(member)}/plan/steps`, {
        goalId: goal.id,
        title: "Walk to the park",
        dueDate: "2026-06-01",
        helper: "Jordan",
        note: "Ask Jordan on Sunday",
      });
      expect(created.statusCode).toBe(201);
      const step = created.json();
      expect(step).toMatchObject({
        goalId: goal.id,
        status: "todo",
        position: 1,
        helper: "Jordan",
        dueDate: "2026-06-01",
        completedAt: null,
      });

      const done = (
        await member.patch(`${base(member)}/plan/steps/${step.id}`, { status: "done" })
      ).json();
      expect(done.status).toBe("done");
      expect(done.completedAt).toEqual(expect.any(String));
      const latest = (await history(member)).events[0];
      expect(latest).toMatchObject({ before: { status: "todo" }, after: { status: "done" } });
      const undone = (
        await member.patch(`${base(member)}/plan/steps/${step.id}`, latest.before)
      ).json();
      expect(undone).toMatchObject({ status: "todo", completedAt: null });
      await member.patch(`${base(member)}/plan/steps/${step.id}`, { status: "dropped" });
      const doing = (
        await member.patch(`${base(member)}/plan/steps/${step.id}`, {
          status: "doing",
          helper: null,
          dueDate: null,
        })
      ).json();
      expect(doing).toMatchObject({ status: "doing", helper: null, dueDate: null });

      const moved = (
        await member.patch(`${base(member)}/plan/steps/${step.id}`, { goalId: other.id })
      ).json();
      expect(moved).toMatchObject({ goalId: other.id, position: 0 });
      const current = await plan(member);
      expect(
        goals(current)
          .find((g) => g.id === other.id)
          ?.steps.map((s: Json) => s.id),
      ).toEqual([step.id]);

      const deleted = await member.browser.delete(`${base(member)}/plan/steps/${step.id}`);
      expect(deleted.json()).toEqual({ deleted: true });
      expect(steps(await plan(member)).map((s) => s.id)).not.toContain(step.id);
      expect((await history(member)).events[0]).toMatchObject({
        entity: "step",
        action: "deleted",
        before: { title: "Walk to the park", goalId: other.id },
      });
    });

    it("keep their order as the person sets it", async () => {
      const member = await person(t);
      const { goal, step: first } = await withGoal(member);
      const second = (
        await member.browser.post(`${base(member)}/plan/steps`, { goalId: goal.id, title: "Two" })
      ).json();
      await member.patch(`${base(member)}/plan/steps/${second.id}`, { position: 0 });
      await member.patch(`${base(member)}/plan/steps/${first.id}`, { position: 1 });
      const order = goals(await plan(member))[0]?.steps.map((s: Json) => s.title);
      expect(order).toEqual(["Two", "Find my shoes"]);
    });

    it("get consecutive history numbers when written at the same moment", async () => {
      const member = await person(t);
      const { goal } = await withGoal(member);
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          member.browser.post(`${base(member)}/plan/steps`, { goalId: goal.id, title: `S${i}` }),
        ),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
      const seqs = ((await history(member)).events as Json[]).map((e) => e.seq);
      expect(seqs).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    });

    it("refuse invalid input, naming the field, and write nothing", async () => {
      const member = await person(t);
      const { goal, step } = await withGoal(member);
      const before = await countRows(t, member.id);
      const url = `${base(member)}/plan/steps`;
      const bad: [Promise<{ statusCode: number; json(): Json }>, string][] = [
        [member.browser.post(url, { goalId: goal.id, title: "" }), "title"],
        [member.browser.post(url, { title: "No goal" }), "goalId"],
        [member.browser.post(url, { goalId: goal.id, title: "x", dueDate: "tomorrow" }), "dueDate"],
        [member.patch(`${url}/${step.id}`, { status: "finished" }), "status"],
        [member.patch(`${url}/${step.id}`, { note: "x".repeat(2001) }), "note"],
      ];
      for (const [request, field] of bad) {
        const response = await request;
        expect(response.statusCode).toBe(400);
        expect(response.json().error.field).toBe(field);
      }
      expect(await countRows(t, member.id)).toEqual(before);
    });
  });

  describe("another person's data", () => {
    it("answers another member's goal and step ids with 404 and changes nothing", async () => {
      const owner = await person(t);
      const { goal, step } = await withGoal(owner);
      const other = await person(t);
      const ownerBefore = await countRows(t, owner.id);
      const unknownGoal = await other.patch(`${base(other)}/plan/goals/no-such-goal`, {
        title: "x",
      });
      const attempts = [
        other.patch(`${base(other)}/plan/goals/${goal.id}`, { title: "Mine now" }),
        other.browser.delete(`${base(other)}/plan/goals/${goal.id}`),
        other.browser.post(`${base(other)}/plan/steps`, { goalId: goal.id, title: "Sneaky" }),
        other.patch(`${base(other)}/plan/steps/${step.id}`, { status: "done" }),
        other.browser.delete(`${base(other)}/plan/steps/${step.id}`),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe("not_found");
      }
      // The same answer as for an id that never existed: nothing says the goal is real.
      expect((await attempts[0])?.json().error.message).toBe(unknownGoal.json().error.message);
      expect(await countRows(t, owner.id)).toEqual(ownerBefore);
      expect(await countRows(t, other.id)).toMatchObject({ goals: 0, steps: 0, events: 0 });
    });

    it("refuses reading or writing another member's plan without a grant", async () => {
      const owner = await person(t);
      const { goal } = await withGoal(owner);
      const stranger = await person(t);
      const before = await countRows(t, owner.id);
      const responses = [
        await stranger.browser.get(`${base(owner)}/plan`),
        await stranger.browser.get(`${base(owner)}/plan/history`),
        await stranger.browser.post(`${base(owner)}/intake`, {}),
        await stranger.browser.post(`${base(owner)}/plan/goals`, { domain: "legal", title: "x" }),
        await stranger.patch(`${base(owner)}/plan/goals/${goal.id}`, { title: "x" }),
        await stranger.browser.delete(`${base(owner)}/plan/goals/${goal.id}`),
      ];
      expect(responses.map((r) => r.statusCode)).toEqual(Array(6).fill(403));
      expect(await countRows(t, owner.id)).toEqual(before);
    });

    it("lets someone with a plan grant read the plan and its history, audited, but not change it", async () => {
      const owner = await person(t);
      const { goal } = await withGoal(owner);
      const counselor = await person(t);
      await grant(t, owner.id, counselor.id, ["plan"]);
      const read = await counselor.browser.get(`${base(owner)}/plan`);
      expect(read.statusCode).toBe(200);
      expect(goals(read.json())[0]?.id).toBe(goal.id);
      expect((await counselor.browser.get(`${base(owner)}/plan/history`)).statusCode).toBe(200);
      const write = await counselor.patch(`${base(owner)}/plan/goals/${goal.id}`, { title: "x" });
      expect(write.statusCode).toBe(403);
      const audit = (await owner.browser.get(`${base(owner)}/audit-events`)).json().events;
      expect(audit.map((e: Json) => [e.action, e.outcome])).toEqual([
        ["write:plan", "denied"],
        ["read:plan", "allowed"],
        ["read:plan", "allowed"],
      ]);
    });

    it("asks a signed-out visitor to sign in", async () => {
      const owner = await person(t);
      const response = await t.app.inject({ method: "GET", url: `${base(owner)}/plan` });
      expect(response.statusCode).toBe(401);
    });
  });

  it("publishes every plan operation in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const ids = Object.values(doc.paths as Record<string, Json>).flatMap((path) =>
      Object.values(path).map((operation: Json) => operation.operationId),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        "submitIntake",
        "getPlan",
        "createGoal",
        "updateGoal",
        "deleteGoal",
        "createStep",
        "updateStep",
        "deleteStep",
        "getPlanHistory",
        "getMotivation",
        "updateMotivation",
        "recordReadiness",
        "listReadiness",
        "createPlanReview",
        "listPlanReviews",
      ]),
    );
  });

  describe("getPlanHistory", () => {
    it("pages back through the history, newest first", async () => {
      const member = await person(t);
      await withGoal(member);
      await withGoal(member, "Second");
      const first = await history(member, "?limit=3");
      expect(first.events.map((e: Json) => e.seq)).toEqual([4, 3, 2]);
      expect(first.nextBefore).toBe(2);
      const rest = await history(member, `?limit=3&before=${first.nextBefore}`);
      expect(rest.events.map((e: Json) => e.seq)).toEqual([1]);
      expect(rest.nextBefore).toBeNull();
      const bad = await member.browser.get(`${base(member)}/plan/history?limit=0`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe("limit");
    });
  });
});
