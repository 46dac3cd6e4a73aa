import type { MemberSummary } from "../../../domain/api/care";
import type { DoseSchedule } from "../../../domain/dose-schedule";
import { MEDICATION_NAMES } from "../../../domain/medication";

type Regimen = NonNullable<MemberSummary["regimens"]>[number];

/**
 * A prescription restated in words, for the PDF and the FHIR dosage text: what the member
 * recorded from their prescriber, never a suggestion ("methadone 70 mg every day at 08:00").
 */
export function regimenText(regimen: Regimen): string {
  return `${MEDICATION_NAMES.en[regimen.medication]} ${dosageText(regimen)}`;
}

export function dosageText(regimen: Regimen): string {
  return `${regimen.doseAmount} ${regimen.doseUnit} ${scheduleText(regimen.schedule)}`;
}

function scheduleText(schedule: DoseSchedule): string {
  const at = `at ${schedule.times.join(", ")}`;
  switch (schedule.kind) {
    case "daily":
      return `every day ${at}`;
    case "weekdays":
      return `on ${schedule.days.join(", ")} ${at}`;
    case "every_n_weeks": {
      const every = schedule.intervalWeeks === 1 ? "week" : `${schedule.intervalWeeks} weeks`;
      return `every ${every} from ${schedule.startDate} ${at}`;
    }
  }
}
