import { z } from "zod";
import type { Locale } from "../api/auth";
import type { LessonId } from "./catalog";

/**
 * A lesson's words in one language. Each lesson and language is its own JSON file, imported
 * only when someone opens that lesson, so twelve lessons in two languages never grow the app's
 * first download. The list of titles is one small file per language (titles.<locale>.json).
 */
const paragraphSchema = z.string().min(1).max(600);

export const lessonTextSchema = z.object({
  screens: z
    .array(z.object({ heading: z.string().min(1).max(120), paragraphs: z.array(paragraphSchema) }))
    .min(1),
  question: z.object({
    prompt: z.string().min(1).max(300),
    options: z.record(
      z.string(),
      z.object({ text: z.string().min(1).max(200), feedback: paragraphSchema }),
    ),
  }),
  tryIt: z.object({
    // Becomes the plan step's title, whose limit is 200 characters.
    title: z.string().min(1).max(200),
    detail: paragraphSchema,
  }),
});
export type LessonText = z.infer<typeof lessonTextSchema>;

export const lessonTitlesSchema = z.record(
  z.string(),
  z.object({ title: z.string().min(1).max(80), summary: z.string().min(1).max(200) }),
);
export type LessonTitles = Record<LessonId, { title: string; summary: string }>;

type JsonModule = Promise<{ default: unknown }>;

// Spelled out file by file so every bundler (Vite, esbuild, Node) splits them the same way.
const TEXT: Record<LessonId, Record<Locale, () => JsonModule>> = {
  triggers: {
    en: () => import("./text/triggers.en.json"),
    es: () => import("./text/triggers.es.json"),
  },
  "urge-surfing": {
    en: () => import("./text/urge-surfing.en.json"),
    es: () => import("./text/urge-surfing.es.json"),
  },
  "refusal-skills": {
    en: () => import("./text/refusal-skills.en.json"),
    es: () => import("./text/refusal-skills.es.json"),
  },
  halt: {
    en: () => import("./text/halt.en.json"),
    es: () => import("./text/halt.es.json"),
  },
  sleep: {
    en: () => import("./text/sleep.en.json"),
    es: () => import("./text/sleep.es.json"),
  },
  "managing-a-lapse": {
    en: () => import("./text/managing-a-lapse.en.json"),
    es: () => import("./text/managing-a-lapse.es.json"),
  },
  "naloxone-and-tolerance": {
    en: () => import("./text/naloxone-and-tolerance.en.json"),
    es: () => import("./text/naloxone-and-tolerance.es.json"),
  },
  "talking-with-family": {
    en: () => import("./text/talking-with-family.en.json"),
    es: () => import("./text/talking-with-family.es.json"),
  },
  "money-and-work": {
    en: () => import("./text/money-and-work.en.json"),
    es: () => import("./text/money-and-work.es.json"),
  },
  "boredom-and-leisure": {
    en: () => import("./text/boredom-and-leisure.en.json"),
    es: () => import("./text/boredom-and-leisure.es.json"),
  },
  "medication-myths": {
    en: () => import("./text/medication-myths.en.json"),
    es: () => import("./text/medication-myths.es.json"),
  },
  "high-risk-day": {
    en: () => import("./text/high-risk-day.en.json"),
    es: () => import("./text/high-risk-day.es.json"),
  },
};

const TITLES: Record<Locale, () => JsonModule> = {
  en: () => import("./text/titles.en.json"),
  es: () => import("./text/titles.es.json"),
};

export async function loadLessonText(id: LessonId, locale: Locale): Promise<LessonText> {
  return lessonTextSchema.parse((await TEXT[id][locale]()).default);
}

export async function loadLessonTitles(locale: Locale): Promise<LessonTitles> {
  return lessonTitlesSchema.parse((await TITLES[locale]()).default) as LessonTitles;
}
