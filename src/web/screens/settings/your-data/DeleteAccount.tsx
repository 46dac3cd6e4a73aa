import { type FormEvent, useLayoutEffect, useRef, useState } from "react";
import { DELETION_GRACE_DAYS } from "../../../../domain/account-deletion";
import type { AccountDeletion } from "../../../../domain/api/account";
import { describeError } from "../../../components/api-error";
import { FormAlert } from "../../../components/FormAlert";
import { PasswordField } from "../../../components/PasswordField";
import { useFormError } from "../../../components/use-form-error";
import { useI18n } from "../../../i18n/context";
import { accountApi } from "./api";

/**
 * Asking to delete the account, with the password again, and taking it back during the week
 * of grace. Focus goes to what changed, and a status line says it for screen readers.
 */
export function DeleteAccount({ initial }: { initial: AccountDeletion | null }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const [deletion, setDeletion] = useState(initial);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const form = useFormError(["password"] as const);
  const keepButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // Focus moves once the button that replaced the last one is there and enabled again.
  const [focusNext, setFocusNext] = useState<"keep" | "delete" | null>(null);
  useLayoutEffect(() => {
    if (busy || !focusNext) return;
    (focusNext === "keep" ? keepButton : deleteButton).current?.focus();
    setFocusNext(null);
  }, [busy, focusNext]);

  async function ask(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    form.setError(null);
    try {
      const asked = await accountApi.requestDeletion(password);
      setDeletion(asked);
      setPassword("");
      setStatus(t("account.deleteAsked", { date: formatDateTime(asked.dueAt) }));
      setFocusNext("keep");
    } catch (error) {
      form.setError(describeError(error, i18n));
    } finally {
      setBusy(false);
    }
  }

  async function keep() {
    setBusy(true);
    form.setError(null);
    try {
      await accountApi.cancelDeletion();
      setDeletion(null);
      setStatus(t("account.deleteKept"));
      setFocusNext("delete");
    } catch (error) {
      form.setError(describeError(error, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {deletion ? (
        <>
          <p className="lead">
            {t("account.deletePending", { date: formatDateTime(deletion.dueAt) })}
          </p>
          <FormAlert message={form.formError} />
          <button type="button" ref={keepButton} onClick={keep} disabled={busy}>
            {t("account.keepAccount")}
          </button>
        </>
      ) : (
        <form className="stack" onSubmit={ask} noValidate>
          <p>{t("account.deleteIntro", { days: DELETION_GRACE_DAYS })}</p>
          <p>{t("account.deleteAuditNote")}</p>
          <FormAlert message={form.formError} />
          <PasswordField
            label={t("account.passwordLabel")}
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            error={form.fieldError("password")}
            inputRef={form.register("password")}
          />
          <button type="submit" className="button danger" ref={deleteButton} disabled={busy}>
            {busy ? t("account.deleting") : t("account.deleteAccount")}
          </button>
        </form>
      )}
    </div>
  );
}
