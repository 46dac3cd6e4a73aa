import { type FormEvent, useState } from "react";
import type { SessionInfo } from "../../../domain/api/auth";
import { api } from "../../api";
import { FormAlert } from "../../components/FormAlert";
import { Icon } from "../../components/icons";
import { PasswordField } from "../../components/PasswordField";
import { useFormSubmit } from "../../components/use-form-submit";
import { useI18n } from "../../i18n/context";
import { describeUserAgent } from "./user-agent";

const fields = ["password"] as const;

interface SessionRowProps {
  session: SessionInfo;
  onEnded: (sessionId: string) => void;
}

/**
 * One signed-in device. Ending another device's session asks for the password first (ASVS
 * 7.5.2): someone holding this phone must not sign its owner out of the devices they would use
 * to take their account back.
 */
export function SessionRow({ session, onEnded }: SessionRowProps) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const [isConfirming, setConfirming] = useState(false);
  const [password, setPassword] = useState("");
  const form = useFormSubmit(fields);
  const isEnding = form.isSubmitting;
  const { browser, os } = describeUserAgent(session.userAgent);
  const device =
    browser && os
      ? t("sessions.deviceOn", { browser, os })
      : (browser ?? os ?? t("sessions.unknownDevice"));

  function end(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.send(async () => {
      await api.endSession(session.id, password);
      onEnded(session.id);
    });
  }

  function keep() {
    form.setError(null);
    setPassword("");
    setConfirming(false);
  }

  return (
    <li className="card session">
      <Icon name="devices" />
      <div className="stack tight">
        <p className="session-device">
          <strong>{device}</strong>
          {session.current && <span className="badge">{t("sessions.thisDevice")}</span>}
        </p>
        <p className="hint">{t("sessions.created", { date: formatDateTime(session.createdAt) })}</p>
        <p className="hint">
          {t("sessions.lastSeen", { date: formatDateTime(session.lastSeenAt) })}
        </p>
        {/* This device signs out with the button below the list instead. */}
        {!session.current &&
          (isConfirming ? (
            <form className="stack" noValidate onSubmit={end} aria-busy={isEnding}>
              <FormAlert message={form.formError} />
              <p>{t("sessions.confirmEnd", { device })}</p>
              <PasswordField
                label={t("sessions.yourPassword")}
                autoComplete="current-password"
                value={password}
                onChange={setPassword}
                error={form.fieldError("password")}
                inputRef={form.register("password")}
              />
              <div className="session-actions">
                <button type="submit" className="button secondary" disabled={isEnding}>
                  {isEnding ? t("sessions.ending") : t("sessions.end")}
                </button>
                <button type="button" className="button secondary" onClick={keep}>
                  {t("sessions.keep")}
                </button>
              </div>
            </form>
          ) : (
            <button
              type="button"
              className="button secondary"
              onClick={() => setConfirming(true)}
              aria-label={t("sessions.endOn", { device })}
            >
              {t("sessions.end")}
            </button>
          ))}
      </div>
    </li>
  );
}
