import { type FormEvent, useId, useState } from "react";
import type { Passkey } from "../../../domain/api/passkeys";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import {
  browserHasPasskeys,
  ceremonyFailure,
  createPasskey,
} from "../../components/passkey-ceremony";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { secondFactorApi } from "./api";
import { PasskeyRow } from "./PasskeyRow";

const fields = ["name"] as const;

interface Props {
  /** What else the person has: removing the last passkey matters only without an app. */
  hasTotp: boolean;
  /** Staff lose others' records with their last factor; the warning says so. */
  required: boolean;
  /** A first second factor came with recovery codes: the screen shows them. */
  onFirstFactor: (recoveryCodes: string[]) => void;
  /** Something changed that the rest of the screen shows (the count, the state). */
  onChanged: () => void;
}

/** Passkeys on the Sign-in protection screen: the ones kept, and adding one by name. */
export function PasskeySection({ hasTotp, required, onFirstFactor, onChanged }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const { state, reload } = useLoad(() => secondFactorApi.passkeys(), [], {
    keepWhileReloading: true,
  });
  const [name, setName] = useState("");
  const [isAdding, setAdding] = useState(false);
  const [notice, setNotice] = useState("");
  const form = useFormError(fields);
  const supported = browserHasPasskeys();

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isAdding) return;
    form.setError(null);
    setNotice("");
    if (!name.trim()) {
      form.setError({ message: t("passkeys.nameMissing"), field: "name" });
      return;
    }
    setAdding(true);
    try {
      const options = await secondFactorApi.beginPasskey();
      const response = await createPasskey(options);
      const added = await secondFactorApi.addPasskey({ name: name.trim(), response });
      setName("");
      if (added.recoveryCodes) {
        onFirstFactor(added.recoveryCodes);
        return;
      }
      setNotice(t("passkeys.added", { name: added.passkey.name }));
      reload();
      onChanged();
    } catch (error) {
      form.setError(ceremonyFailure(error, i18n));
    } finally {
      setAdding(false);
    }
  }

  function removed(passkey: Passkey) {
    setNotice(t("passkeys.removed", { name: passkey.name }));
    reload();
    onChanged();
  }

  const passkeys = state.status === "loaded" ? state.value.passkeys : [];
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("passkeys.title")}</h2>
      <p>{t("passkeys.intro")}</p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" &&
        (passkeys.length === 0 ? (
          <p>{t("passkeys.none")}</p>
        ) : (
          <ul className="passkey-list" aria-label={t("passkeys.listLabel")}>
            {passkeys.map((passkey) => (
              <PasskeyRow
                key={passkey.id}
                passkey={passkey}
                isLastFactor={!hasTotp && passkeys.length === 1}
                required={required}
                onRemoved={removed}
              />
            ))}
          </ul>
        ))}
      <p role="status">{notice}</p>
      {supported ? (
        <form className="stack" noValidate onSubmit={add} aria-busy={isAdding}>
          <FormAlert message={form.formError} />
          <TextField
            label={t("passkeys.name")}
            hint={t("passkeys.nameHint")}
            maxLength={60}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={form.fieldError("name")}
            inputRef={form.register("name")}
          />
          <button type="submit" className="button primary" disabled={isAdding}>
            {isAdding ? t("passkeys.adding") : t("passkeys.add")}
          </button>
        </form>
      ) : (
        <p>{t("passkeys.unsupported")}</p>
      )}
    </section>
  );
}
