import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestPerson as Person, share, signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { findLesson } from "../../../domain/lessons/catalog";
import type { Role } from "../../../domain/roles";

const LESSON = "halt";
const halt = findLesson(LESSON);
if (!halt) throw new Error("the HALT lesson is in the catalog");
const RIGHT = halt.options.find((option) => option.correct)?.key as string;
const WRONG = halt.options.find((option) => !option.correct)?.key as string;

describe.each(DIALECTS)("lessons on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const person = (displayName: string, role?: Role) => signUp(t, displayName, role);

  async function readTo(member: Person, lessonId: string, last: number) {
    for (let position = 0; position <= last; position += 1) {
      const moved = await member.browser.put(
        `/api/members/${member.id}/lessons/${lessonId}/position`,
        { position },
      );
      expect(moved.statusCode).toBe(200);
    }
  }

  function audit(memberId: string) {
    return t.store.db
      .selectFrom("audit_events")
      .select(["actor_id", "action", "outcome", "resource"])
      .where("member_id", "=", memberId)
      .orderBy("seq")
      .execute();
  }

  it("takes a member through a lesson in order, and finishes it once", async () => {
    const alex = await person("Alex");
    const base = `/api/members/${alex.id}/lessons`;
    const list = await alex.browser.get(base);
    expect(list.statusCode).toBe(200);
    expect(list.json().lessons.length).toBeGreaterThanOrEqual(12);
    expect(list.json().lessons.every((l: { status: string }) => l.status === "not_started")).toBe(
      true,
    );

    // No skipping ahead, no answering before the screens, no finishing early.
    const skipped = await alex.browser.put(`${base}/${LESSON}/position`, { position: 2 });
    expect(skipped.statusCode).toBe(422);
    expect(skipped.json().error).toMatchObject({
      code: "lesson_position_refused",
      field: "position",
    });
    expect(
      (await alex.browser.post(`${base}/${LESSON}/answers`, { option: RIGHT })).statusCode,
    ).toBe(409);
    await readTo(alex, LESSON, 1);
    const midway = (await alex.browser.get(base))
      .json()
      .lessons.find((l: { lessonId: string }) => l.lessonId === LESSON);
    expect(midway).toMatchObject({ status: "in_progress", position: 1, furthest: 1 });
    // Going back keeps the furthest screen, so the member resumes where they were.
    const back = await alex.browser.put(`${base}/${LESSON}/position`, { position: 0 });
    expect(back.json()).toMatchObject({ position: 0, furthest: 1 });

    await readTo(alex, LESSON, halt.screens);
    expect((await alex.browser.post(`${base}/${LESSON}/completion`)).statusCode).toBe(409);
    const unknown = await alex.browser.post(`${base}/${LESSON}/answers`, { option: "d" });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.field).toBe("option");

    // A wrong answer is explained and may be retried; a retry of the same request is one answer.
    const key = { "idempotency-key": `answer-${alex.id}` };
    const wrong = await alex.browser.post(`${base}/${LESSON}/answers`, { option: WRONG }, key);
    expect(wrong.json()).toMatchObject({ correct: false, lesson: { answeredCorrectly: false } });
    const replay = await alex.browser.post(`${base}/${LESSON}/answers`, { option: WRONG }, key);
    expect(replay.json()).toEqual(wrong.json());
    const right = await alex.browser.post(`${base}/${LESSON}/answers`, { option: RIGHT });
    expect(right.json()).toMatchObject({ correct: true, lesson: { answeredCorrectly: true } });
    const progress = await t.store.db
      .selectFrom("lesson_progress")
      .select(["attempts", "last_answer"])
      .where("member_id", "=", alex.id)
      .executeTakeFirstOrThrow();
    expect(progress).toEqual({ attempts: 2, last_answer: RIGHT });

    const doneKey = { "idempotency-key": `done-${alex.id}` };
    const done = await alex.browser.post(`${base}/${LESSON}/completion`, {}, doneKey);
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ status: "done", lessonId: LESSON });
    const retried = await alex.browser.post(`${base}/${LESSON}/completion`, {}, doneKey);
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toEqual(done.json());
    // Finishing again without a key is no second completion either.
    const again = await alex.browser.post(`${base}/${LESSON}/completion`);
    expect(again.statusCode).toBe(200);
    expect(again.json().completedAt).toBe(done.json().completedAt);
    const completions = await t.store.db
      .selectFrom("lesson_completions")
      .select(["lesson_id", "completed_at"])
      .where("member_id", "=", alex.id)
      .execute();
    expect(completions).toEqual([{ lesson_id: LESSON, completed_at: done.json().completedAt }]);
    // A member's own reads and writes are not audit events.
    expect(await audit(alex.id)).toEqual([]);
  });

  it("adds the lesson's try-it step to the plan through the plan's own step creation", async () => {
    const alex = await person("Alex");
    const goal = await alex.browser.post(`/api/members/${alex.id}/plan/goals`, {
      domain: "physical_health",
      title: "Look after my body",
    });
    const goalId = goal.json().id as string;
    const url = `/api/members/${alex.id}/lessons/${LESSON}/plan-step`;
    const body = { goalId, title: "Do a HALT check at the same time every day" };
    const missingGoal = await alex.browser.post(url, { ...body, goalId: "no-such-goal" });
    expect(missingGoal.statusCode).toBe(404);
    expect(missingGoal.json().error.field).toBe("goalId");
    const key = { "idempotency-key": `step-${alex.id}` };
    const added = await alex.browser.post(url, body, key);
    expect(added.statusCode).toBe(201);
    expect((await alex.browser.post(url, body, key)).json()).toEqual(added.json());
    const stepId = added.json().planStepId as string;
    expect(added.json().lesson.planStepId).toBe(stepId);

    const plan = (await alex.browser.get(`/api/members/${alex.id}/plan`)).json();
    const steps = plan.domains.flatMap(
      (d: { goals: { steps: { id: string; title: string }[] }[] }) =>
        d.goals.flatMap((g) => g.steps),
    );
    expect(steps).toContainEqual(expect.objectContaining({ id: stepId, title: body.title }));
    // The plan's history sees it like any step the member made, so undo works on it.
    const history = (await alex.browser.get(`/api/members/${alex.id}/plan/history`)).json();
    expect(history.events[0]).toMatchObject({
      entity: "step",
      entityId: stepId,
      action: "created",
      actorId: alex.id,
    });

    const twice = await alex.browser.post(url, body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("already_in_plan");
    // Once the member deletes the step, the lesson offers it again.
    await alex.browser.delete(`/api/members/${alex.id}/plan/steps/${stepId}`);
    expect((await alex.browser.post(url, body)).statusCode).toBe(201);
  });

  it("keeps a member's lessons from everyone else, and audits each refusal", async () => {
    const alex = await person("Alex");
    const other = await person("Riley");
    const base = `/api/members/${alex.id}/lessons`;
    expect((await other.browser.get(base)).statusCode).toBe(403);
    const writes = [
      await other.browser.put(`${base}/${LESSON}/position`, { position: 0 }),
      await other.browser.post(`${base}/${LESSON}/answers`, { option: RIGHT }),
      await other.browser.post(`${base}/${LESSON}/completion`),
      await other.browser.post(`${base}/${LESSON}/plan-step`, { goalId: "g", title: "Step" }),
    ];
    for (const response of writes) expect(response.statusCode).toBe(403);
    const events = await audit(alex.id);
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.actor_id === other.id && e.outcome === "denied")).toBe(true);
    expect(events.map((e) => e.action)).toEqual([
      "read:lessons",
      "write:lessons",
      "write:lessons",
      "write:lessons",
      "write:lessons",
    ]);
    expect(
      await t.store.db
        .selectFrom("lesson_progress")
        .select("member_id")
        .where("member_id", "=", alex.id)
        .execute(),
    ).toEqual([]);
  });

  it("lets a clinician with a lessons grant assign a lesson, and nobody else", async () => {
    const alex = await person("Alex");
    const sam = await person("Sam Rivera", "clinician");
    const jo = await person("Jo", "supporter");
    const url = `/api/members/${alex.id}/lesson-assignments`;
    const body = { lessonId: "urge-surfing" };

    // Without a grant, or with a grant that names only the plan: 403 whatever was sent.
    expect((await sam.browser.post(url, body)).statusCode).toBe(403);
    expect((await sam.browser.post(url, { nonsense: true })).statusCode).toBe(403);
    await share(alex, sam, ["plan"]);
    expect((await sam.browser.post(url, body)).statusCode).toBe(403);
    expect((await alex.browser.post(url, body)).statusCode).toBe(403);
    const grantId = await share(alex, sam, ["lessons"]);
    // A supporter who may see lessons does not assign them.
    await share(alex, jo, ["lessons"]);
    expect((await jo.browser.post(url, body)).statusCode).toBe(403);
    expect((await sam.browser.post(url, { lessonId: "not-a-lesson" })).statusCode).toBe(400);

    const key = { "idempotency-key": `assign-${sam.id}` };
    const assigned = await sam.browser.post(url, body, key);
    expect(assigned.statusCode).toBe(201);
    expect(assigned.json()).toMatchObject({ lessonId: "urge-surfing", by: { id: sam.id } });
    expect((await sam.browser.post(url, body, key)).json()).toEqual(assigned.json());
    expect((await sam.browser.post(url, body)).statusCode).toBe(200);

    const mine = (await alex.browser.get(`/api/members/${alex.id}/lessons`)).json();
    const lesson = mine.lessons.find((l: { lessonId: string }) => l.lessonId === "urge-surfing");
    expect(lesson.assignment).toMatchObject({ by: { id: sam.id, displayName: "Sam Rivera" } });

    const read = await sam.browser.get(`/api/members/${alex.id}/lessons`);
    expect(read.statusCode).toBe(200);
    expect(read.headers["x-redisclosure-notice"]).toBeTruthy();
    const events = await audit(alex.id);
    const allowedWrites = events.filter(
      (e) => e.action === "write:lessons" && e.outcome === "allowed",
    );
    // One allowed write for the one new assignment (retries and repeats log nothing new).
    expect(allowedWrites).toHaveLength(1);
    expect(
      events.filter((e) => e.action === "write:lessons" && e.outcome === "denied"),
    ).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({
      actor_id: sam.id,
      action: "read:lessons",
      outcome: "allowed",
    });

    // The clinician cannot move through, answer or finish the member's lesson.
    const put = await sam.browser.put(`/api/members/${alex.id}/lessons/urge-surfing/position`, {
      position: 0,
    });
    expect(put.statusCode).toBe(403);

    // The clinician can take an assignment back (their undo); nobody else can.
    const assignment = `/api/members/${alex.id}/lesson-assignments/urge-surfing`;
    expect((await jo.browser.delete(assignment)).statusCode).toBe(403);
    expect((await alex.browser.delete(assignment)).statusCode).toBe(403);
    expect((await sam.browser.delete(assignment)).statusCode).toBe(200);
    expect((await sam.browser.delete(assignment)).statusCode).toBe(404);
    const after = (await alex.browser.get(`/api/members/${alex.id}/lessons`)).json();
    expect(
      after.lessons.find((l: { lessonId: string }) => l.lessonId === "urge-surfing").assignment,
    ).toBeNull();
    const writes = (await audit(alex.id)).filter((e) => e.action === "write:lessons");
    expect(writes.filter((e) => e.outcome === "allowed").map((e) => e.resource)).toEqual([
      "lesson assignment",
      "lesson assignment withdrawn",
    ]);

    await alex.browser.post(`/api/consents/${grantId}/revoke`);
    expect((await sam.browser.post(url, { lessonId: "sleep" })).statusCode).toBe(403);
    expect((await sam.browser.delete(assignment)).statusCode).toBe(403);
    expect((await sam.browser.get(`/api/members/${alex.id}/lessons`)).statusCode).toBe(403);
  });

  it("shows lessons done and assigned on the caseload only under a lessons grant", async () => {
    const alex = await person("Alex");
    const robin = await person("Robin");
    const sam = await person("Sam", "clinician");
    await share(alex, sam, ["checkins", "lessons"]);
    await share(robin, sam, ["checkins"]);
    await sam.browser.post(`/api/members/${alex.id}/lesson-assignments`, { lessonId: LESSON });
    await sam.browser.post(`/api/members/${alex.id}/lesson-assignments`, { lessonId: "sleep" });
    await readTo(alex, LESSON, halt.screens);
    await alex.browser.post(`/api/members/${alex.id}/lessons/${LESSON}/answers`, { option: RIGHT });
    await alex.browser.post(`/api/members/${alex.id}/lessons/${LESSON}/completion`);

    const caseload = (await sam.browser.get("/api/care/caseload")).json();
    const line = (id: string) =>
      caseload.members.find((m: { memberId: string }) => m.memberId === id);
    expect(line(alex.id).lessons).toEqual({ done: 1, assigned: 2, assignedDone: 1 });
    expect(line(robin.id).lessons).toBeNull();
    const events = await audit(alex.id);
    expect(events.at(-1)).toMatchObject({ action: "read:caseload" });
    expect(events.at(-1)?.resource).toMatch(/; lessons$/);
  });

  it("lets a clinician shown only lessons open the member's summary, to reach them", async () => {
    const alex = await person("Alex");
    const sam = await person("Sam", "clinician");
    await share(alex, sam, ["lessons"]);
    const summary = await sam.browser.get(`/api/members/${alex.id}/summary`);
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({ categories: ["lessons"], plan: null, checkins: null });
  });
});
