import type { MemberSummary } from "../../../domain/api/care";
import { findInstrument } from "../../../domain/instruments/catalog";
import { toQuestionnaireResponse } from "../../../domain/instruments/fhir-response";
import { type Answers, QUESTIONNAIRE_URL_BASE } from "../../../domain/instruments/questionnaire";
import { consentResource, type ExportConsent } from "./fhir-consent";
import { medicationStatement } from "./fhir-medication";
import { fhirId, PART_2_CODING, type Resource, WAYMARK } from "./fhir-resource";

/**
 * A FHIR R4 `collection` Bundle of what the reader may see (the category-filtered summary):
 * Patient, check-in Observations (craving and mood, 0–10), QuestionnaireResponse per
 * assessment, MedicationStatement per prescription, Goal and CarePlan from the plan, and a
 * Consent per grant the data is disclosed under. Ids are derived from Waymark ids, so a second
 * export of the same data gives the same resources. Resources of categories not shared are
 * absent, not empty. Checked against the official R4 JSON schema in fhir.int.test.ts.
 */
const GOAL_STATUS: Record<string, string> = {
  active: "active",
  done: "completed",
  dropped: "cancelled",
};
const STEP_STATUS: Record<string, string> = {
  todo: "not-started",
  doing: "in-progress",
  done: "completed",
  dropped: "cancelled",
};

/** What the bundle adds to the summary: the consents it is made under, assessment answers. */
export interface ExportDetail {
  consents: ExportConsent[];
  answers: Map<string, { answers: Answers; missing: string[] }>;
}

export function fhirBundle(summary: MemberSummary, detail: ExportDetail, now: Date) {
  const resources: Resource[] = [];
  const patientId = fhirId("patient", summary.member.id);
  const patientRef = { reference: `Patient/${patientId}` };
  resources.push({
    resourceType: "Patient",
    id: patientId,
    identifier: [{ system: `${WAYMARK}/member`, value: summary.member.id }],
    ...(summary.member.displayName ? { name: [{ text: summary.member.displayName }] } : {}),
  });
  for (const checkin of summary.checkins ?? []) {
    for (const [kind, value] of [
      ["craving", checkin.craving],
      ["mood", checkin.mood],
    ] as const) {
      resources.push({
        resourceType: "Observation",
        id: fhirId(`checkin-${kind}`, summary.member.id, checkin.day),
        status: "final",
        category: [
          {
            coding: [
              {
                system: "http://terminology.hl7.org/CodeSystem/observation-category",
                code: "survey",
              },
            ],
          },
        ],
        code: {
          coding: [{ system: `${WAYMARK}/CodeSystem/checkin`, code: kind }],
          text: `Daily ${kind} rating (0-10)`,
        },
        subject: patientRef,
        effectiveDateTime: checkin.day,
        valueInteger: value,
      });
    }
  }
  for (const response of summary.assessments ?? []) {
    const id = fhirId("assessment", summary.member.id, response.id);
    const def = findInstrument(response.instrumentId);
    const stored = detail.answers.get(response.id);
    if (def && stored) {
      // The assessments feature's own mapping: each answer as the Questionnaire's coding.
      const full = { id, memberId: summary.member.id, at: response.at, ...stored };
      const { item, ...questionnaireResponse } = toQuestionnaireResponse(def, full, "en");
      // FHIR JSON has no empty arrays: a response with no answers has no `item`.
      resources.push({
        ...questionnaireResponse,
        subject: patientRef,
        ...(item.length > 0 ? { item } : {}),
      });
      continue;
    }
    resources.push({
      resourceType: "QuestionnaireResponse",
      id,
      // The same canonical as the assessments feature's own export (without the version).
      questionnaire: `${QUESTIONNAIRE_URL_BASE}${response.instrumentId}`,
      status: "completed",
      subject: patientRef,
      authored: response.at,
    });
  }
  for (const regimen of summary.regimens ?? []) {
    resources.push(medicationStatement(summary.member.id, regimen, patientRef));
  }
  // A plan with no goal and no step is no CarePlan (FHIR JSON has no empty arrays either).
  if (summary.plan && (summary.plan.goals.length > 0 || summary.plan.steps.length > 0)) {
    const goalIds = new Map<string, string>();
    for (const goal of summary.plan.goals) {
      const id = fhirId("goal", summary.member.id, goal.id);
      goalIds.set(goal.id, id);
      resources.push({
        resourceType: "Goal",
        id,
        lifecycleStatus: GOAL_STATUS[goal.status] ?? "active",
        ...(goal.status === "done"
          ? {
              achievementStatus: {
                coding: [
                  {
                    system: "http://terminology.hl7.org/CodeSystem/goal-achievement",
                    code: "achieved",
                  },
                ],
                text: "achieved",
              },
            }
          : {}),
        description: { text: goal.title },
        subject: patientRef,
      });
    }
    resources.push({
      resourceType: "CarePlan",
      id: fhirId("careplan", summary.member.id),
      status: "active",
      intent: "plan",
      title: "Recovery plan",
      subject: patientRef,
      ...nonEmpty(
        "goal",
        [...goalIds.values()].map((id) => ({ reference: `Goal/${id}` })),
      ),
      ...nonEmpty(
        "activity",
        summary.plan.steps.map((step) => ({
          detail: {
            status: STEP_STATUS[step.status] ?? "not-started",
            description: step.title,
            ...(step.goalId && goalIds.has(step.goalId)
              ? { goal: [{ reference: `Goal/${goalIds.get(step.goalId)}` }] }
              : {}),
          },
        })),
      ),
    });
  }
  for (const consent of detail.consents) {
    resources.push(consentResource(summary.member.id, consent, patientRef));
  }
  return {
    resourceType: "Bundle" as const,
    type: "collection" as const,
    timestamp: now.toISOString(),
    meta: {
      security: [PART_2_CODING],
    },
    entry: resources.map((resource) => ({
      fullUrl: `${WAYMARK}/${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}

/** `{ [key]: list }` when the list has items, `{}` when not: FHIR JSON has no empty arrays. */
function nonEmpty<T>(key: string, list: T[]): Record<string, T[]> {
  return list.length > 0 ? { [key]: list } : {};
}
