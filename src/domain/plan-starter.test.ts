import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildStarterPlan,
  type IntakeAnswers,
  intakeStageSchema,
  normalizeTreatment,
  type StarterPlan,
  treatmentSchema,
} from "./intake";
import { PLAN_DOMAINS } from "./plan";
import { PLAN_CATALOGS } from "./plan-catalog/catalog";
import { allGoalTemplates } from "./plan-templates";

const intakeArbitrary: fc.Arbitrary<IntakeAnswers> = fc.record(
  {
    stage: fc.constantFrom(...intakeStageSchema.options),
    treatment: fc.oneof(
      fc.constantFrom(...treatmentSchema.options),
      fc.uniqueArray(fc.constantFrom(...treatmentSchema.options), { maxLength: 7 }),
    ),
    domains: fc.uniqueArray(fc.constantFrom(...PLAN_DOMAINS), { maxLength: PLAN_DOMAINS.length }),
    whatMattersMost: fc.string({ maxLength: 40 }),
    supportPeople: fc.array(
      fc.record({ name: fc.string({ minLength: 1, maxLength: 10 }) }, { requiredKeys: ["name"] }),
      { maxLength: 3 },
    ),
    recoveryStart: fc.constant("2026-01-15"),
    costPerDay: fc.double({ min: 0, max: 500, noNaN: true }),
    hasCourtDates: fc.boolean(),
    unstableHousing: fc.boolean(),
    hasChildren: fc.boolean(),
  },
  { requiredKeys: [] },
);

const stepKeys = (plan: StarterPlan) =>
  plan.domains.flatMap((domain) =>
    domain.goals.flatMap((goal) => goal.steps.map((step) => step.templateKey)),
  );
const goalKeys = (plan: StarterPlan) =>
  plan.domains.flatMap((domain) => domain.goals.map((goal) => goal.templateKey));
const textKeys = (plan: StarterPlan) => [
  plan.introKey,
  ...plan.domains.map((domain) => `plan.domain.${domain.domain}`),
  ...plan.domains.flatMap((domain) =>
    domain.goals.flatMap((goal) => [goal.templateKey, goal.whyKey]),
  ),
  ...stepKeys(plan),
];

/** The treatment steps that must appear for each treatment a person is in. */
const TREATMENT_STEPS: Record<string, string[]> = {
  methadone: ["plan.medication.step.clinicRoutine", "plan.medication.step.missedDose"],
  buprenorphine: ["plan.medication.step.dailyReminder", "plan.medication.step.nextAppointment"],
  naltrexone: ["plan.medication.step.nextDoseDate", "plan.medication.step.stoppingRisk"],
  residential: ["plan.medication.step.aftercarePlan"],
  counseling: ["plan.medication.step.nextSession"],
  detox: ["plan.withdrawal.step.talkToDoctor", "plan.withdrawal.step.whenToGetHelp"],
};

describe("the starter plan", () => {
  it("includes every domain the person chose, in the fixed order, each with goals and steps", () => {
    fc.assert(
      fc.property(intakeArbitrary, (answers) => {
        const plan = buildStarterPlan(answers);
        const domains = plan.domains.map((entry) => entry.domain);
        for (const chosen of answers.domains ?? []) expect(domains).toContain(chosen);
        expect(domains).toEqual(PLAN_DOMAINS.filter((domain) => domains.includes(domain)));
        expect(domains.length).toBeGreaterThan(0);
        for (const domain of plan.domains) {
          expect(domain.goals.length).toBeGreaterThan(0);
          for (const goal of domain.goals) expect(goal.steps.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("never suggests the same step or goal twice", () => {
    fc.assert(
      fc.property(intakeArbitrary, (answers) => {
        const plan = buildStarterPlan(answers);
        expect(new Set(stepKeys(plan)).size).toBe(stepKeys(plan).length);
        expect(new Set(goalKeys(plan)).size).toBe(goalKeys(plan).length);
      }),
    );
  });

  it("only uses words that exist in every language", () => {
    fc.assert(
      fc.property(intakeArbitrary, (answers) => {
        for (const key of textKeys(buildStarterPlan(answers))) {
          for (const [locale, catalog] of Object.entries(PLAN_CATALOGS)) {
            expect(catalog[key], `${key} in ${locale}`).toEqual(expect.any(String));
          }
        }
      }),
    );
  });

  it("gives each treatment its own steps", () => {
    fc.assert(
      fc.property(intakeArbitrary, (answers) => {
        const keys = stepKeys(buildStarterPlan(answers));
        for (const treatment of normalizeTreatment(answers.treatment)) {
          for (const step of TREATMENT_STEPS[treatment] ?? []) expect(keys).toContain(step);
        }
      }),
    );
  });

  it("gives court dates a legal step and an unsteady home a housing step, whatever the stage", () => {
    fc.assert(
      fc.property(intakeArbitrary, (answers) => {
        const keys = stepKeys(buildStarterPlan(answers));
        if (answers.hasCourtDates) expect(keys).toContain("plan.legal.step.listDates");
        if (answers.unstableHousing) expect(keys).toContain("plan.housing.step.safeThisWeek");
        if (answers.stage === "back_after_lapse") {
          expect(keys).toContain("plan.mental_health.step.lookBack");
          expect(keys).toContain("plan.shared.step.naloxone");
        }
      }),
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(intakeArbitrary, (answers) => {
        expect(buildStarterPlan(structuredClone(answers))).toEqual(buildStarterPlan(answers));
      }),
    );
  });

  it("names the first supporter on steps done with someone, and only there", () => {
    const plan = buildStarterPlan({
      domains: ["relationships", "support_groups"],
      supportPeople: [{ name: "Jordan", role: "friend" }, { name: "Sam" }],
    });
    const steps = plan.domains.flatMap((domain) => domain.goals.flatMap((goal) => goal.steps));
    expect(steps.find((step) => step.templateKey === "plan.relationships.step.reachOut")).toEqual({
      templateKey: "plan.relationships.step.reachOut",
      helper: "Jordan",
    });
    expect(
      steps.find((step) => step.templateKey === "plan.support_groups.step.tryOneMeeting"),
    ).toMatchObject({ helper: null });
  });

  it("gives someone on methadone with court dates clinic, dose and legal steps", () => {
    const plan = buildStarterPlan({
      stage: "recently_started",
      treatment: "methadone",
      hasCourtDates: true,
      costPerDay: 40,
      domains: ["finances"],
    });
    expect(plan.domains.map((domain) => domain.domain)).toEqual([
      "medication",
      "legal",
      "finances",
    ]);
    expect(stepKeys(plan)).toEqual(
      expect.arrayContaining([
        "plan.medication.step.clinicDetails",
        "plan.medication.step.talkAboutDose",
        "plan.legal.step.contactLawyer",
        "plan.finances.step.saveRegained",
      ]),
    );
  });

  it("offers gentle explore goals to someone thinking about change, framed as a first step", () => {
    const plan = buildStarterPlan({
      stage: "thinking_about_change",
      domains: ["support_groups", "lifestyle"],
      hasCourtDates: true,
    });
    expect(plan.introKey).toBe("plan.intro.thinking_about_change");
    expect(goalKeys(plan)).toEqual([
      "plan.support_groups.goal.explore",
      "plan.legal.goal.courtDates",
      "plan.lifestyle.goal.explore",
    ]);
    expect(PLAN_CATALOGS.en["plan.intro.thinking_about_change"]).toMatch(/first step/);
  });

  it("still gives a small plan when every question was skipped", () => {
    expect(buildStarterPlan({}).domains.map((domain) => domain.domain)).toEqual([
      "support_groups",
      "lifestyle",
    ]);
    expect(buildStarterPlan({ stage: "thinking_about_change" }).domains).toHaveLength(1);
  });

  it("treats 'none' beside a real treatment as nothing", () => {
    expect(normalizeTreatment(["none", "methadone", "methadone"])).toEqual(["methadone"]);
    expect(normalizeTreatment("none")).toEqual(["none"]);
    expect(normalizeTreatment(undefined)).toEqual([]);
  });
});

describe("the plan catalogs", () => {
  const en = PLAN_CATALOGS.en;
  const es = PLAN_CATALOGS.es;

  it("have the same keys in every language, none empty, and Spanish that is not English", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(es)) {
      expect(text.trim(), key).not.toBe("");
      expect(text, key).not.toBe(en[key]);
    }
  });

  it("hold words for every goal template and step, and every domain and stage", () => {
    const keys = allGoalTemplates().flatMap((goal) => [
      goal.key,
      goal.whyKey,
      ...goal.steps.map((step) => step.key),
    ]);
    keys.push("plan.finances.step.saveRegained", "plan.intro.none");
    for (const domain of PLAN_DOMAINS) keys.push(`plan.domain.${domain}`);
    for (const stage of intakeStageSchema.options) keys.push(`plan.intro.${stage}`);
    for (const key of keys) {
      expect(en[key], key).toBeDefined();
      expect(es[key], key).toBeDefined();
    }
  });

  it("use person-first words and never name a dose", () => {
    const stigmatizing =
      /\b(addicts?|junkies?|junkie|clean|dirty|abusers?|adictos?|adictas?|drogadictos?|limpios?|limpias?|sucios?|sucias?)\b/i;
    for (const catalog of [en, es]) {
      for (const [key, text] of Object.entries(catalog)) {
        expect(text, key).not.toMatch(stigmatizing);
        expect(text, key).not.toMatch(/\d+\s*(mg|ml|milligrams?|miligramos?)\b/i);
      }
    }
  });
});

describe("the starter plan at the riskiest moments", () => {
  const goalSteps = (plan: StarterPlan, goalKey: string) =>
    plan.domains
      .flatMap((domain) => domain.goals)
      .find((goal) => goal.templateKey === goalKey)
      ?.steps.map((step) => step.templateKey);

  // Overdose risk is highest when tolerance has dropped after detox or a residential stay
  // (NICE CG52; SAMHSA overdose toolkit), so both goals carry naloxone and the tolerance step.
  it("gives the detox goal a naloxone step and a tolerance-after-detox step", () => {
    const plan = buildStarterPlan({ stage: "getting_ready", treatment: "detox" });
    expect(goalSteps(plan, "plan.withdrawal.goal.getThrough")).toEqual(
      expect.arrayContaining(["plan.shared.step.naloxone", "plan.shared.step.toleranceAfter"]),
    );
  });

  it("gives the residential goal the same two steps", () => {
    const plan = buildStarterPlan({ stage: "recently_started", treatment: "residential" });
    expect(goalSteps(plan, "plan.medication.goal.residential")).toEqual(
      expect.arrayContaining(["plan.shared.step.naloxone", "plan.shared.step.toleranceAfter"]),
    );
  });

  it("keeps both steps whatever else the person chose, even for someone still exploring", () => {
    fc.assert(
      fc.property(intakeArbitrary, (answers) => {
        const treatment = normalizeTreatment(answers.treatment);
        if (!treatment.includes("detox") && !treatment.includes("residential")) return;
        const keys = stepKeys(buildStarterPlan(answers));
        expect(keys).toContain("plan.shared.step.naloxone");
        expect(keys).toContain("plan.shared.step.toleranceAfter");
      }),
    );
  });
});
