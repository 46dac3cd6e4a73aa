import type { MemberSummary } from "../../../domain/api/care";
import { QUESTIONNAIRE_URL_BASE } from "../../../domain/instruments/questionnaire";
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

export function fhirBundle(summary: MemberSummary, consents: ExportConsent[], now: Date) {
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
    resources.push({
      resourceType: "QuestionnaireResponse",
      id: fhirId("assessment", summary.member.id, response.id),
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
  if (summary.plan) {
    const goalIds = new Map<string, string>();
    for (const goal of summary.plan.goals) {
      const id = fhirId("goal", summary.member.id, goal.id);
      goalIds.set(goal.id, id);
      resources.push({
        resourceType: "Goal",
        id,
        lifecycleStatus: GOAL_STATUS[goal.status] ?? "active",
        ...(goal.status === "done" ? { achievementStatus: { text: "achieved" } } : {}),
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
      goal: [...goalIds.values()].map((id) => ({ reference: `Goal/${id}` })),
      activity: summary.plan.steps.map((step) => ({
        detail: {
          status: STEP_STATUS[step.status] ?? "not-started",
          description: step.title,
          ...(step.goalId && goalIds.has(step.goalId)
            ? { goal: [{ reference: `Goal/${goalIds.get(step.goalId)}` }] }
            : {}),
        },
      })),
    });
  }
  for (const consent of consents) {
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
