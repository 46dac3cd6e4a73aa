import { type FormEvent, useState } from "react";
import type { PeerMembership } from "../../../domain/api/peer-group";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import { peerGroupApi } from "./api";

const fields = ["alias"] as const;

/** Opting in: an alias, never a name; the server's alias rules explain any refusal. */
export function JoinForm({ onJoined }: { onJoined: (membership: PeerMembership) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [alias, setAlias] = useState("");
  const [isSubmitting, setSubmitting] = useState(false);
  const form = useFormError(fields);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    form.setError(null);
    setSubmitting(true);
    try {
      onJoined(await peerGroupApi.join(alias));
    } catch (error) {
      const described = describeError(error, i18n);
      // Every alias problem belongs next to the alias field.
      form.setError({ ...described, field: "alias" });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="peer-join">
      <h2 id="peer-join">{t("peerGroup.join.heading")}</h2>
      <p>{t("peerGroup.join.body")}</p>
      <form className="stack" noValidate onSubmit={submit} aria-busy={isSubmitting}>
        <FormAlert message={form.formError} />
        <TextField
          label={t("peerGroup.join.alias")}
          hint={t("peerGroup.join.aliasHint")}
          autoComplete="off"
          autoCapitalize="words"
          spellCheck={false}
          maxLength={60}
          value={alias}
          onChange={(event) => setAlias(event.target.value)}
          error={form.fieldError("alias")}
          inputRef={form.register("alias")}
        />
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t("peerGroup.join.joining") : t("peerGroup.join.submit")}
        </button>
      </form>
    </section>
  );
}
