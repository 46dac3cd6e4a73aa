import { type FormEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { isValidPin } from "../../domain/device-lock";
import { FormAlert } from "../components/FormAlert";
import { ceremonyFailure } from "../components/passkey-ceremony";
import { ScreenHeading } from "../components/ScreenHeading";
import { useLoad } from "../components/use-load";
import { useI18n } from "../i18n/context";
import { useDeviceLock } from "./DeviceLockProvider";
import { PinField } from "./PinField";
import { canUnlockWithPasskey } from "./passkey-unlock";

/**
 * Shown instead of every screen while the app is locked: nothing of the person's data, only
 * the PIN, a way back in with the password, and crisis help (which stays reachable).
 */
export function LockScreen() {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const lock = useDeviceLock();
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const explainId = useId();

  useLayoutEffect(() => input.current?.focus(), []);
  const passkey = useLoad(() => canUnlockWithPasskey(), []);
  const [passkeyError, setPasskeyError] = useState<string>();

  async function openWithPasskey() {
    setBusy(true);
    setPasskeyError(undefined);
    try {
      await lock.unlockWithPasskey();
    } catch (failure) {
      setPasskeyError(ceremonyFailure(failure, i18n).message);
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isValidPin(pin)) {
      setError(t("protection.lock.pinFormat"));
      return;
    }
    setBusy(true);
    setError(undefined);
    const outcome = await lock.unlock(pin);
    setBusy(false);
    setPin("");
    if (outcome.kind === "wrong") {
      setError(tCount("protection.lock.wrongPin", outcome.attemptsLeft));
      input.current?.focus();
    } else if (outcome.kind === "sign-out-failed") {
      setError(t("protection.lock.signOutFailed"));
    }
  }

  async function signInAgain() {
    setBusy(true);
    if (!(await lock.signInAgain())) {
      setError(t("protection.lock.signOutFailed"));
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <ScreenHeading titleKey="protection.lock.title" />
      {lock.mustSignIn ? (
        <p>{t("protection.lock.tooManyTries")}</p>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <p id={explainId}>{t("protection.lock.explain")}</p>
          <PinField
            label={t("protection.lock.pinLabel")}
            value={pin}
            inputRef={input}
            error={error}
            onChange={setPin}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("protection.lock.unlocking") : t("protection.lock.unlock")}
          </button>
        </form>
      )}
      {!lock.mustSignIn && passkey.state.status === "loaded" && passkey.state.value && (
        <div className="stack">
          <FormAlert message={passkeyError} />
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={openWithPasskey}
          >
            {t("protection.lock.unlockWithPasskey")}
          </button>
        </div>
      )}
      {lock.mustSignIn && <FormAlert message={error} />}
      <button type="button" className="button secondary" disabled={busy} onClick={signInAgain}>
        {lock.mustSignIn ? t("protection.lock.signInAgain") : t("protection.lock.forgotPin")}
      </button>
      <p>
        <Link href="/help">{t("protection.lock.helpLink")}</Link>
      </p>
    </div>
  );
}
