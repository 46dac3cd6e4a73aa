import { useState } from "react";
import { api } from "../../api";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";

/** Ends this browser's session; the signed-in-only guard then sends the person to sign in. */
export function SignOutButton() {
  const i18n = useI18n();
  const { setMe } = useSession();
  const [isSigningOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string>();

  async function signOut() {
    setSigningOut(true);
    setError(undefined);
    try {
      await api.signOut();
      setMe(null);
    } catch (caught) {
      setError(describeError(caught, i18n).message);
      setSigningOut(false);
    }
  }

  return (
    <div className="stack">
      <FormAlert message={error} />
      <button type="button" className="button secondary" onClick={signOut} disabled={isSigningOut}>
        {isSigningOut ? i18n.t("sessions.signingOut") : i18n.t("sessions.signOut")}
      </button>
    </div>
  );
}
