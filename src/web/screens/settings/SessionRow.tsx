import { useState } from "react";
import type { SessionInfo } from "../../../domain/api/auth";
import { api } from "../../api";
import { Icon } from "../../components/icons";
import { PasswordConfirmForm } from "../../components/PasswordConfirmForm";
import { useI18n } from "../../i18n/context";
import { describeUserAgent } from "./user-agent";

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
  const { browser, os } = describeUserAgent(session.userAgent);
  const device =
    browser && os
      ? t("sessions.deviceOn", { browser, os })
      : (browser ?? os ?? t("sessions.unknownDevice"));

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
            <PasswordConfirmForm
              question={t("sessions.confirmEnd", { device })}
              passwordLabel={t("sessions.yourPassword")}
              confirmLabel={t("sessions.end")}
              busyLabel={t("sessions.ending")}
              confirmClassName="button secondary"
              actionsClassName="session-actions"
              cancelLabel={t("sessions.keep")}
              onConfirm={async (password) => {
                await api.endSession(session.id, password);
                onEnded(session.id);
              }}
              onCancel={() => setConfirming(false)}
            />
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
