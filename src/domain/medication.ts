import { z } from "zod";
import { doseScheduleSchema, scheduleDaySchema } from "./dose-schedule";

/**
 * A regimen as prescribed for opioid use disorder (SAMHSA TIP 63). Waymark records what the
 * prescriber wrote; it never suggests a dose and never calls one too high or too low, so the
 * amount is checked only for being a positive number.
 */
export const MEDICATIONS = [
  "methadone",
  "buprenorphine",
  "buprenorphine_naloxone",
  "buprenorphine_extended_release_injection",
  "naltrexone",
  "naltrexone_extended_release",
] as const;
export const medicationSchema = z.enum(MEDICATIONS);
export type Medication = z.infer<typeof medicationSchema>;

/** Milligrams as prescribed; millilitres for liquid measured by volume. */
export const doseUnitSchema = z.enum(["mg", "mL"]);
export type DoseUnit = z.infer<typeof doseUnitSchema>;

export const doseAmountSchema = z
  .number({ message: "Enter the amount as a number" })
  .positive({ message: "Enter an amount above zero" });

const shortText = (max: number) => z.string().trim().max(max);

export const dispensingSchema = z.object({
  name: shortText(120).min(1, { message: "Give the place a name" }),
  hours: shortText(500).optional(),
  phone: shortText(40).optional(),
});
export type Dispensing = z.infer<typeof dispensingSchema>;

/** What a member (or later their prescriber) enters to set or change the regimen. */
export const regimenInputSchema = z.object({
  medication: medicationSchema,
  doseAmount: doseAmountSchema,
  doseUnit: doseUnitSchema.default("mg"),
  schedule: doseScheduleSchema,
  dispensing: dispensingSchema.nullable().optional(),
  takeHomesOnHand: z.number().int().min(0).max(1000).optional(),
  prescriber: shortText(120).optional(),
  /** The day the prescription takes effect in the member's zone; today when left out. */
  effectiveDate: scheduleDaySchema.optional(),
  note: shortText(1000).optional(),
});
export type RegimenInput = z.infer<typeof regimenInputSchema>;

/** The parts of a regimen whose change is a prescription change (kept in the history). */
export interface Prescription {
  medication: Medication;
  doseAmount: number;
  doseUnit: DoseUnit;
  schedule: z.infer<typeof doseScheduleSchema>;
}

export function samePrescription(a: Prescription, b: Prescription): boolean {
  return (
    a.medication === b.medication &&
    a.doseAmount === b.doseAmount &&
    a.doseUnit === b.doseUnit &&
    canonicalSchedule(a.schedule) === canonicalSchedule(b.schedule)
  );
}

/** One text for a schedule whatever order its times and days were given in. */
export function canonicalSchedule(schedule: Prescription["schedule"]): string {
  const times = [...schedule.times].sort();
  switch (schedule.kind) {
    case "daily":
      return JSON.stringify({ kind: schedule.kind, times });
    case "weekdays":
      return JSON.stringify({ kind: schedule.kind, days: [...schedule.days].sort(), times });
    case "every_n_weeks":
      return JSON.stringify({
        kind: schedule.kind,
        intervalWeeks: schedule.intervalWeeks,
        startDate: schedule.startDate,
        times,
      });
  }
}

/** Names as a person reads them, for notifications and calendar entries the member opted into. */
export const MEDICATION_NAMES: Record<"en" | "es", Record<Medication, string>> = {
  en: {
    methadone: "methadone",
    buprenorphine: "buprenorphine",
    buprenorphine_naloxone: "buprenorphine/naloxone",
    buprenorphine_extended_release_injection: "extended-release buprenorphine injection",
    naltrexone: "naltrexone",
    naltrexone_extended_release: "extended-release naltrexone injection",
  },
  es: {
    methadone: "metadona",
    buprenorphine: "buprenorfina",
    buprenorphine_naloxone: "buprenorfina/naloxona",
    buprenorphine_extended_release_injection: "inyección de buprenorfina de liberación prolongada",
    naltrexone: "naltrexona",
    naltrexone_extended_release: "inyección de naltrexona de liberación prolongada",
  },
};
