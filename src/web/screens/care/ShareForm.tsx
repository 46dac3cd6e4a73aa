import { type FormEvent, useId, useState } from "react";
import type { Consent } from "../../../domain/api/care";
import type { DataCategory } from "../../../domain/consent";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { useFormSubmit } from "../../components/use-form-submit";
import { useI18n } from "../../i18n/context";
import { careApi } from "./api";
import { CATEGORIES, categoryLabel } from "./words";

const fields = [
  "recipientEmail",
  "purpose",
  "categories",
  "expiresAt",
  "expiryEvent",
  "revocationAcknowledged",
  "signature",
] as const;

/**
 * A written consent with every element 42 CFR §2.31 asks for: the recipient, the purpose,
 * each category by name, an end (a date or an event), the revocation statement and a signature.
 */
export function ShareForm({ onShared }: { onShared: (consent: Consent) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const [email, setEmail] = useState("");
  const [purpose, setPurpose] = useState("");
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [endBy, setEndBy] = useState<"date" | "event">("date");
  const [endDate, setEndDate] = useState("");
  const [endEvent, setEndEvent] = useState("");
  const [acknowledged, setAcknowledged] = useState(false);
  const [typedName, setTypedName] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const form = useFormSubmit(fields);

  function toggle(category: DataCategory, checked: boolean) {
    setCategories((list) =>
      checked ? [...list, category] : list.filter((item) => item !== category),
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.isSubmitting) return;
    form.setError(null);
    setDone(null);
    if (categories.length === 0) {
      form.setError({ message: t("care.form.needCategory"), field: "categories" });
      return;
    }
    if (!acknowledged) {
      form.setError({ message: t("care.form.needAck"), field: "revocationAcknowledged" });
      return;
    }
    void form.send(
      async () => {
        const consent = await careApi.createConsent({
          recipientEmail: email.trim(),
          purpose,
          categories: CATEGORIES.filter((category) => categories.includes(category)),
          expiresAt:
            endBy === "date" && endDate ? new Date(`${endDate}T23:59:59`).toISOString() : null,
          expiryEvent: endBy === "event" ? endEvent.trim() || null : null,
          signature: { typedName },
          revocationAcknowledged: true,
        });
        setDone(t("care.form.shared", { email: consent.recipient.email }));
        setEmail("");
        setPurpose("");
        setCategories([]);
        setEndDate("");
        setEndEvent("");
        setAcknowledged(false);
        setTypedName("");
        onShared(consent);
      },
      {
        describe: (error) => {
          const description = describeError(error, i18n);
          // The end of sharing is one choice on screen: the error goes to the field shown.
          const isEndField =
            description.field === "expiresAt" || description.field === "expiryEvent";
          if (!isEndField) return description;
          return { ...description, field: endBy === "date" ? "expiresAt" : "expiryEvent" };
        },
      },
    );
  }

  const categoriesError = form.fieldError("categories");
  const ackError = form.fieldError("revocationAcknowledged");
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("care.form.title")}</h2>
      {done && (
        <p className="care-done" role="status">
          {done}
        </p>
      )}
      <form className="stack" noValidate onSubmit={submit} aria-busy={form.isSubmitting}>
        <FormAlert message={form.formError} />
        <TextField
          label={t("care.form.email")}
          hint={t("care.form.emailHint")}
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldError("recipientEmail")}
          inputRef={form.register("recipientEmail")}
        />
        <TextField
          label={t("care.form.purpose")}
          hint={t("care.form.purposeHint")}
          value={purpose}
          onChange={(event) => setPurpose(event.target.value)}
          error={form.fieldError("purpose")}
          inputRef={form.register("purpose")}
        />
        <fieldset
          className="stack"
          aria-describedby={categoriesError ? "care-cat-error" : undefined}
        >
          <legend>{t("care.form.categories")}</legend>
          <p className="hint">{t("care.form.categoriesHint")}</p>
          {CATEGORIES.map((category, index) => (
            <label key={category} className="choice">
              <input
                type="checkbox"
                name="categories"
                value={category}
                checked={categories.includes(category)}
                onChange={(event) => toggle(category, event.target.checked)}
                ref={index === 0 ? form.register("categories") : undefined}
              />
              <span>{categoryLabel(category, i18n)}</span>
            </label>
          ))}
          {categoriesError && (
            <p className="field-error" id="care-cat-error" role="alert">
              {categoriesError}
            </p>
          )}
        </fieldset>
        <fieldset className="stack">
          <legend>{t("care.form.endLegend")}</legend>
          <label className="choice">
            <input
              type="radio"
              name="end-by"
              checked={endBy === "date"}
              onChange={() => setEndBy("date")}
            />
            <span>{t("care.form.endDate")}</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="end-by"
              checked={endBy === "event"}
              onChange={() => setEndBy("event")}
            />
            <span>{t("care.form.endEvent")}</span>
          </label>
          {endBy === "date" ? (
            <TextField
              label={t("care.form.date")}
              type="date"
              min={today}
              value={endDate}
              onChange={(event) => setEndDate(event.target.value)}
              error={form.fieldError("expiresAt")}
              inputRef={form.register("expiresAt")}
            />
          ) : (
            <TextField
              label={t("care.form.event")}
              hint={t("care.form.eventHint")}
              value={endEvent}
              onChange={(event) => setEndEvent(event.target.value)}
              error={form.fieldError("expiryEvent")}
              inputRef={form.register("expiryEvent")}
            />
          )}
        </fieldset>
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              checked={acknowledged}
              onChange={(event) => setAcknowledged(event.target.checked)}
              ref={form.register("revocationAcknowledged")}
              aria-invalid={ackError ? true : undefined}
              aria-describedby={ackError ? "care-ack-error" : undefined}
            />
            <span>{t("care.form.revocable")}</span>
          </label>
          {ackError && (
            <p className="field-error" id="care-ack-error" role="alert">
              {ackError}
            </p>
          )}
        </div>
        <TextField
          label={t("care.form.signature")}
          hint={t("care.form.signatureHint")}
          autoComplete="name"
          value={typedName}
          onChange={(event) => setTypedName(event.target.value)}
          error={form.fieldError("signature")}
          inputRef={form.register("signature")}
        />
        <button type="submit" className="button primary" disabled={form.isSubmitting}>
          {form.isSubmitting ? t("care.form.submitting") : t("care.form.submit")}
        </button>
      </form>
    </section>
  );
}
