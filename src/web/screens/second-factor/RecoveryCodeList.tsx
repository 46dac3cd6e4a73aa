import { useI18n } from "../../i18n/context";

/** The codes, shown once, in a list a screen reader reads one by one and a printer keeps. */
export function RecoveryCodeList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <div className="card stack" role="status">
      <h2>{t("secondFactor.recoveryTitle")}</h2>
      <p>{t("secondFactor.recoveryBody")}</p>
      <ul className="recovery-codes" aria-label={t("secondFactor.recoveryListLabel")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button primary" onClick={onDone}>
        {t("secondFactor.recoveryDone")}
      </button>
    </div>
  );
}
