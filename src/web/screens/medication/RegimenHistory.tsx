import { useId } from "react";
import { compareIso } from "../../../domain/iso-order";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { medicationApi } from "./api";
import { memberFormat } from "./member-format";
import { doseText, scheduleText } from "./words";

/** Every prescription change, newest first: "changed on … by your prescriber". */
export function RegimenHistory({ memberId, timeZone }: { memberId: string; timeZone: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const format = memberFormat(i18n.locale, { timeZone });
  const { state } = useLoad(() => medicationApi.regimenHistory(memberId), [memberId], {
    keepWhileReloading: true,
  });
  if (state.status !== "loaded") return null;
  const changes = [...state.value].sort((a, b) =>
    compareIso(b.effectiveDate + b.recordedAt, a.effectiveDate + a.recordedAt),
  );
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <details className="history-details">
        <summary>
          <h2 id={headingId}>{t("medication.history.heading")}</h2>
        </summary>
        {changes.length === 0 ? (
          <p className="hint">{t("medication.history.empty")}</p>
        ) : (
          <ol className="regimen-history">
            {changes.map((change, index) => {
              const dose = doseText(i18n, change);
              const date = format.day(change.effectiveDate);
              return (
                <li key={change.id}>
                  <p>
                    {index === changes.length - 1
                      ? t("medication.history.entryFirst", { dose, date })
                      : t("medication.history.entry", { dose, date })}
                  </p>
                  <p className="hint">
                    {scheduleText(i18n, change.schedule, format.day)}
                    {change.prescriber ? ` · ${change.prescriber}` : ""}
                  </p>
                  {change.note && <p className="hint">{change.note}</p>}
                </li>
              );
            })}
          </ol>
        )}
      </details>
    </section>
  );
}
