import { Link } from "wouter";
import { describeError } from "../../../components/api-error";
import { ErrorState } from "../../../components/ErrorState";
import { Loading } from "../../../components/Loading";
import { useLoad } from "../../../components/use-load";
import { useI18n } from "../../../i18n/context";
import { useMe } from "../../../session";
import { dailyApi } from "../api";

/** The person's own reasons for recovery, in their words, when they need them most. */
export function Reasons({ onDone }: { onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const { state, reload } = useLoad(() => dailyApi.reasons(me.id), [me.id]);

  if (state.status === "loading") return <Loading />;
  if (state.status === "failed") {
    return <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />;
  }
  const reasons = state.value ?? [];
  return (
    <div className="stack">
      {reasons.length > 0 ? (
        <>
          <p>{t("coping.reasons.intro")}</p>
          <ol className="reasons-list">
            {reasons.map((reason, index) => (
              // Reasons may repeat; their place in the list is what identifies them.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only here.
              <li key={index}>{reason}</li>
            ))}
          </ol>
        </>
      ) : (
        <div className="card stack">
          <p>{t("coping.reasons.none")}</p>
          <p className="hint">{t("coping.reasons.noneIdea")}</p>
          <Link href="/plan/reasons" className="button secondary">
            {t("coping.reasons.openPlan")}
          </Link>
        </div>
      )}
      <button type="button" className="button primary" onClick={onDone}>
        {t("coping.done")}
      </button>
    </div>
  );
}
