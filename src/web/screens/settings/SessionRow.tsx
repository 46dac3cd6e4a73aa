import { useState } from "react";
import type { SessionInfo } from "../../../domain/api/auth";
import { api } from "../../api";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { Icon } from "../../components/icons";
import { useI18n } from "../../i18n/context";
import { describeUserAgent } from "./user-agent";

interface SessionRowProps {
  session: SessionInfo;
  onEnded: (sessionId: string) => void;
}

export function SessionRow({ session, onEnded }: SessionRowProps) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const [isEnding, setEnding] = useState(false);
  const [error, setError] = useState<string>();
  const { browser, os } = describeUserAgent(session.userAgent);
  const device =
    browser && os
      ? t("sessions.deviceOn", { browser, os })
      : (browser ?? os ?? t("sessions.unknownDevice"));

  async function end() {
    setEnding(true);
    setError(undefined);
    try {
      await api.endSession(session.id);
      onEnded(session.id);
    } catch (caught) {
      setError(describeError(caught, i18n).message);
      setEnding(false);
    }
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
        <FormAlert message={error} />
        {/* This device signs out with the button below the list instead. */}
        {!session.current && (
          <button
            type="button"
            className="button secondary"
            onClick={end}
            disabled={isEnding}
            aria-label={isEnding ? undefined : t("sessions.endOn", { device })}
          >
            {isEnding ? t("sessions.ending") : t("sessions.end")}
          </button>
        )}
      </div>
    </li>
  );
}
