import type { PlanDomain } from "./plan";

/**
 * The suggestions a starter plan is made of. Only catalog keys live here; the words are in
 * plan-catalog/{en,es}.json so every suggestion exists in every language. Steps are small,
 * concrete first moves; none names a dose (Waymark never suggests one).
 */
export interface StepTemplate {
  key: string;
  /** A step done together with someone; the starter plan names the person's first supporter. */
  withSomeone?: boolean;
}

export interface GoalTemplate {
  key: string;
  domain: PlanDomain;
  whyKey: string;
  steps: readonly StepTemplate[];
}

/** Shared steps appear under several goals; the builder keeps only the first. */
const NALOXONE: StepTemplate = { key: "plan.shared.step.naloxone", withSomeone: true };
/**
 * Tolerance falls during detox and a residential stay, so the weeks after are the riskiest
 * for overdose (NICE CG52; SAMHSA overdose toolkit): detox and residential goals carry this
 * step and NALOXONE.
 */
const TOLERANCE_AFTER: StepTemplate = { key: "plan.shared.step.toleranceAfter" };

function goal(domain: PlanDomain, name: string, steps: (string | StepTemplate)[]): GoalTemplate {
  return {
    key: `plan.${domain}.goal.${name}`,
    domain,
    whyKey: `plan.${domain}.why.${name}`,
    steps: steps.map((step) =>
      typeof step === "string" ? { key: `plan.${domain}.step.${step}` } : step,
    ),
  };
}

const own = (domain: PlanDomain, name: string, withSomeone = false): StepTemplate => ({
  key: `plan.${domain}.step.${name}`,
  ...(withSomeone ? { withSomeone } : {}),
});

export const GOALS = {
  withdrawal: {
    getThrough: goal("withdrawal", "getThrough", [
      "talkToDoctor",
      own("withdrawal", "tellSomeone", true),
      "comfortKit",
      "whenToGetHelp",
      TOLERANCE_AFTER,
      NALOXONE,
    ]),
    explore: goal("withdrawal", "explore", ["explore"]),
  },
  medication: {
    methadone: goal("medication", "methadone", [
      "clinicDetails",
      "clinicRoutine",
      "missedDose",
      "talkAboutDose",
    ]),
    buprenorphine: goal("medication", "buprenorphine", [
      "dailyReminder",
      "nextAppointment",
      "storeSafely",
      "talkAboutDose",
    ]),
    naltrexone: goal("medication", "naltrexone", ["nextDoseDate", "medicalCard", "stoppingRisk"]),
    residential: goal("medication", "residential", [
      "aftercarePlan",
      "contactsForAfter",
      TOLERANCE_AFTER,
      NALOXONE,
    ]),
    counseling: goal("medication", "counseling", ["nextSession", "bringOneThing"]),
    learnOptions: goal("medication", "learnOptions", ["callHelpline", "askAboutMedication"]),
    explore: goal("medication", "explore", ["explore"]),
  },
  physical_health: {
    checkup: goal("physical_health", "checkup", ["bookCheckup", "askTesting", NALOXONE]),
    explore: goal("physical_health", "explore", ["explore"]),
  },
  mental_health: {
    feelSteadier: goal("mental_health", "feelSteadier", [
      "noticeFeelings",
      "askSupport",
      "save988",
    ]),
    backOnPath: goal("mental_health", "backOnPath", [
      own("mental_health", "reachOut", true),
      "lookBack",
      "pickUpStep",
      NALOXONE,
    ]),
    explore: goal("mental_health", "explore", ["explore"]),
  },
  home_family: {
    rebuildTrust: goal("home_family", "rebuildTrust", [
      own("home_family", "honestTalk", true),
      "calmTime",
    ]),
    children: goal("home_family", "children", ["regularTime", "childcareHelp"]),
    explore: goal("home_family", "explore", ["explore"]),
  },
  relationships: {
    supportive: goal("relationships", "supportive", [
      "mapPeople",
      own("relationships", "reachOut", true),
    ]),
    explore: goal("relationships", "explore", ["explore"]),
  },
  support_groups: {
    findGroup: goal("support_groups", "findGroup", [
      "lookUpMeetings",
      "tryOneMeeting",
      "getANumber",
    ]),
    explore: goal("support_groups", "explore", ["explore"]),
  },
  legal: {
    courtDates: goal("legal", "courtDates", ["listDates", "contactLawyer", "keepProof"]),
    sortOut: goal("legal", "sortOut", ["listMatters", "findLegalAid"]),
    explore: goal("legal", "explore", ["explore"]),
  },
  housing: {
    safePlace: goal("housing", "safePlace", ["safeThisWeek", "askHousingHelp", "recoveryHousing"]),
    keepHome: goal("housing", "keepHome", ["clearReminders", "rentPlan"]),
    explore: goal("housing", "explore", ["explore"]),
  },
  work_education: {
    nextStep: goal("work_education", "nextStep", ["whatInterestsMe", "askPrograms"]),
    explore: goal("work_education", "explore", ["explore"]),
  },
  finances: {
    clearPicture: goal("finances", "clearPicture", ["inAndOut", "oneBill"]),
    /** Added to clearPicture when the person told us what using cost them a day. */
    saveRegained: own("finances", "saveRegained"),
    explore: goal("finances", "explore", ["explore"]),
  },
  purpose_faith: {
    whatMatters: goal("purpose_faith", "whatMatters", ["writeWhatMatters", "weeklyMeaning"]),
    explore: goal("purpose_faith", "explore", ["explore"]),
  },
  lifestyle: {
    dailyRhythm: goal("lifestyle", "dailyRhythm", ["sleepTimes", "riskyTimes", "moveBody"]),
    explore: goal("lifestyle", "explore", ["explore"]),
  },
} as const;

/** Every goal template, for tests and for checking that each has words in every language. */
export function allGoalTemplates(): GoalTemplate[] {
  return Object.values(GOALS).flatMap((byName) =>
    Object.values(byName).filter((entry): entry is GoalTemplate => "steps" in entry),
  );
}
