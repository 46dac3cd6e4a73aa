import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import type { Contact, ContactBody } from "../../../domain/api/support";

type PlanStepChoice = { id: string; title: string };

import { type ContactRole, contactRoleSchema, type Reach } from "../../../domain/support";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { supportApi } from "./api";
import { ContactActions } from "./ContactActions";
import { writeHelpCache } from "./help-cache";

const ROLES = contactRoleSchema.options;
const REACHES: Reach[] = ["call", "text", "other"];

/** The people in the member's corner. Nothing here is shared with them. */
export function PeopleScreen() {
  const me = useMe();
  const i18n = useI18n();
  const { t } = i18n;
  // The member's plan steps, to link a person to the ones they help with.
  const [planSteps, setPlanSteps] = useState<PlanStepChoice[]>([]);
  const { state, reload } = useLoad(async () => {
    const { contacts, planSteps } = await supportApi.contactsWithPlanSteps(me.id);
    writeHelpCache({ memberId: me.id, contacts });
    setPlanSteps(planSteps);
    return contacts;
  }, [me.id]);
  const [editing, setEditing] = useState<Contact | "new" | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | undefined>();

  const remove = async (contact: Contact) => {
    setError(undefined);
    try {
      await supportApi.deleteContact(me.id, contact.id);
      setConfirming(null);
      setStatus(t("people.deleted", { name: contact.name }));
      reload();
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    }
  };

  return (
    <div className="stack support">
      <ScreenHeading titleKey="people.title" />
      <p className="lead">{t("people.intro")}</p>
      <p className="status-line" role="status">
        {status}
      </p>
      <FormAlert message={error} />
      {editing ? (
        <ContactForm
          contact={editing === "new" ? null : editing}
          planSteps={planSteps}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              setStatus(t("people.saved", { name: saved.name }));
              reload();
            }
          }}
        />
      ) : (
        <button type="button" className="button primary" onClick={() => setEditing("new")}>
          {t("people.add")}
        </button>
      )}
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && state.value.length === 0 && !editing && (
        <div className="card empty">
          <h2>{t("people.emptyTitle")}</h2>
          <p>{t("people.emptyBody")}</p>
        </div>
      )}
      {state.status === "loaded" && state.value.length > 0 && (
        <ul className="people-list" aria-label={t("people.listLabel")}>
          {state.value.map((contact) => (
            <li key={contact.id} className="card stack tight">
              <h2>{contact.name}</h2>
              <p className="role">{t(`people.role.${contact.role}`)}</p>
              {contact.phone && <p>{contact.phone}</p>}
              {contact.reach === "other" && contact.reachNote && <p>{contact.reachNote}</p>}
              {contact.notes && <p className="hint">{contact.notes}</p>}
              {contact.planSteps.length > 0 && (
                <p className="helps-with">
                  {t("people.helpsWith", {
                    steps: contact.planSteps.map((step) => step.title).join(" · "),
                  })}
                </p>
              )}
              <ContactActions contact={contact} />
              {confirming === contact.id ? (
                <div className="confirm">
                  <p>{t("people.confirmDelete", { name: contact.name })}</p>
                  <div className="actions-row">
                    <button type="button" className="button danger" onClick={() => remove(contact)}>
                      {t("people.deleteYes")}
                    </button>
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => setConfirming(null)}
                    >
                      {t("people.cancel")}
                    </button>
                  </div>
                </div>
              ) : (
                <div className="actions-row">
                  <button
                    type="button"
                    className="button secondary"
                    aria-label={t("people.editName", { name: contact.name })}
                    onClick={() => setEditing(contact)}
                  >
                    {t("people.edit")}
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    aria-label={t("people.deleteName", { name: contact.name })}
                    onClick={() => setConfirming(contact.id)}
                  >
                    {t("people.delete")}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <nav className="stack tight" aria-label={t("people.moreLabel")}>
        <Link href="/people/naloxone">{t("naloxone.editLink")}</Link>
        <Link href="/meetings">{t("meetings.title")}</Link>
      </nav>
    </div>
  );
}

function ContactForm({
  contact,
  planSteps,
  onDone,
}: {
  contact: Contact | null;
  planSteps: PlanStepChoice[];
  onDone: (saved: Contact | null) => void;
}) {
  const me = useMe();
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState(contact?.name ?? "");
  const [role, setRole] = useState<ContactRole>(contact?.role ?? "sponsor");
  const [phone, setPhone] = useState(contact?.phone ?? "");
  const [reach, setReach] = useState<Reach>(contact?.reach ?? "call");
  const [reachNote, setReachNote] = useState(contact?.reachNote ?? "");
  const [notes, setNotes] = useState(contact?.notes ?? "");
  const [stepIds, setStepIds] = useState<string[]>(contact?.planStepIds ?? []);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: ContactBody = {
      name,
      role,
      phone: phone.trim() || null,
      reach,
      reachNote: reach === "other" ? reachNote.trim() || null : null,
      notes: notes.trim() || null,
      planStepIds: stepIds,
    };
    try {
      const saved = contact
        ? await supportApi.updateContact(me.id, contact.id, body)
        : await supportApi.createContact(me.id, body);
      onDone(saved);
    } catch (caught) {
      setError(describeError(caught, i18n));
      setBusy(false);
    }
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <h2>{contact ? t("people.editTitle", { name: contact.name }) : t("people.addTitle")}</h2>
      <TextField
        label={t("people.name")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        required
        maxLength={120}
        autoComplete="off"
        error={fieldError("name")}
      />
      <div className="field">
        <label htmlFor="contact-role">{t("people.roleLabel")}</label>
        <select
          id="contact-role"
          value={role}
          onChange={(event) => setRole(event.target.value as ContactRole)}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`people.role.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t("people.phone")}
        type="tel"
        inputMode="tel"
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        maxLength={40}
        autoComplete="off"
        error={fieldError("phone")}
      />
      <fieldset className="toggle-group">
        <legend>{t("people.reachLabel")}</legend>
        {REACHES.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name="reach"
              value={option}
              checked={reach === option}
              onChange={() => setReach(option)}
            />
            {t(`people.reach.${option}`)}
          </label>
        ))}
      </fieldset>
      {reach === "other" && (
        <TextField
          label={t("people.reachNote")}
          value={reachNote}
          onChange={(event) => setReachNote(event.target.value)}
          maxLength={200}
        />
      )}
      <div className="field">
        <label htmlFor="contact-notes">{t("people.notes")}</label>
        <textarea
          id="contact-notes"
          value={notes}
          maxLength={2000}
          rows={3}
          onChange={(event) => setNotes(event.target.value)}
        />
      </div>
      <fieldset className="toggle-group" aria-describedby="contact-steps-hint">
        <legend>{t("people.steps")}</legend>
        <p className="hint" id="contact-steps-hint">
          {planSteps.length > 0 ? t("people.stepsHint") : t("people.noSteps")}
        </p>
        {planSteps.map((step) => (
          <label key={step.id} className="choice">
            <input
              type="checkbox"
              checked={stepIds.includes(step.id)}
              onChange={(event) =>
                setStepIds(
                  event.target.checked
                    ? [...stepIds, step.id]
                    : stepIds.filter((id) => id !== step.id),
                )
              }
            />
            {step.title}
          </label>
        ))}
      </fieldset>
      <FormAlert
        message={
          error && !["name", "phone"].includes(error.field ?? "") ? error.message : undefined
        }
      />
      <div className="actions-row">
        <button type="submit" className="button primary" disabled={busy}>
          {t("people.save")}
        </button>
        <button type="button" className="button secondary" onClick={() => onDone(null)}>
          {t("people.cancel")}
        </button>
      </div>
    </form>
  );
}
