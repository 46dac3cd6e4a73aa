import { type FormEvent, useId, useRef, useState } from "react";
import type { CreatedPeerPost } from "../../../domain/api/peer-group";
import { POST_MAX_LENGTH } from "../../../domain/peer-group/channels";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { idempotencyKey } from "../care/api";

interface PostComposerProps {
  label: string;
  hint?: string;
  submitLabel: string;
  /** Sends the words under this attempt's Idempotency-Key (kept across retries). */
  send: (body: string, key: string) => Promise<CreatedPeerPost>;
  onPosted: (created: CreatedPeerPost) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A post or a reply: only the words typed here are sent, nothing else is attached. */
export function PostComposer(props: PostComposerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string>();
  const [isSending, setSending] = useState(false);
  const key = useRef(idempotencyKey());
  const field = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSending) return;
    if (body.trim() === "") {
      setError(t("peerGroup.compose.empty"));
      field.current?.focus();
      return;
    }
    setError(undefined);
    setSending(true);
    try {
      const created = await props.send(body, key.current);
      key.current = idempotencyKey();
      setBody("");
      props.onPosted(created);
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="stack composer" noValidate onSubmit={submit} aria-busy={isSending}>
      <div className="field">
        <label htmlFor={id}>{props.label}</label>
        {props.hint && (
          <p className="hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        )}
        <textarea
          id={id}
          ref={field}
          rows={3}
          maxLength={POST_MAX_LENGTH}
          value={body}
          // biome-ignore lint/a11y/noAutofocus: a reply box opens because the person asked for it.
          autoFocus={props.autoFocus}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          onChange={(event) => setBody(event.target.value)}
        />
      </div>
      <FormAlert message={error} />
      <div className="actions-row">
        <button type="submit" className="button primary" disabled={isSending}>
          {isSending ? t("peerGroup.compose.posting") : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button secondary" onClick={props.onCancel}>
            {t("peerGroup.reply.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
