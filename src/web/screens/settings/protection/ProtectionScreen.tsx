import { useState } from "react";
import { ScreenHeading } from "../../../components/ScreenHeading";
import { useI18n } from "../../../i18n/context";
import { useDeviceLock } from "../../../lock/DeviceLockProvider";
import { AppLockSection } from "./AppLockSection";
import { DiscreetModeSection } from "./DiscreetModeSection";

/** /settings/protection: app lock, discreet mode and quick exit, for a phone others may pick up. */
export function ProtectionScreen() {
  const { t } = useI18n();
  const lock = useDeviceLock();
  const [status, setStatus] = useState<string>();
  return (
    <div className="stack">
      <ScreenHeading titleKey="protection.title" />
      <p className="saved-message" role="status">
        {status}
      </p>
      <AppLockSection lock={lock} onChanged={setStatus} />
      <DiscreetModeSection onChanged={setStatus} />
      <section className="card stack" aria-labelledby="quick-exit-heading">
        <h2 id="quick-exit-heading">{t("protection.quickExit.heading")}</h2>
        <p>{t("protection.quickExit.explain")}</p>
      </section>
    </div>
  );
}
