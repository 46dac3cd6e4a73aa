import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import type { Naloxone } from "../../../domain/api/support";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { supportApi } from "./api";
import { writeHelpCache } from "./help-cache";
import { NaloxoneExpiryNote } from "./NaloxoneExpiryNote";

/** Where the member keeps their naloxone and when it expires; shown on the help screen. */
export function NaloxoneScreen() {
  const me = useMe();
  const i18n = useI18n();
  const { state, reload } = useLoad(async () => {
    const kit = await supportApi.naloxone(me.id);
    // Kept on this device, so the help screen shows it offline and knows to refresh it.
    if (kit) writeHelpCache({ memberId: me.id, naloxone: kit });
    return kit;
  }, [me.id]);
  return (
    <div className="stack support">
      <ScreenHeading titleKey="naloxone.title" />
      <p className="lead">{i18n.t("naloxone.intro")}</p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && <NaloxoneForm current={state.value} />}
      <Link href="/help">{i18n.t("naloxone.seeSteps")}</Link>
    </div>
  );
}

function NaloxoneForm({ current }: { current: Naloxone | null }) {
  const me = useMe();
  const i18n = useI18n();
  const { t } = i18n;
  const [location, setLocation] = useState(current?.location ?? "");
  const [expiresOn, setExpiresOn] = useState(current?.expiresOn ?? "");
  const [saved, setSaved] = useState<Naloxone | null>(current);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus("");
    try {
      const result = await supportApi.setNaloxone(me.id, location, expiresOn || null);
      setSaved(result);
      writeHelpCache({ memberId: me.id, naloxone: result });
      setStatus(t("naloxone.savedStatus"));
    } catch (caught) {
      setError(describeError(caught, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate>
      {saved && <NaloxoneExpiryNote naloxone={saved} />}
      <TextField
        label={t("naloxone.location")}
        hint={t("naloxone.locationHint")}
        value={location}
        maxLength={200}
        required
        onChange={(event) => setLocation(event.target.value)}
        error={error?.field === "location" ? error.message : undefined}
      />
      <TextField
        label={t("naloxone.expiresOn")}
        type="date"
        value={expiresOn}
        onChange={(event) => setExpiresOn(event.target.value)}
        error={error?.field === "expiresOn" ? error.message : undefined}
      />
      <FormAlert
        message={
          error && !["location", "expiresOn"].includes(error.field ?? "")
            ? error.message
            : undefined
        }
      />
      <p role="status">{status}</p>
      <button type="submit" className="button primary" disabled={busy}>
        {t("naloxone.save")}
      </button>
    </form>
  );
}
