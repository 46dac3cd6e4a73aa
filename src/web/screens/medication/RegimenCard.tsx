import { useId } from "react";
import type { RegimenView } from "../../../domain/api/medication";
import { useI18n } from "../../i18n/context";
import { memberFormat } from "./member-format";
import { doseText, scheduleText } from "./words";

/** The regimen as prescribed, with the place that dispenses it and the take-homes on hand. */
export function RegimenCard({
  regimen,
  timeZone,
  onEdit,
}: {
  regimen: RegimenView;
  timeZone: string;
  onEdit: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const format = memberFormat(i18n.locale, { timeZone });
  const { dispensing, takeHomes } = regimen;
  const phoneDigits = dispensing?.phone?.replace(/[^\d+]/g, "") ?? "";

  return (
    <section className="card stack regimen-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("medication.regimen.heading")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("medication.regimen.dose")}</dt>
          <dd className="dose-text">{doseText(i18n, regimen)}</dd>
        </div>
        <div>
          <dt>{t("medication.regimen.schedule")}</dt>
          <dd>{scheduleText(i18n, regimen.schedule, format.day)}</dd>
        </div>
        <div>
          <dt>{t("medication.regimen.since")}</dt>
          <dd>{format.day(regimen.effectiveDate)}</dd>
        </div>
        {regimen.prescriber && (
          <div>
            <dt>{t("medication.regimen.prescriber")}</dt>
            <dd>{regimen.prescriber}</dd>
          </div>
        )}
        {regimen.note && (
          <div>
            <dt>{t("medication.regimen.note")}</dt>
            <dd>{regimen.note}</dd>
          </div>
        )}
      </dl>
      {dispensing && (
        <div className="stack tight clinic">
          <h3>{t("medication.regimen.clinic")}</h3>
          <p className="clinic-name">{dispensing.name}</p>
          {dispensing.hours && (
            <p className="hint">{t("medication.regimen.hours", { hours: dispensing.hours })}</p>
          )}
          {dispensing.phone && phoneDigits && (
            <a className="button secondary" href={`tel:${phoneDigits}`}>
              {t("medication.regimen.call", { name: dispensing.name })} · {dispensing.phone}
            </a>
          )}
        </div>
      )}
      <TakeHomeStatus onHand={takeHomes.onHand} low={takeHomes.low} />
      <button type="button" className="button secondary" onClick={onEdit}>
        {t("medication.regimen.edit")}
      </button>
    </section>
  );
}

function TakeHomeStatus({ onHand, low }: { onHand: number; low: boolean }) {
  const { t, tCount } = useI18n();
  if (onHand <= 0 && !low) return null;
  return (
    <div className="stack tight">
      <p className="take-homes">{tCount("medication.regimen.takeHomes", Math.max(0, onHand))}</p>
      {low && (
        <p className="gentle-warning">
          {onHand <= 0
            ? t("medication.regimen.takeHomesOut")
            : t("medication.regimen.takeHomesLow")}
        </p>
      )}
    </div>
  );
}
