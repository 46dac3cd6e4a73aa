import { useState } from "react";
import { api } from "../../api";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { readQueue } from "../../offline/store";
import { useSession } from "../../session";

/**
 * Ends this browser's session and clears what the app kept on the device (the offline queue
 * and the last-seen answers); the signed-in-only guard then sends the person to sign in.
 * Records not yet sent are named first, so nobody loses them without knowing.
 */
export function SignOutButton() {
  const i18n = useI18n();
  const { session, setMe } = useSession();
  const [isSigningOut, setSigningOut] = useState(false);
  /** How many records were still on the phone when the person was told; null: not told. */
  const [unsentWhenWarned, setUnsentWhenWarned] = useState<number | null>(null);
  const [error, setError] = useState<string>();

  async function signOut() {
    if (unsentWhenWarned === null) {
      // Read from the device itself: the sync line may not have counted them yet.
      const memberId = session.status === "signed-in" ? session.me.id : null;
      const queue = await readQueue().catch(() => []);
      const unsent = queue.filter((write) => write.memberId === memberId).length;
      if (unsent > 0) {
        setUnsentWhenWarned(unsent);
        return;
      }
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
      {unsentWhenWarned !== null && (
        <p className="sync-line" role="alert">
          {i18n.tCount("offline.signOutWaiting", unsentWhenWarned)}
        </p>
      )}
      <button type="button" className="button secondary" onClick={signOut} disabled={isSigningOut}>
        {isSigningOut
          ? i18n.t("sessions.signingOut")
          : unsentWhenWarned !== null
            ? i18n.t("offline.signOutAnyway")
            : i18n.t("sessions.signOut")}
      </button>
    </div>
  );
}
