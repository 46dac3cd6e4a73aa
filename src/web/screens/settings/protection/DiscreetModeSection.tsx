import { useId, useState } from "react";
import { describeError } from "../../../components/api-error";
import { FormAlert } from "../../../components/FormAlert";
import { useI18n } from "../../../i18n/context";
import { applyDiscreetMode } from "../../../lock/discreet";
import { isDiscreet } from "../../../lock/lock-store";
import { useMe } from "../../../session";
import { medicationApi } from "../../medication/api";

/**
 * Discreet mode: neutral name, icon and tab title on this device; for a member it also turns
 * notification details off on the server, so every notification uses the discreet words.
 */
export function DiscreetModeSection({ onChanged }: { onChanged: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const headingId = useId();
  const explainId = useId();
  const [on, setOn] = useState(isDiscreet);
  const [problem, setProblem] = useState<string>();

  async function change(next: boolean) {
    setProblem(undefined);
    applyDiscreetMode(next);
    setOn(next);
    document.title = next
      ? t("protection.discreet.appName")
      : t("app.title", { screen: t("protection.title") });
    if (next && me.memberships.some((membership) => membership.role === "member")) {
      try {
        await medicationApi.setNotificationDetails(me.id, false);
      } catch (failure) {
        setProblem(describeError(failure, i18n).message);
        return;
      }
    }
    onChanged(t(next ? "protection.discreet.savedOn" : "protection.discreet.savedOff"));
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("protection.discreet.heading")}</h2>
      <div className="stack tight">
        <label className="check-line">
          <input
            type="checkbox"
            checked={on}
            aria-describedby={explainId}
            onChange={(event) => void change(event.target.checked)}
          />
          <span>{t("protection.discreet.label")}</span>
        </label>
        <p className="hint" id={explainId}>
          {t("protection.discreet.explain")}
        </p>
      </div>
      <FormAlert message={problem} />
    </section>
  );
}
