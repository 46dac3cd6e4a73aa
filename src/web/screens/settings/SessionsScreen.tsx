import { useState } from "react";
import { Link } from "wouter";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useI18n } from "../../i18n/context";
import { EndOtherSessionsForm } from "../second-factor/EndOtherSessionsForm";
import { SessionRow } from "./SessionRow";
import { SignOutButton } from "./SignOutButton";
import { useSessions } from "./use-sessions";

export function SessionsScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { load, reload, forget } = useSessions();
  const [status, setStatus] = useState("");

  function onEnded(sessionId: string) {
    forget(sessionId);
    setStatus(t("sessions.ended"));
  }

  return (
    <div className="stack">
      <p>
        <Link href="/settings">{t("sessions.back")}</Link>
      </p>
      <ScreenHeading titleKey="sessions.title" />
      <p className="lead">{t("sessions.intro")}</p>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {load.status === "loading" && <Loading />}
      {load.status === "failed" && (
        <ErrorState message={describeError(load.error, i18n).message} onRetry={reload} />
      )}
      {load.status === "loaded" && (
        <ul className="session-list">
          {load.sessions.map((session) => (
            <SessionRow key={session.id} session={session} onEnded={onEnded} />
          ))}
        </ul>
      )}
      {load.status === "loaded" && load.sessions.some((session) => !session.current) && (
        <EndOtherSessionsForm
          onEnded={() => {
            // The form leaves with the other devices; the screen's own line says it worked.
            setStatus(t("sessions.ended"));
            reload();
          }}
        />
      )}
      <SignOutButton />
    </div>
  );
}
