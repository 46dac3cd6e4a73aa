import { type ReactNode, useId } from "react";
import { useI18n } from "../../../i18n/context";

/** One category of a member's record: its contents, or a plain "not shared with you". */
export function SummarySection({
  title,
  shared,
  children,
}: {
  title: string;
  shared: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {shared ? children : <p className="care-not-shared">{t("care.summary.notShared")}</p>}
    </section>
  );
}
