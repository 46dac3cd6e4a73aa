import { type FormEvent, useState } from "react";
import type { Invite } from "../../../domain/api/auth";
import type { InvitableRole } from "../../../domain/roles";
import { api } from "../../api";
import { FormAlert } from "../../components/FormAlert";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useFormSubmit } from "../../components/use-form-submit";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";

const fields = ["role", "email"] as const;
const roles: { role: InvitableRole; labelKey: MessageKey; descriptionKey: MessageKey }[] = [
  {
    role: "clinician",
    labelKey: "invitePeople.role.clinician",
    descriptionKey: "invitePeople.role.clinicianDescription",
  },
  {
    role: "supporter",
    labelKey: "invitePeople.role.supporter",
    descriptionKey: "invitePeople.role.supporterDescription",
  },
  {
    role: "admin",
    labelKey: "invitePeople.role.admin",
    descriptionKey: "invitePeople.role.adminDescription",
  },
];

/** Admins bring clinicians, supporters and other admins in with single-use links that expire. */
export function InvitePeopleScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const [role, setRole] = useState<InvitableRole>("clinician");
  const [email, setEmail] = useState("");
  const [invite, setInvite] = useState<Invite | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useFormSubmit(fields);
  const { isSubmitting } = form;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    setCopied(false);
    void form.send(async () => {
      setInvite(await api.createInvite({ role, email: email.trim() || undefined }));
    });
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section className="stack">
      <ScreenHeading titleKey="invitePeople.title" />
      <p className="lead">{t("invitePeople.intro")}</p>
      <form className="stack" noValidate onSubmit={submit} aria-busy={isSubmitting}>
        <FormAlert message={form.formError} />
        <fieldset className="stack">
          <legend>{t("invitePeople.roleLegend")}</legend>
          {roles.map((option) => (
            <label key={option.role} className="choice">
              <input
                type="radio"
                name="role"
                value={option.role}
                checked={role === option.role}
                onChange={() => setRole(option.role)}
              />
              <span>
                <strong>{t(option.labelKey)}</strong>
                <span className="action-description">{t(option.descriptionKey)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <TextField
          label={t("invitePeople.email")}
          hint={t("invitePeople.emailHint")}
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldError("email")}
          inputRef={form.register("email")}
        />
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t("invitePeople.creating") : t("invitePeople.create")}
        </button>
      </form>
      {invite && (
        <div className="card stack" role="status">
          <h2>{t("invitePeople.readyTitle")}</h2>
          <p>
            {t("invitePeople.readyBody", {
              date: new Date(invite.expiresAt).toLocaleDateString(i18n.locale),
            })}
          </p>
          <label htmlFor="invite-url">{t("invitePeople.link")}</label>
          <input
            id="invite-url"
            readOnly
            value={invite.url}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="button" onClick={() => copy(invite.url)}>
            {copied ? t("invitePeople.copied") : t("invitePeople.copy")}
          </button>
        </div>
      )}
    </section>
  );
}
