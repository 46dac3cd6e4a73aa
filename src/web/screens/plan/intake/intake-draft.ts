import type { SubmitIntakeBody } from "../../../../domain/api/plan";
import type { IntakeStage, Treatment } from "../../../../domain/intake";
import type { PlanDomain } from "../../../../domain/plan";

/**
 * The intake's answers while the person moves through it. Everything is optional: an
 * untouched question is simply not sent, and the server keeps no answer for it.
 */
export interface IntakeDraft {
  stage: IntakeStage | null;
  treatment: Treatment[];
  domains: PlanDomain[];
  whatMattersMost: string;
  supportPeople: { name: string; role: string }[];
  recoveryStart: string;
  /** As typed; "12,50" is read the Spanish way. */
  costPerDay: string;
  hasCourtDates: boolean | null;
  stableHousing: boolean | null;
  hasChildren: boolean | null;
}

export const EMPTY_DRAFT: IntakeDraft = {
  stage: null,
  treatment: [],
  domains: [],
  whatMattersMost: "",
  supportPeople: [{ name: "", role: "" }],
  recoveryStart: "",
  costPerDay: "",
  hasCourtDates: null,
  stableHousing: null,
  hasChildren: null,
};

/** The ten questions, in order; one per screen on a phone. */
export const QUESTIONS = [
  "stage",
  "treatment",
  "domains",
  "whatMattersMost",
  "supportPeople",
  "recoveryStart",
  "costPerDay",
  "hasCourtDates",
  "stableHousing",
  "hasChildren",
] as const;
export type QuestionId = (typeof QUESTIONS)[number];

/** What "Skip" leaves behind: the question as if never answered. */
export function skipAnswer(draft: IntakeDraft, question: QuestionId): IntakeDraft {
  const untouched: Partial<IntakeDraft> = { [question]: EMPTY_DRAFT[question] };
  return { ...draft, ...untouched };
}

/** A money amount as typed on a phone: "12", "12.50", "12,50", "$12". Null when unreadable. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[^\d.,]/g, "");
  if (cleaned === "") return null;
  // A single comma followed by one or two digits is a decimal comma; other commas group.
  const normalized = /^\d+,\d{1,2}$/.test(cleaned)
    ? cleaned.replace(",", ".")
    : cleaned.replace(/,/g, "");
  const amount = Number(normalized);
  return Number.isFinite(amount) ? amount : null;
}

/** Which question a server validation error points back to. */
export function questionForField(field: string | undefined): QuestionId | null {
  if (field === "unstableHousing") return "stableHousing";
  return QUESTIONS.find((question) => question === field) ?? null;
}

export function toIntakeBody(draft: IntakeDraft): SubmitIntakeBody {
  const body: SubmitIntakeBody = {};
  if (draft.stage) body.stage = draft.stage;
  if (draft.treatment.length > 0) body.treatment = draft.treatment;
  if (draft.domains.length > 0) body.domains = draft.domains;
  const mattersMost = draft.whatMattersMost.trim();
  if (mattersMost) body.whatMattersMost = mattersMost;
  const people = draft.supportPeople
    .map((person) => ({ name: person.name.trim(), role: person.role.trim() }))
    .filter((person) => person.name !== "")
    .map((person) => (person.role ? person : { name: person.name }));
  if (people.length > 0) body.supportPeople = people;
  if (draft.recoveryStart) body.recoveryStart = draft.recoveryStart;
  const cost = parseAmount(draft.costPerDay);
  if (cost !== null) body.costPerDay = cost;
  if (draft.hasCourtDates !== null) body.hasCourtDates = draft.hasCourtDates;
  if (draft.stableHousing !== null) body.unstableHousing = !draft.stableHousing;
  if (draft.hasChildren !== null) body.hasChildren = draft.hasChildren;
  return body;
}
