import { useState } from "react";
import { api } from "../../api";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { useSyncState } from "../../offline/use-sync";
import { useSession } from "../../session";

/**
 * Ends this browser's session and clears what the app kept on the device (the offline queue
 * and the last-seen answers); the signed-in-only guard then sends the person to sign in.
 * Records not yet sent are named first, so nobody loses them without knowing.
 */
export function SignOutButton() {
  const i18n = useI18n();
  const { setMe } = useSession();
  const sync = useSyncState();
  const unsent = sync.waiting + sync.refused.length;
  const [isSigningOut, setSigningOut] = useState(false);
  const [isWarned, setWarned] = useState(false);
  const [error, setError] = useState<string>();

  async function signOut() {
    if (unsent > 0 && !isWarned) {
      setWarned(true);
      return;
    }
    setSigningOut(true);
    setError(undefined);
    try {
      await api.signOut();
      // The sync loop loads on demand (it is not part of the first screen's code).
      const { clearDevice } = await import("../../offline/sync");
      await clearDevice().catch(() => undefined);
      setMe(null);
    } catch (caught) {
      setError(describeError(caught, i18n).message);
      setSigningOut(false);
    }
  }

  return (
    <div className="stack">
      <FormAlert message={error} />
      {isWarned && unsent > 0 && (
        <p className="gentle-warning" role="alert">
          {i18n.tCount("offline.signOutWaiting", unsent)}
        </p>
      )}
      <button type="button" className="button secondary" onClick={signOut} disabled={isSigningOut}>
        {isSigningOut
          ? i18n.t("sessions.signingOut")
          : isWarned && unsent > 0
            ? i18n.t("offline.signOutAnyway")
            : i18n.t("sessions.signOut")}
      </button>
    </div>
  );
}
