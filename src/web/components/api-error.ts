import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../domain/password-policy";
import { ApiError } from "../api";
import type { I18n } from "../i18n/context";
import { isMessageKey } from "../i18n/translate";

export interface ErrorDescription {
  message: string;
  /** The form field the error belongs to, when it belongs to one. */
  field?: string;
}

const fieldByCode: Record<string, string> = {
  password_too_short: "password",
  password_too_long: "password",
  password_common: "password",
  password_context: "password",
  email_taken: "email",
};

/**
 * Turns any thrown error into a message in the person's language. The server's English
 * message is never shown: only its code, looked up in the catalog, with a generic fallback.
 */
export function describeError(error: unknown, { t, tCount }: I18n): ErrorDescription {
  if (!(error instanceof ApiError)) return { message: t("errors.generic") };
  const field = fieldByCode[error.code] ?? error.field;

  if (error.code === "rate_limited" && error.retryAfterSeconds !== undefined) {
    const seconds = Math.max(1, error.retryAfterSeconds);
    const message =
      seconds < 120
        ? tCount("errors.rateLimitedSeconds", seconds)
        : tCount("errors.rateLimitedMinutes", Math.ceil(seconds / 60));
    return { message };
  }
  if (error.code === "validation_error" && field) {
    const fieldKey = `errors.validation.${field}`;
    const message = isMessageKey(fieldKey) ? t(fieldKey) : t("errors.validation_error");
    return { message, field };
  }

  const codeKey = `errors.${error.code}`;
  const message = isMessageKey(codeKey)
    ? t(codeKey, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })
    : t("errors.generic");
  return field ? { message, field } : { message };
}
