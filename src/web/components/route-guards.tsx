import type { ReactNode } from "react";
import { Link, Redirect, useLocation } from "wouter";
import type { Me } from "../../domain/api/auth";
import { useI18n } from "../i18n/context";
import { useSession } from "../session";
import { ErrorState } from "./ErrorState";
import { Loading } from "./Loading";
import { ScreenHeading } from "./ScreenHeading";

/** Where staff add the second factor their role requires. */
export const ENROLMENT_PATH = "/settings/second-factor";

/**
 * Signed-in screens: people who are signed out are sent to sign in; people partly signed in
 * to the second step; staff without a second factor to add one (the server refuses them
 * others' records anyway, with second_factor_required).
 */
export function SignedInOnly({ children }: { children: ReactNode }) {
  const { session, reload } = useSession();
  const { t } = useI18n();
  const [location] = useLocation();
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
    case "signed-in": {
      const detour = secondFactorDetour(session.me, location);
      return detour ? <Redirect to={detour} replace /> : children;
    }
  }
}

/**
 * Where a signed-in screen sends someone first, or null: the second step of sign-in, or
 * adding a second factor their role requires.
 */
export function secondFactorDetour(me: Me, location: string): string | null {
  const { state, required } = me.secondFactor;
  if (state === "pending") return "/sign-in/second-factor";
  if (required && state === "none" && location !== ENROLMENT_PATH) return ENROLMENT_PATH;
  return null;
}

/** Sign-in's second step: only while partly signed in. */
export function PartlySignedInOnly({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (session.status === "loading") return <Loading />;
  if (session.status !== "signed-in") return <Redirect to="/sign-in" replace />;
  if (session.me.secondFactor.state !== "pending") return <Redirect to="/" replace />;
  return children;
}

/** Sign-in and sign-up: someone already signed in goes straight to Today. */
export function SignedOutOnly({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (session.status === "loading") return <Loading />;
  if (session.status === "signed-in") return <Redirect to="/" replace />;
  return children;
}
