import type { ReactNode } from "react";
import { Link, Redirect } from "wouter";
import { useI18n } from "../i18n/context";
import { useSession } from "../session";
import { ErrorState } from "./ErrorState";
import { Loading } from "./Loading";
import { ScreenHeading } from "./ScreenHeading";

/** Signed-in screens: people who are signed out are sent to sign in. */
export function SignedInOnly({ children }: { children: ReactNode }) {
  const { session, reload } = useSession();
  const { t } = useI18n();
  switch (session.status) {
    case "loading":
      return <Loading />;
    case "signed-out":
      return <Redirect to="/sign-in" replace />;
    case "unreachable":
      // Offline or the server is down: say so, and point at help, which works offline.
      return (
        <div className="stack">
          <ScreenHeading titleKey="app.unreachableTitle" />
          <ErrorState message={t("app.loadError")} onRetry={reload} />
          <p>
            <Link href="/help">{t("header.getHelpNow")}</Link>
          </p>
        </div>
      );
    case "signed-in":
      return children;
  }
}

/** Sign-in and sign-up: someone already signed in goes straight to Today. */
export function SignedOutOnly({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (session.status === "loading") return <Loading />;
  if (session.status === "signed-in") return <Redirect to="/" replace />;
  return children;
}
