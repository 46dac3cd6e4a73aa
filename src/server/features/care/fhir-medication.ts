import type { MemberSummary } from "../../../domain/api/care";
import type { DoseSchedule } from "../../../domain/dose-schedule";
import { MEDICATION_NAMES, type Medication } from "../../../domain/medication";
import { fhirId, type Resource } from "./fhir-resource";
import { dosageText } from "./regimen-text";

type Regimen = NonNullable<MemberSummary["regimens"]>[number];

/**
 * RxNorm ingredient concepts, only where the regimen names the plain ingredient (methadone
 * RXCUI 6813, buprenorphine RXCUI 1819). Combination products and extended-release forms go
 * as text: an ingredient code would say less than the member recorded, and a guessed product
 * code could say something else.
 */
const RXNORM: Partial<Record<Medication, { code: string; display: string }>> = {
  methadone: { code: "6813", display: "methadone" },
  buprenorphine: { code: "1819", display: "buprenorphine" },
};

/**
 * One MedicationStatement per prescription of the period, as the member recorded it: the
 * dosage is the prescriber's, restated as text and structure, never a recommendation.
 */
export function medicationStatement(
  memberId: string,
  regimen: Regimen,
  patientRef: { reference: string },
): Resource {
  const name = MEDICATION_NAMES.en[regimen.medication];
  const rxnorm = RXNORM[regimen.medication];
  return {
    resourceType: "MedicationStatement",
    id: fhirId("regimen", memberId, regimen.id),
    status: regimen.status,
    category: {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/medication-statement-category",
          code: "patientspecified",
        },
      ],
    },
    medicationCodeableConcept: {
      ...(rxnorm
        ? { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", ...rxnorm }] }
        : {}),
      text: name,
    },
    subject: patientRef,
    effectivePeriod: { start: regimen.from, ...(regimen.until ? { end: regimen.until } : {}) },
    // The member recorded it in Waymark; the prescriber's own record is the source of truth.
    informationSource: patientRef,
    ...(regimen.prescriber
      ? { note: [{ text: `Prescriber as recorded by the member: ${regimen.prescriber}` }] }
      : {}),
    dosage: [
      {
        text: `${dosageText(regimen)} (as prescribed, recorded by the member)`,
        timing: { repeat: timingRepeat(regimen.schedule) },
        doseAndRate: [
          {
            doseQuantity: {
              value: regimen.doseAmount,
              unit: regimen.doseUnit,
              system: "http://unitsofmeasure.org",
              code: regimen.doseUnit,
            },
          },
        ],
      },
    ],
  };
}

function timingRepeat(schedule: DoseSchedule): Record<string, unknown> {
  const timeOfDay = [...schedule.times].sort().map((time) => `${time}:00`);
  switch (schedule.kind) {
    case "daily":
      return { frequency: timeOfDay.length, period: 1, periodUnit: "d", timeOfDay };
    case "weekdays":
      return { dayOfWeek: schedule.days, timeOfDay };
    case "every_n_weeks":
      return {
        boundsPeriod: { start: schedule.startDate },
        frequency: 1,
        period: schedule.intervalWeeks,
        periodUnit: "wk",
        timeOfDay,
      };
  }
}
