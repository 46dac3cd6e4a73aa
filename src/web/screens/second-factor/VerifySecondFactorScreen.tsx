import { type FormEvent, useState } from "react";
import { FormAlert } from "../../components/FormAlert";
import {
  browserHasPasskeys,
  ceremonyFailure,
  signWithPasskey,
} from "../../components/passkey-ceremony";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useFormSubmit } from "../../components/use-form-submit";
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
  const form = useFormSubmit(fields);

  // A success opens the app, so the form stays busy until it has.
  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = value.trim();
    const proof = method === "recoveryCode" ? { recoveryCode: typed } : { code: typed };
    void form.send(async () => setMe(await secondFactorApi.verify(proof)), {
      staysBusyAfterSuccess: true,
    });
  }

  function submitPasskey() {
    void form.send(
      async () => {
        const passkey = await signWithPasskey(await secondFactorApi.beginPasskeySignIn());
        setMe(await secondFactorApi.verify({ passkey }));
      },
      { describe: (error) => ceremonyFailure(error, i18n), staysBusyAfterSuccess: true },
    );
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
        <div className="stack" aria-busy={form.isSubmitting}>
          <p className="lead">{t("verifySecondFactor.passkeyIntro")}</p>
          <FormAlert message={form.formError} />
          <button
            type="button"
            className="button primary"
            onClick={submitPasskey}
            disabled={form.isSubmitting}
          >
            {form.isSubmitting
              ? t("verifySecondFactor.waitingForPasskey")
              : t("verifySecondFactor.passkey")}
          </button>
        </div>
      ) : (
        <>
          <p className="lead">{t("verifySecondFactor.intro")}</p>
          <form className="stack" noValidate onSubmit={submitCode} aria-busy={form.isSubmitting}>
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
            <button type="submit" className="button primary" disabled={form.isSubmitting}>
              {form.isSubmitting
                ? t("verifySecondFactor.submitting")
                : t("verifySecondFactor.submit")}
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
