import { z } from "zod";
import type { PlanDomain } from "../plan";

/**
 * The lessons Waymark teaches, as data: each lesson's shape without its words (how many
 * screens, the question's options and which one is right, the plan domain its "try it this
 * week" step belongs to). The words live in ./text/<id>.<locale>.json and load one lesson at a
 * time (./text.ts), so the server judges answers and completion without reading any text and
 * the app's first download carries none of it. Sources: docs/clinical-sources.md, "Lessons".
 */

export const LESSON_IDS = [
  "triggers",
  "urge-surfing",
  "refusal-skills",
  "halt",
  "sleep",
  "managing-a-lapse",
  "naloxone-and-tolerance",
  "talking-with-family",
  "money-and-work",
  "boredom-and-leisure",
  "medication-myths",
  "high-risk-day",
] as const;

export const lessonIdSchema = z.enum(LESSON_IDS);
export type LessonId = z.infer<typeof lessonIdSchema>;

/** Option keys of a question; the text files name their options by these keys. */
export const OPTION_KEYS = ["a", "b", "c", "d"] as const;
export const optionKeySchema = z.enum(OPTION_KEYS);
export type OptionKey = z.infer<typeof optionKeySchema>;

export interface LessonDefinition {
  id: LessonId;
  /** How many short reading screens come before the question. */
  screens: number;
  /** The question's options in the order shown; exactly one is correct. */
  options: readonly { key: OptionKey; correct: boolean }[];
  /** Where the "try it this week" step fits in the plan (the goal picker starts there). */
  planDomain: PlanDomain;
}

const options = (correct: OptionKey, count = 3) =>
  OPTION_KEYS.slice(0, count).map((key) => ({ key, correct: key === correct }));

export const LESSONS: readonly LessonDefinition[] = [
  { id: "triggers", screens: 3, options: options("b"), planDomain: "mental_health" },
  { id: "urge-surfing", screens: 3, options: options("c"), planDomain: "mental_health" },
  { id: "refusal-skills", screens: 3, options: options("a"), planDomain: "relationships" },
  { id: "halt", screens: 3, options: options("b"), planDomain: "physical_health" },
  { id: "sleep", screens: 3, options: options("c"), planDomain: "physical_health" },
  { id: "managing-a-lapse", screens: 3, options: options("a"), planDomain: "mental_health" },
  {
    id: "naloxone-and-tolerance",
    screens: 3,
    options: options("b"),
    planDomain: "physical_health",
  },
  { id: "talking-with-family", screens: 3, options: options("c"), planDomain: "home_family" },
  { id: "money-and-work", screens: 3, options: options("a"), planDomain: "finances" },
  { id: "boredom-and-leisure", screens: 3, options: options("b"), planDomain: "lifestyle" },
  { id: "medication-myths", screens: 3, options: options("c"), planDomain: "medication" },
  { id: "high-risk-day", screens: 3, options: options("a"), planDomain: "lifestyle" },
];

export function findLesson(id: string): LessonDefinition | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
