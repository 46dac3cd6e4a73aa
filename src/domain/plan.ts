import { z } from "zod";

/**
 * The recovery plan's vocabulary: the fixed life domains (also API values), the statuses a
 * goal or step can have, and the weekly review rule. Pure; shared by server and PWA.
 */

/** Fixed keys, in the order the plan shows them (DESIGN.md §2.1). */
export const PLAN_DOMAINS = [
  "withdrawal",
  "medication",
  "physical_health",
  "mental_health",
  "home_family",
  "relationships",
  "support_groups",
  "legal",
  "housing",
  "work_education",
  "finances",
  "purpose_faith",
  "lifestyle",
] as const;
export const planDomainSchema = z.enum(PLAN_DOMAINS);
export type PlanDomain = z.infer<typeof planDomainSchema>;

export const goalStatusSchema = z.enum(["active", "done", "dropped"]);
export type GoalStatus = z.infer<typeof goalStatusSchema>;

export const stepStatusSchema = z.enum(["todo", "doing", "done", "dropped"]);
export type StepStatus = z.infer<typeof stepStatusSchema>;

/** A calendar day as the member lives it: 'YYYY-MM-DD', checked to be a real date. */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date like 2026-03-01" })
  .refine(isRealDate, { message: "That date does not exist" });

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Whole calendar days from one local date to another (no time zones involved: both are days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayNumber(to) - dayNumber(from)) / 86_400_000);
}

function dayNumber(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

/** The local date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(dayNumber(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The weekly plan check comes round every seven days. */
export const PLAN_REVIEW_INTERVAL_DAYS = 7;

/**
 * When the next weekly review is due: seven days after the last one, or, before the first,
 * seven days after the plan began (a person who just made a plan is not asked to review it).
 * Null when there is no plan yet.
 */
export function nextPlanReviewDate(
  lastReviewDate: string | null,
  planStartedOn: string | null = null,
): string | null {
  const from = lastReviewDate ?? planStartedOn;
  return from === null ? null : addDays(from, PLAN_REVIEW_INTERVAL_DAYS);
}

/** Due when at least seven days have passed since the last review (or since the plan began). */
export function planReviewDue(
  lastReviewDate: string | null,
  today: string,
  planStartedOn: string | null = null,
): boolean {
  const next = nextPlanReviewDate(lastReviewDate, planStartedOn);
  return next !== null && daysBetween(next, today) >= 0;
}
