import { useState } from "react";
import { useLocation } from "wouter";
import { api } from "../../api";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ENROLMENT_PATH } from "../../components/route-guards";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { secondFactorApi } from "./api";
import { EndOtherSessionsForm } from "./EndOtherSessionsForm";
import { NewRecoveryCodes } from "./NewRecoveryCodes";
import { PasskeySection } from "./PasskeySection";
import { RecoveryCodeList } from "./RecoveryCodeList";
import { TotpSetup } from "./TotpSetup";

/** Settings › Sign-in protection: add an authenticator app or passkeys, and keep recovery codes.
 * Staff are sent here after sign-in until they have one. */
export function SecondFactorScreen() {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const { setMe } = useSession();
  const [, navigate] = useLocation();
  const { state, reload } = useLoad(() => secondFactorApi.status(), [], {
    // Adding or removing a factor reloads the status; the sections stay, with their notices.
    keepWhileReloading: true,
  });
  const [shownCodes, setShownCodes] = useState<string[] | null>(null);
  const [offerOtherSessions, setOfferOtherSessions] = useState(false);

  /** A passkey came or went: the count here, and the session's state (the last one gone leaves
   * staff without others' records, and the app's guards must know). */
  async function passkeysChanged() {
    reload();
    setMe(await api.me());
  }

  async function finish() {
    setShownCodes(null);
    // The session is now fully signed in: the app learns it, and staff go on to their work —
    // unless the account is open elsewhere too: then signing those out is offered (ASVS 7.4.3).
    setMe(await api.me());
    const sessions = await api.sessions().catch(() => []);
    if (sessions.some((session) => !session.current)) setOfferOtherSessions(true);
    // The nav is on screen meanwhile: someone who has already gone elsewhere stays there.
    else if (window.location.pathname === ENROLMENT_PATH) navigate("/");
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
            {state.value.required && !state.value.totp && state.value.passkeys === 0
              ? t("secondFactor.requiredIntro")
              : t("secondFactor.intro")}
          </p>
          {offerOtherSessions ? (
            <div className="stack">
              <p role="status">{t("secondFactor.otherSessionsOffer")}</p>
              <EndOtherSessionsForm />
              <button type="button" className="button primary" onClick={() => navigate("/")}>
                {t("secondFactor.continue")}
              </button>
            </div>
          ) : shownCodes ? (
            <RecoveryCodeList codes={shownCodes} onDone={finish} />
          ) : (
            <>
              <section className="card stack" aria-labelledby="authenticator-app-heading">
                <h2 id="authenticator-app-heading">{t("secondFactor.appTitle")}</h2>
                {state.value.totp ? (
                  <p>{t("secondFactor.enrolled")}</p>
                ) : (
                  <TotpSetup onConfirmed={setShownCodes} />
                )}
              </section>
              <PasskeySection
                hasTotp={state.value.totp}
                required={state.value.required}
                onFirstFactor={setShownCodes}
                onChanged={passkeysChanged}
              />
            </>
          )}
          {!shownCodes && !offerOtherSessions && (
            <div className="stack">
              <p>
                {state.value.recoveryCodesLeft > 0
                  ? tCount("secondFactor.codesLeft", state.value.recoveryCodesLeft)
                  : t("secondFactor.recoveryCodesIntro")}
              </p>
              <NewRecoveryCodes codesLeft={state.value.recoveryCodesLeft} onMade={setShownCodes} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
