import { z } from "zod";

/** The visits a person in treatment keeps track of: clinic, counseling, court, and the rest. */
export const APPOINTMENT_KINDS = [
  "clinic_visit",
  "counseling",
  "prescriber",
  "court",
  "probation",
  "medical",
  "support_meeting",
  "other",
] as const;
export const appointmentKindSchema = z.enum(APPOINTMENT_KINDS);
export type AppointmentKind = z.infer<typeof appointmentKindSchema>;

export const APPOINTMENT_KIND_NAMES: Record<"en" | "es", Record<AppointmentKind, string>> = {
  en: {
    clinic_visit: "Clinic visit",
    counseling: "Counseling",
    prescriber: "Prescriber visit",
    court: "Court date",
    probation: "Probation meeting",
    medical: "Medical appointment",
    support_meeting: "Support meeting",
    other: "Appointment",
  },
  es: {
    clinic_visit: "Visita a la clínica",
    counseling: "Consejería",
    prescriber: "Cita con quien receta",
    court: "Cita en el tribunal",
    probation: "Cita de libertad condicional",
    medical: "Cita médica",
    support_meeting: "Reunión de apoyo",
    other: "Cita",
  },
};

/** An end, when given, comes after the start. */
export function appointmentTimesProblem(startsAt: Date, endsAt: Date | null): string | null {
  if (endsAt && endsAt.getTime() <= startsAt.getTime()) return "The end must come after the start";
  return null;
}
