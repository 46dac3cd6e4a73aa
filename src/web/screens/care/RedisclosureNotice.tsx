import { useId } from "react";
import { useI18n } from "../../i18n/context";

/** The 42 CFR §2.32 notice that goes with every disclosure shown to a recipient. */
export function RedisclosureNotice() {
  const { t } = useI18n();
  const id = useId();
  return (
    <aside className="care-notice" aria-labelledby={id}>
      <strong id={id}>{t("care.notice.label")}</strong>
      <p>{t("care.notice.text")}</p>
    </aside>
  );
}
