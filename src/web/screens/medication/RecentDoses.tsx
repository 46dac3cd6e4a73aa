import { useId, useState } from "react";
import type { z } from "zod";
import type { DoseView, logDoseAnswerSchema } from "../../../domain/api/medication";
import { compareIso } from "../../../domain/iso-order";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { medicationApi, newWriteKey } from "./api";
import { memberFormat } from "./member-format";

type DoseStatus = DoseView["status"];
type LogAnswer = z.infer<typeof logDoseAnswerSchema>;

/** The last doses logged; a second answer for the same dose replaces the first. */
export function RecentDoses({
  doses,
  onLogged,
}: {
  doses: DoseView[];
  onLogged: (answer: LogAnswer, message: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const headingId = useId();
  const format = memberFormat(i18n.locale, me);
  const [error, setError] = useState<string>();
  const recent = [...doses]
    .sort((a, b) =>
      compareIso(
        b.takenAt ?? b.scheduledFor ?? b.recordedAt,
        a.takenAt ?? a.scheduledFor ?? a.recordedAt,
      ),
    )
    .slice(0, 10);

  const change = async (dose: DoseView, status: DoseStatus) => {
    setError(undefined);
    try {
      const answer = await medicationApi.logDose(
        me.id,
        {
          status,
          takeHome: status === "missed" ? false : dose.takeHome,
          ...(dose.scheduledFor ? { scheduledFor: dose.scheduledFor } : {}),
          ...(status !== "missed" && dose.takenAt ? { at: dose.takenAt } : {}),
          ...(dose.note ? { note: dose.note } : {}),
        },
        newWriteKey(),
      );
      onLogged(
        answer,
        t("medication.recent.changed", { status: t(`medication.dose.status.${status}`) }),
      );
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    }
  };

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("medication.recent.heading")}</h2>
      <FormAlert message={error} />
      {recent.length === 0 ? (
        <p className="hint">{t("medication.recent.empty")}</p>
      ) : (
        <ul className="recent-doses">
          {recent.map((dose) => {
            const when = dose.takenAt ?? dose.scheduledFor ?? dose.recordedAt;
            const status = t(`medication.dose.status.${dose.status}`);
            return (
              <li key={`${dose.id}-${dose.status}`} className="recent-dose">
                <p>
                  <strong>{status}</strong> · {format.dateTime(when)}
                  {dose.takeHome && ` · ${t("medication.recent.takeHome")}`}
                </p>
                {dose.scheduledFor && (
                  <details className="change-dose">
                    <summary>
                      {t("medication.recent.change")}
                      <span className="visually-hidden">
                        {` ${status} · ${format.dateTime(when)}`}
                      </span>
                    </summary>
                    <div className="actions-row">
                      {(["taken", "late", "missed"] as const)
                        .filter((each) => each !== dose.status)
                        .map((each) => (
                          <button
                            key={each}
                            type="button"
                            className="button secondary"
                            onClick={() => void change(dose, each)}
                          >
                            {t("medication.recent.markAs", {
                              status: t(`medication.dose.status.${each}`),
                            })}
                          </button>
                        ))}
                    </div>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
