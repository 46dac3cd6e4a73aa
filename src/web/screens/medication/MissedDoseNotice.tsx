import { useId } from "react";
import type { z } from "zod";
import type { adherenceSchema } from "../../../domain/api/medication";
import type { Medication } from "../../../domain/medication";
import { missedDoseGuidance } from "../../../domain/missed-dose";
import { useI18n } from "../../i18n/context";

/**
 * After a missed methadone or buprenorphine dose: call the clinic or prescriber before the
 * next one (tolerance falls), firmer after missed days in a row. Never names a dose.
 */
export function MissedDoseNotice({
  medication,
  doses,
}: {
  medication: Medication;
  doses: z.infer<typeof adherenceSchema>["doses"];
}) {
  const { t } = useI18n();
  const headingId = useId();
  const guidance = missedDoseGuidance(medication, doses);
  if (!guidance) return null;
  return (
    <section className="card stack tight crisis-note missed-dose" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("medication.missed.title")}</h2>
      <p>{t(guidance.messageKey, { count: guidance.missedDays })}</p>
    </section>
  );
}
