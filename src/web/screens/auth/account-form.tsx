import { type FormEvent, useState } from "react";
import { PASSWORD_MIN_LENGTH, passwordLength } from "../../../domain/password-policy";
import { ApiError } from "../../api";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { PasswordField } from "../../components/PasswordField";
import { TextField } from "../../components/TextField";
import { useFormSubmit } from "../../components/use-form-submit";
import { useI18n } from "../../i18n/context";

/**
 * The email / password (/ name) form that sign-in, sign-up and accepting an invite share:
 * its state, the checks made before anything is sent, and the error shown next to its field.
 */
export interface AccountValues {
  email: string;
  password: string;
  displayName: string;
}

type Kind = "existing" | "new";
const FIELDS = {
  existing: ["email", "password"],
  new: ["email", "password", "displayName"],
} as const;

export function useAccountForm(kind: Kind) {
  const i18n = useI18n();
  const [values, setValues] = useState<AccountValues>({ email: "", password: "", displayName: "" });
  const form = useFormSubmit<AccountField>(FIELDS[kind]);

  /** Checks (for a new account) then sends; on failure the form explains and can be sent again. */
  async function submit(
    event: FormEvent<HTMLFormElement>,
    send: (values: AccountValues) => Promise<void>,
  ) {
    event.preventDefault();
    if (form.isSubmitting) return;
    form.setError(null);
    const email = values.email.trim();
    // Checked in form order (email, then password), so the first problem is shown first.
    // The schema loads with the first send (zod is not in the first load; web/api.ts).
    const { emailSchema } = await import("../../../domain/api/auth");
    if (kind === "new" && !emailSchema.safeParse(email).success) {
      form.setError(describeError(new ApiError(400, "validation_error", "", "email"), i18n));
      return;
    }
    if (kind === "new" && passwordLength(values.password) < PASSWORD_MIN_LENGTH) {
      form.setError(describeError(new ApiError(400, "password_too_short", ""), i18n));
      return;
    }
    // invalid_credentials names no field on purpose (it must not say which one was wrong),
    // so it shows above the form. A success moves the person on, so the form stays busy.
    await form.send(() => send({ ...values, email, displayName: values.displayName.trim() }), {
      staysBusyAfterSuccess: true,
    });
  }

  return { kind, values, setValues, isSubmitting: form.isSubmitting, form, submit };
}

type AccountField = "email" | "password" | "displayName";
type AccountForm = ReturnType<typeof useAccountForm>;

export function AccountFields({ account }: { account: AccountForm }) {
  const { t } = useI18n();
  const { kind, values, setValues, form } = account;
  const isNew = kind === "new";
  const set = (field: AccountField) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  return (
    <>
      <FormAlert message={form.formError} />
      <TextField
        label={t("auth.email")}
        type="email"
        inputMode="email"
        autoComplete={isNew ? "email" : "username"}
        autoCapitalize="none"
        spellCheck={false}
        required
        value={values.email}
        onChange={(event) => set("email")(event.target.value)}
        error={form.fieldError("email")}
        inputRef={form.register("email")}
      />
      <PasswordField
        label={t("auth.password")}
        value={values.password}
        onChange={set("password")}
        autoComplete={isNew ? "new-password" : "current-password"}
        isNew={isNew}
        error={form.fieldError("password")}
        inputRef={form.register("password")}
      />
      {isNew && (
        <TextField
          label={t("auth.displayName")}
          hint={t("auth.displayNameHint")}
          autoComplete="nickname"
          maxLength={80}
          value={values.displayName}
          onChange={(event) => set("displayName")(event.target.value)}
          error={form.fieldError("displayName")}
          inputRef={form.register("displayName")}
        />
      )}
    </>
  );
}
