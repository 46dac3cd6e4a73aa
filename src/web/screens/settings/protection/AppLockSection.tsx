import { type FormEvent, useId, useState } from "react";
import {
  DEFAULT_IDLE_MINUTES,
  IDLE_CHOICES_MINUTES,
  type IdleMinutes,
  isValidPin,
} from "../../../../domain/device-lock";
import { useI18n } from "../../../i18n/context";
import type { useDeviceLock } from "../../../lock/DeviceLockProvider";
import { PinField } from "../../../lock/PinField";

/** Turn the app lock on (PIN twice, idle time), change the idle time, lock now, or turn it off. */
export function AppLockSection({
  lock,
  onChanged,
}: {
  lock: ReturnType<typeof useDeviceLock>;
  onChanged: (message: string) => void;
}) {
  const { t, tCount } = useI18n();
  const headingId = useId();
  const [idleMinutes, setIdle] = useState<IdleMinutes>(
    lock.settings?.idleMinutes ?? DEFAULT_IDLE_MINUTES,
  );
  const [pin, setPin] = useState("");
  const [again, setAgain] = useState("");
  const [errors, setErrors] = useState<{ pin?: string; again?: string }>({});
  const [busy, setBusy] = useState(false);

  async function turnOn(event: FormEvent) {
    event.preventDefault();
    const next = {
      pin: isValidPin(pin) ? undefined : t("protection.lock.pinFormat"),
      again: isValidPin(pin) && pin !== again ? t("protection.setup.mismatch") : undefined,
    };
    setErrors(next);
    if (next.pin || next.again) return;
    setBusy(true);
    await lock.turnOn(pin, idleMinutes);
    setBusy(false);
    setPin("");
    setAgain("");
    onChanged(t("protection.setup.on"));
  }

  function chooseIdle(minutes: IdleMinutes) {
    setIdle(minutes);
    if (lock.settings) {
      lock.setIdleMinutes(minutes);
      onChanged(tCount("protection.setup.idleSaved", minutes));
    }
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("protection.setup.heading")}</h2>
      <p>{t(lock.settings ? "protection.setup.isOn" : "protection.setup.explain")}</p>
      <fieldset className="stack tight">
        <legend>{t("protection.setup.idleLegend")}</legend>
        {IDLE_CHOICES_MINUTES.map((minutes) => (
          <label key={minutes} className="check-line">
            <input
              type="radio"
              name="idle-minutes"
              checked={idleMinutes === minutes}
              onChange={() => chooseIdle(minutes)}
            />
            <span>{tCount("protection.setup.minutes", minutes)}</span>
          </label>
        ))}
      </fieldset>
      {lock.settings ? (
        <div className="stack tight">
          <button type="button" className="button primary" onClick={lock.lockNow}>
            {t("protection.setup.lockNow")}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              lock.turnOff();
              onChanged(t("protection.setup.off"));
            }}
          >
            {t("protection.setup.turnOff")}
          </button>
        </div>
      ) : (
        <form className="stack" onSubmit={turnOn} noValidate>
          <PinField
            label={t("protection.setup.pinLabel")}
            hint={t("protection.setup.pinHint")}
            value={pin}
            error={errors.pin}
            onChange={setPin}
          />
          <PinField
            label={t("protection.setup.againLabel")}
            value={again}
            error={errors.again}
            onChange={setAgain}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("protection.setup.turningOn") : t("protection.setup.turnOn")}
          </button>
        </form>
      )}
    </section>
  );
}
