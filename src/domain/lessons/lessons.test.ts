import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localeSchema } from "../api/auth";
import { LESSON_IDS, LESSONS, type LessonDefinition } from "./catalog";
import {
  answer,
  canComplete,
  type LessonProgress,
  lastPosition,
  lessonStatus,
  moveTo,
  questionPosition,
} from "./engine";
import { type LessonText, loadLessonText, loadLessonTitles } from "./text";

const LOCALES = localeSchema.options;

async function allTexts() {
  const texts: { lesson: LessonDefinition; locale: string; text: LessonText }[] = [];
  for (const lesson of LESSONS) {
    for (const locale of LOCALES) {
      texts.push({ lesson, locale, text: await loadLessonText(lesson.id, locale) });
    }
  }
  return texts;
}

/** The shape of a value with its words taken out: keys, array lengths, nothing else. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, shape(inner)]),
    );
  }
  return typeof value;
}

describe("the lesson catalog", () => {
  it("has at least twelve lessons, each once, in the order of LESSON_IDS", () => {
    expect(LESSONS.map((lesson) => lesson.id)).toEqual([...LESSON_IDS]);
    expect(LESSONS.length).toBeGreaterThanOrEqual(12);
  });

  it("gives every question exactly one correct answer among at least two options", () => {
    for (const lesson of LESSONS) {
      expect(
        lesson.options.filter((option) => option.correct),
        lesson.id,
      ).toHaveLength(1);
      expect(lesson.options.length, lesson.id).toBeGreaterThanOrEqual(2);
      expect(new Set(lesson.options.map((o) => o.key)).size, lesson.id).toBe(lesson.options.length);
    }
  });

  it("has words for every lesson in every language, shaped as the catalog says", async () => {
    for (const { lesson, locale, text } of await allTexts()) {
      const label = `${lesson.id}.${locale}`;
      expect(text.screens, label).toHaveLength(lesson.screens);
      expect(Object.keys(text.question.options).sort(), label).toEqual(
        lesson.options.map((option) => option.key).sort(),
      );
    }
  });

  it("has the same keys and the same number of screens and paragraphs in both languages", async () => {
    for (const lesson of LESSONS) {
      const [english, spanish] = await Promise.all(
        LOCALES.map((locale) => loadLessonText(lesson.id, locale)),
      );
      expect(shape(spanish), lesson.id).toEqual(shape(english));
    }
    const titles = await Promise.all(LOCALES.map((locale) => loadLessonTitles(locale)));
    for (const catalog of titles)
      expect(Object.keys(catalog).sort()).toEqual([...LESSON_IDS].sort());
  });

  it("never uses stigmatizing words, never names a dose, and says desliz in Spanish", async () => {
    const stigmatizing =
      /\b(addicts?|junkies?|clean|dirty|abusers?|adictos?|adictas?|drogadictos?|limpios?|limpias?|sucios?|sucias?)\b/i;
    // "Relapse prevention" is the name of a method; "relapse" on its own reads as blame.
    const relapse = /\brelapses?\b(?! prevention)|\breca[ií]das?\b/i;
    for (const { lesson, locale, text } of await allTexts()) {
      const words = JSON.stringify(text).replaceAll(/prevenci[oó]n de reca[ií]das/gi, "");
      expect(words, `${lesson.id}.${locale}`).not.toMatch(stigmatizing);
      expect(words, `${lesson.id}.${locale}`).not.toMatch(relapse);
      expect(words, `${lesson.id}.${locale}`).not.toMatch(
        /\d+\s*(mg|ml|milligrams?|miligramos?)\b/i,
      );
    }
    const spanishLapse = await loadLessonText("managing-a-lapse", "es");
    expect(JSON.stringify(spanishLapse)).toMatch(/desliz/);
  });
});

describe("moving through a lesson", () => {
  const lesson = LESSONS[0] as LessonDefinition;
  const correct = lesson.options.find((option) => option.correct)?.key ?? "a";
  const wrong = lesson.options.find((option) => !option.correct)?.key ?? "b";

  it("goes one step at a time, never past a screen not yet read", () => {
    expect(moveTo(lesson, null, 1)).toMatchObject({ ok: true, progress: { furthest: 1 } });
    expect(moveTo(lesson, null, 2)).toEqual({ ok: false, reason: "skipped_ahead" });
    expect(moveTo(lesson, null, lastPosition(lesson) + 1)).toEqual({
      ok: false,
      reason: "out_of_range",
    });
    expect(moveTo(lesson, null, -1)).toEqual({ ok: false, reason: "out_of_range" });
  });

  it("lets the member go back and resume where they were, keeping the furthest step", () => {
    const at = { position: 3, furthest: 3, answeredCorrectly: false, completedAt: null };
    const back = moveTo(lesson, at, 1);
    expect(back).toEqual({ ok: true, progress: { ...at, position: 1, furthest: 3 } });
  });

  it("takes an answer only at the question, and keeps a right answer after a wrong one", () => {
    const reading = { position: 1, furthest: 1, answeredCorrectly: false, completedAt: null };
    expect(answer(lesson, reading, correct)).toEqual({ ok: false, reason: "not_at_question" });
    const atQuestion = { ...reading, position: 3, furthest: questionPosition(lesson) };
    expect(answer(lesson, atQuestion, "z")).toEqual({ ok: false, reason: "unknown_option" });
    const first = answer(lesson, atQuestion, wrong);
    expect(first).toMatchObject({ ok: true, correct: false });
    const right = answer(lesson, atQuestion, correct);
    expect(right).toMatchObject({ ok: true, correct: true });
    if (!right.ok) throw new Error("expected an answer");
    expect(answer(lesson, right.progress, wrong)).toMatchObject({
      ok: true,
      correct: false,
      progress: { answeredCorrectly: true },
    });
  });

  it("names the status from the progress", () => {
    expect(lessonStatus(null)).toBe("not_started");
    const progress = { position: 0, furthest: 0, answeredCorrectly: false, completedAt: null };
    expect(lessonStatus(progress)).toBe("in_progress");
    expect(lessonStatus({ ...progress, completedAt: "2026-12-05T10:00:00.000Z" })).toBe("done");
  });

  it("is complete only after every screen and a right answer, whatever the member does", () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant("move" as const), to: fc.integer({ min: -1, max: 7 }) }),
      fc.record({
        kind: fc.constant("answer" as const),
        option: fc.constantFrom("a", "b", "c", "d", "z"),
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...LESSONS), fc.array(action, { maxLength: 30 }), (l, steps) => {
        let progress: LessonProgress | null = null;
        let seen = 0;
        let answeredRightAtQuestion = false;
        for (const step of steps) {
          if (step.kind === "move") {
            const moved = moveTo(l, progress, step.to);
            if (moved.ok) {
              progress = moved.progress;
              seen = Math.max(seen, step.to);
            }
          } else {
            const answered = answer(l, progress, step.option);
            if (answered.ok) {
              progress = answered.progress;
              answeredRightAtQuestion ||= answered.correct;
            }
          }
          // Never beyond the last step, and the furthest is the furthest step reached.
          if (progress) {
            expect(progress.furthest).toBeLessThanOrEqual(lastPosition(l));
            expect(progress.furthest).toBe(seen);
          }
        }
        expect(canComplete(l, progress)).toBe(
          seen >= questionPosition(l) && answeredRightAtQuestion,
        );
      }),
    );
  });
});
