import { type FormEvent, useId, useRef, useState } from "react";
import { describeError } from "../../../components/api-error";
import { FormAlert } from "../../../components/FormAlert";
import { useI18n } from "../../../i18n/context";
import { careApi, idempotencyKey } from "../api";

/** A visit note the member can read, for a clinician the member let add notes. */
export function NoteForm({ memberId }: { memberId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  // One key per note: sending again after a lost answer is the same note, not a second one.
  const key = useRef(idempotencyKey());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await careApi.createNote(memberId, body, key.current);
      key.current = idempotencyKey();
      setBody("");
      setSaved(true);
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("care.note.title")}</h2>
      <form className="stack" noValidate onSubmit={submit} aria-busy={busy}>
        <FormAlert message={error} />
        <div className="field">
          <label htmlFor={`${id}-body`}>{t("care.note.label")}</label>
          <textarea
            id={`${id}-body`}
            rows={4}
            maxLength={4000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("care.note.saving") : t("care.note.save")}
        </button>
        {/* Always in the page, so screen readers announce the words when they appear. */}
        <p className="care-done" role="status">
          {saved ? t("care.note.saved") : ""}
        </p>
      </form>
    </section>
  );
}
