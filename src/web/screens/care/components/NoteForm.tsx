import { type FormEvent, useId, useRef, useState } from "react";
import { FormAlert } from "../../../components/FormAlert";
import { useFormSubmit } from "../../../components/use-form-submit";
import { useI18n } from "../../../i18n/context";
import { careApi, idempotencyKey } from "../api";

/** A visit note the member can read, for a clinician the member let add notes. */
export function NoteForm({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const id = useId();
  const [body, setBody] = useState("");
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit([]);
  // One key per note: sending again after a lost answer is the same note, not a second one.
  const key = useRef(idempotencyKey());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.isSubmitting) return;
    setSaved(false);
    void form.send(async () => {
      await careApi.createNote(memberId, body, key.current);
      key.current = idempotencyKey();
      setBody("");
      setSaved(true);
    });
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("care.note.title")}</h2>
      <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
        <FormAlert message={form.formError} />
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
        <button type="submit" className="button primary" disabled={form.isSubmitting}>
          {form.isSubmitting ? t("care.note.saving") : t("care.note.save")}
        </button>
        {/* Always in the page, so screen readers announce the words when they appear. */}
        <p className="care-done" role="status">
          {saved ? t("care.note.saved") : ""}
        </p>
      </form>
    </section>
  );
}
