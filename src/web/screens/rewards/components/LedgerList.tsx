import { useId } from "react";
import type { LedgerLine } from "../../../../domain/api/rewards";
import { useI18n } from "../../../i18n/context";
import { ledgerReason, signedPoints } from "../words";

/** The points ledger, newest first: each line's points and, in words, why it is there. */
export function LedgerList({ lines, staff = false }: { lines: LedgerLine[]; staff?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t(staff ? "rewards.ledger.staffTitle" : "rewards.ledger.title")}</h2>
      {lines.length === 0 ? (
        <p className="hint">{t("rewards.ledger.none")}</p>
      ) : (
        <ul className="rewards-ledger">
          {lines.map((line) => (
            <li key={line.id}>
              <span className="rewards-ledger-reason">
                {ledgerReason(line, i18n)}
                <span className="hint"> · {i18n.formatDateTime(line.at)}</span>
              </span>
              <span className={`rewards-points${line.points < 0 ? " spent" : ""}`}>
                {t("rewards.ledger.points", { points: signedPoints(line.points, i18n.locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
