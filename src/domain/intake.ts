import { z } from "zod";
import { localDateSchema, PLAN_DOMAINS, type PlanDomain, planDomainSchema } from "./plan";
import { GOALS, type GoalTemplate, type StepTemplate } from "./plan-templates";

/**
 * The intake: about ten skippable questions, and the pure function that turns the answers
 * into a starter plan the person then makes their own. Every answer is optional; skipping
 * all of them still gives a small, useful plan.
 */

export const intakeStageSchema = z.enum([
  "thinking_about_change",
  "getting_ready",
  "recently_started",
  "in_recovery_a_while",
  "back_after_lapse",
]);
export type IntakeStage = z.infer<typeof intakeStageSchema>;

export const treatmentSchema = z.enum([
  "none",
  "detox",
  "methadone",
  "buprenorphine",
  "naltrexone",
  "counseling",
  "residential",
]);
export type Treatment = z.infer<typeof treatmentSchema>;

export const supportPersonSchema = z.object({
  name: z.string().trim().min(1).max(80),
  role: z.string().trim().max(40).optional(),
});

export const intakeAnswersSchema = z.object({
  stage: intakeStageSchema.optional(),
  /** One treatment or several (someone can be on methadone and in counseling). */
  treatment: z.union([treatmentSchema, z.array(treatmentSchema).max(7)]).optional(),
  domains: z.array(planDomainSchema).max(PLAN_DOMAINS.length).optional(),
  whatMattersMost: z.string().trim().max(1000).optional(),
  supportPeople: z.array(supportPersonSchema).max(20).optional(),
  recoveryStart: localDateSchema.optional(),
  costPerDay: z.number().min(0).max(100_000).optional(),
  hasCourtDates: z.boolean().optional(),
  unstableHousing: z.boolean().optional(),
  hasChildren: z.boolean().optional(),
});
export type IntakeAnswers = z.infer<typeof intakeAnswersSchema>;

export interface StarterStep {
  templateKey: string;
  /** The supporter named in the intake, for steps done together with someone. */
  helper: string | null;
}

export interface StarterGoal {
  templateKey: string;
  whyKey: string;
  steps: StarterStep[];
}

export interface StarterPlan {
  /** A short opening line for this stage; contemplation is named as progress, not a lack. */
  introKey: string;
  domains: { domain: PlanDomain; goals: StarterGoal[] }[];
}

/** "none" next to a real treatment means nothing; the list is de-duplicated and ordered. */
export function normalizeTreatment(treatment: IntakeAnswers["treatment"]): Treatment[] {
  const list = treatment === undefined ? [] : Array.isArray(treatment) ? treatment : [treatment];
  const unique = treatmentSchema.options.filter((option) => list.includes(option));
  return unique.length > 1 ? unique.filter((option) => option !== "none") : unique;
}

const TREATMENT_GOALS: [Treatment, GoalTemplate][] = [
  ["methadone", GOALS.medication.methadone],
  ["buprenorphine", GOALS.medication.buprenorphine],
  ["naltrexone", GOALS.medication.naltrexone],
  ["residential", GOALS.medication.residential],
  ["counseling", GOALS.medication.counseling],
];

/**
 * Which domains a person's answers call for, in the plan's fixed order: the ones they chose,
 * plus the ones their situation makes pressing (court dates → legal, no steady home →
 * housing, a treatment → medication, detox → withdrawal, a recent lapse → mental health,
 * children → home and family). No answers at all gives a small default.
 */
export function starterDomains(answers: IntakeAnswers): PlanDomain[] {
  const treatment = normalizeTreatment(answers.treatment);
  const wanted = new Set<PlanDomain>(answers.domains ?? []);
  if (answers.hasCourtDates) wanted.add("legal");
  if (answers.unstableHousing) wanted.add("housing");
  if (answers.hasChildren) wanted.add("home_family");
  if (treatment.includes("detox")) wanted.add("withdrawal");
  if (TREATMENT_GOALS.some(([kind]) => treatment.includes(kind))) wanted.add("medication");
  if (answers.stage === "back_after_lapse") wanted.add("mental_health");
  if (wanted.size === 0) {
    const fallback: PlanDomain[] =
      answers.stage === "thinking_about_change"
        ? ["purpose_faith"]
        : ["support_groups", "lifestyle"];
    for (const domain of fallback) wanted.add(domain);
  }
  return PLAN_DOMAINS.filter((domain) => wanted.has(domain));
}

/** Builds the starter plan. Pure and deterministic: the same answers give the same plan. */
export function buildStarterPlan(answers: IntakeAnswers): StarterPlan {
  const helper = answers.supportPeople?.[0]?.name ?? null;
  const seen = new Set<string>();
  const toStep = (step: StepTemplate): StarterStep | null => {
    if (seen.has(step.key)) return null;
    seen.add(step.key);
    return { templateKey: step.key, helper: step.withSomeone ? helper : null };
  };
  const domains = starterDomains(answers).map((domain) => ({
    domain,
    goals: goalTemplatesFor(domain, answers).map((template) => ({
      templateKey: template.key,
      whyKey: template.whyKey,
      steps: stepsOf(template, answers)
        .map(toStep)
        .filter((step): step is StarterStep => step !== null),
    })),
  }));
  return { introKey: `plan.intro.${answers.stage ?? "none"}`, domains };
}

function stepsOf(template: GoalTemplate, answers: IntakeAnswers): StepTemplate[] {
  if (template === GOALS.finances.clearPicture && (answers.costPerDay ?? 0) > 0) {
    return [...template.steps, GOALS.finances.saveRegained];
  }
  return [...template.steps];
}

/**
 * The goals for one domain. Someone thinking about change gets gentle "explore" goals, except
 * where their situation will not wait (court dates, housing, a treatment they are already in).
 */
function goalTemplatesFor(domain: PlanDomain, answers: IntakeAnswers): GoalTemplate[] {
  const exploring = answers.stage === "thinking_about_change";
  const chosen = answers.domains?.includes(domain) ?? false;
  const treatment = normalizeTreatment(answers.treatment);
  switch (domain) {
    case "withdrawal":
      return [
        exploring && !treatment.includes("detox")
          ? GOALS.withdrawal.explore
          : GOALS.withdrawal.getThrough,
      ];
    case "medication": {
      const specific = TREATMENT_GOALS.filter(([kind]) => treatment.includes(kind)).map(
        ([, template]) => template,
      );
      if (specific.length > 0) return specific;
      return [exploring ? GOALS.medication.explore : GOALS.medication.learnOptions];
    }
    case "mental_health": {
      const goals: GoalTemplate[] = [];
      if (answers.stage === "back_after_lapse") goals.push(GOALS.mental_health.backOnPath);
      if (chosen || goals.length === 0) {
        goals.push(exploring ? GOALS.mental_health.explore : GOALS.mental_health.feelSteadier);
      }
      return goals;
    }
    case "home_family": {
      const goals: GoalTemplate[] = [];
      if (answers.hasChildren) goals.push(GOALS.home_family.children);
      if (chosen || goals.length === 0) {
        goals.push(exploring ? GOALS.home_family.explore : GOALS.home_family.rebuildTrust);
      }
      return goals;
    }
    case "legal":
      if (answers.hasCourtDates) return [GOALS.legal.courtDates];
      return [exploring ? GOALS.legal.explore : GOALS.legal.sortOut];
    case "housing":
      if (answers.unstableHousing) return [GOALS.housing.safePlace];
      return [exploring ? GOALS.housing.explore : GOALS.housing.keepHome];
    case "physical_health":
      return [exploring ? GOALS.physical_health.explore : GOALS.physical_health.checkup];
    case "relationships":
      return [exploring ? GOALS.relationships.explore : GOALS.relationships.supportive];
    case "support_groups":
      return [exploring ? GOALS.support_groups.explore : GOALS.support_groups.findGroup];
    case "work_education":
      return [exploring ? GOALS.work_education.explore : GOALS.work_education.nextStep];
    case "finances":
      return [exploring ? GOALS.finances.explore : GOALS.finances.clearPicture];
    case "purpose_faith":
      return [exploring ? GOALS.purpose_faith.explore : GOALS.purpose_faith.whatMatters];
    case "lifestyle":
      return [exploring ? GOALS.lifestyle.explore : GOALS.lifestyle.dailyRhythm];
  }
}
