import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import type { Message } from "../../../../domain/api/messages";
import { MESSAGE_MAX_LENGTH } from "../../../../domain/messages";
import { FormAlert } from "../../../components/FormAlert";
import { useFormSubmit } from "../../../components/use-form-submit";
import { useI18n } from "../../../i18n/context";
import { idempotencyKey } from "../../care/api";
import { messagesApi } from "../api";

/**
 * Writes a message. The text stays in the box until the server has it, so a failed send loses
 * nothing; a retry of the same text carries the same Idempotency-Key and lands once.
 */
export function Composer({
  memberId,
  personId,
  onSent,
}: {
  memberId: string;
  personId: string;
  onSent: (message: Message) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [body, setBody] = useState("");
  // No field of its own: every failure, the server's too, is said above the box.
  const form = useFormSubmit([]);
  const busy = form.isSubmitting;
  const error = form.formError;
  const key = useRef(idempotencyKey());
  const box = useRef<HTMLTextAreaElement>(null);
  const left = MESSAGE_MAX_LENGTH - body.length;

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    const text = body.trim();
    // Said here, in words about a message (the server's 400 names the same field).
    if (text.length === 0) return fail(t("messages.composer.empty"));
    if (text.length > MESSAGE_MAX_LENGTH) return fail(t("messages.composer.tooLong"));
    await form.send(async () => {
      const message = await messagesApi.send(memberId, personId, text, key.current);
      key.current = idempotencyKey();
      setBody("");
      onSent(message);
    });
    // Back in the box whether it went or not: to write the next one, or to fix and resend.
    box.current?.focus();
  }

  function fail(message: string) {
    form.setError({ message });
    box.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter makes a new line (people write paragraphs); Ctrl or ⌘ + Enter sends.
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void send();
  }

  return (
    <form className="composer stack tight" noValidate onSubmit={send} aria-busy={busy}>
      <FormAlert message={error} id={`${id}-error`} />
      <div className="field">
        <label htmlFor={`${id}-body`}>{t("messages.composer.label")}</label>
        <textarea
          ref={box}
          id={`${id}-body`}
          rows={3}
          value={body}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setBody(event.target.value);
            // A new text is a new message; the old key belongs to the one that failed.
            key.current = idempotencyKey();
          }}
          onKeyDown={onKeyDown}
        />
        <p className="hint" id={`${id}-hint`}>
          {left < 200
            ? t("messages.composer.left", { count: Math.max(left, 0) })
            : t("messages.composer.hint")}
        </p>
      </div>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t("messages.composer.sending") : t("messages.composer.send")}
      </button>
    </form>
  );
}
