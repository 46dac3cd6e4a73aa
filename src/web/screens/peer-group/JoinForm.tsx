import { type FormEvent, useState } from "react";
import type { PeerMembership } from "../../../domain/api/peer-group";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { useFormSubmit } from "../../components/use-form-submit";
import { useI18n } from "../../i18n/context";
import { peerGroupApi } from "./api";

const fields = ["alias"] as const;

/** Opting in: an alias, never a name; the server's alias rules explain any refusal. */
export function JoinForm({ onJoined }: { onJoined: (membership: PeerMembership) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [alias, setAlias] = useState("");
  const form = useFormSubmit(fields);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.send(async () => onJoined(await peerGroupApi.join(alias)), {
      // Every alias problem belongs next to the alias field.
      describe: (error) => ({ ...describeError(error, i18n), field: "alias" }),
    });
  }

  return (
    <section className="card stack" aria-labelledby="peer-join">
      <h2 id="peer-join">{t("peerGroup.join.heading")}</h2>
      <p>{t("peerGroup.join.body")}</p>
      <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
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
        <button type="submit" className="button primary" disabled={form.isSubmitting}>
          {form.isSubmitting ? t("peerGroup.join.joining") : t("peerGroup.join.submit")}
        </button>
      </form>
    </section>
  );
}
