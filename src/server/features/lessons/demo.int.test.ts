import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { seedLessonsDemo } from "../../../cli/demo/lessons";

describe.each(DIALECTS)("Alex's demo lessons on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("shows two lessons done, one halfway and one assigned, and seeds once", async () => {
    const { browser, id: alexId } = await signUp(t, "Alex");
    const now = new Date("2026-11-26T15:00:00Z");
    await seedLessonsDemo(t.store.db, alexId, alexId, now);
    await seedLessonsDemo(t.store.db, alexId, alexId, now);
    const lessons = (await browser.get(`/api/members/${alexId}/lessons`)).json().lessons as {
      lessonId: string;
      status: string;
      assignment: unknown;
    }[];
    const status = Object.fromEntries(lessons.map((l) => [l.lessonId, l.status]));
    expect(status).toMatchObject({
      triggers: "done",
      halt: "done",
      "managing-a-lapse": "in_progress",
      "urge-surfing": "not_started",
    });
    expect(lessons.filter((l) => l.assignment !== null).map((l) => l.lessonId)).toEqual([
      "urge-surfing",
    ]);
  });
});
