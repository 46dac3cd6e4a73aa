import { type FormEvent, useState } from "react";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import {
  browserHasPasskeys,
  ceremonyFailure,
  signWithPasskey,
} from "../../components/passkey-ceremony";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import { useSession } from "../../session";
import { SignOutButton } from "../settings/SignOutButton";
import { secondFactorApi } from "./api";

const fields = ["code", "recoveryCode"] as const;

type Method = "passkey" | "code" | "recoveryCode";

/**
 * The second step of sign-in: a passkey (offered first when the person has one and the browser
 * can use it), a code from the authenticator app, or a recovery code.
 */
export function VerifySecondFactorScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, setMe } = useSession();
  const methods = session.status === "signed-in" ? session.me.secondFactor.methods : undefined;
  const canUsePasskey = Boolean(methods?.passkey) && browserHasPasskeys();
  // Without the server's word (an older answer), the app is what sign-in always offered.
  const hasApp = methods?.totp ?? true;
  const [method, setMethod] = useState<Method>(canUsePasskey ? "passkey" : "code");
  const [value, setValue] = useState("");
  const [isSubmitting, setSubmitting] = useState(false);
  const form = useFormError(fields);

  async function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    form.setError(null);
    setSubmitting(true);
    try {
      const typed = value.trim();
      setMe(
        await secondFactorApi.verify(
          method === "recoveryCode" ? { recoveryCode: typed } : { code: typed },
        ),
      );
    } catch (error) {
      form.setError(describeError(error, i18n));
      setSubmitting(false);
    }
  }

  async function submitPasskey() {
    if (isSubmitting) return;
    form.setError(null);
    setSubmitting(true);
    try {
      const options = await secondFactorApi.beginPasskeySignIn();
      const passkey = await signWithPasskey(options);
      setMe(await secondFactorApi.verify({ passkey }));
    } catch (error) {
      form.setError(ceremonyFailure(error, i18n));
      setSubmitting(false);
    }
  }

  function switchTo(next: Method) {
    form.setError(null);
    setValue("");
    setMethod(next);
  }

  const otherMethods: [Method, MessageKey][] = [];
  if (canUsePasskey && method !== "passkey") {
    otherMethods.push(["passkey", "verifySecondFactor.usePasskey"]);
  }
  if (hasApp && method !== "code") otherMethods.push(["code", "verifySecondFactor.useApp"]);
  if (method !== "recoveryCode") {
    otherMethods.push(["recoveryCode", "verifySecondFactor.useRecovery"]);
  }

  return (
    <section className="stack">
      <ScreenHeading titleKey="verifySecondFactor.title" />
      {method === "passkey" ? (
        <div className="stack" aria-busy={isSubmitting}>
          <p className="lead">{t("verifySecondFactor.passkeyIntro")}</p>
          <FormAlert message={form.formError} />
          <button
            type="button"
            className="button primary"
            onClick={submitPasskey}
            disabled={isSubmitting}
          >
            {isSubmitting
              ? t("verifySecondFactor.waitingForPasskey")
              : t("verifySecondFactor.passkey")}
          </button>
        </div>
      ) : (
        <>
          <p className="lead">{t("verifySecondFactor.intro")}</p>
          <form className="stack" noValidate onSubmit={submitCode} aria-busy={isSubmitting}>
            <FormAlert message={form.formError} />
            {method === "recoveryCode" ? (
              <TextField
                key="recoveryCode"
                label={t("verifySecondFactor.recoveryCode")}
                hint={t("verifySecondFactor.recoveryHint")}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                value={value}
                onChange={(event) => setValue(event.target.value)}
                error={form.fieldError("recoveryCode")}
                inputRef={form.register("recoveryCode")}
              />
            ) : (
              <TextField
                key="code"
                label={t("verifySecondFactor.code")}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                value={value}
                onChange={(event) => setValue(event.target.value)}
                error={form.fieldError("code")}
                inputRef={form.register("code")}
              />
            )}
            <button type="submit" className="button primary" disabled={isSubmitting}>
              {isSubmitting ? t("verifySecondFactor.submitting") : t("verifySecondFactor.submit")}
            </button>
          </form>
        </>
      )}
      {otherMethods.map(([other, labelKey]) => (
        <button key={other} type="button" className="button link" onClick={() => switchTo(other)}>
          {t(labelKey)}
        </button>
      ))}
      <SignOutButton />
    </section>
  );
}
