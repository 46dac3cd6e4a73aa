import { useState } from "react";
import { useLocation } from "wouter";
import { api } from "../../api";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { secondFactorApi } from "./api";
import { RecoveryCodeList } from "./RecoveryCodeList";
import { TotpSetup } from "./TotpSetup";

/** Settings › Sign-in protection: add an authenticator app, and keep recovery codes. Staff are
 * sent here after sign-in until they have one. */
export function SecondFactorScreen() {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const { setMe } = useSession();
  const [, navigate] = useLocation();
  const { state, reload } = useLoad(() => secondFactorApi.status(), []);
  const [shownCodes, setShownCodes] = useState<string[] | null>(null);
  const [isMaking, setMaking] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function makeNewCodes() {
    setError(undefined);
    setMaking(true);
    try {
      setShownCodes((await secondFactorApi.newRecoveryCodes()).recoveryCodes);
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    } finally {
      setMaking(false);
    }
  }

  async function finish() {
    setShownCodes(null);
    // The session is now fully signed in: the app learns it, and staff go on to their work.
    setMe(await api.me());
    navigate("/");
  }

  return (
    <section className="stack">
      <ScreenHeading titleKey="secondFactor.title" />
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && (
        <>
          <p className="lead">
            {state.value.required && !state.value.totp
              ? t("secondFactor.requiredIntro")
              : t("secondFactor.intro")}
          </p>
          {shownCodes ? (
            <RecoveryCodeList codes={shownCodes} onDone={finish} />
          ) : state.value.totp ? (
            <p>{t("secondFactor.enrolled")}</p>
          ) : (
            <TotpSetup onConfirmed={setShownCodes} />
          )}
          {!shownCodes && (
            <div className="stack">
              <p>
                {state.value.recoveryCodesLeft > 0
                  ? tCount("secondFactor.codesLeft", state.value.recoveryCodesLeft)
                  : t("secondFactor.recoveryCodesIntro")}
              </p>
              <FormAlert message={error} />
              <button
                type="button"
                className="button secondary"
                onClick={makeNewCodes}
                disabled={isMaking}
                aria-describedby={state.value.recoveryCodesLeft > 0 ? "new-codes-hint" : undefined}
              >
                {isMaking ? t("secondFactor.makingCodes") : t("secondFactor.newCodes")}
              </button>
              {state.value.recoveryCodesLeft > 0 && (
                <p className="hint" id="new-codes-hint">
                  {t("secondFactor.newCodesHint")}
                </p>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
