import { useState } from "react";
import type { StaffMember } from "../../../domain/api/organization";
import type { Role } from "../../../domain/roles";
import { FormAlert } from "../../components/FormAlert";
import { useFormSubmit } from "../../components/use-form-submit";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import { organizationApi } from "./api";

const roleKeys: Record<Role, MessageKey> = {
  member: "staff.role.member",
  clinician: "staff.role.clinician",
  supporter: "staff.role.supporter",
  moderator: "staff.role.moderator",
  admin: "staff.role.admin",
};

interface Props {
  organization: { id: string; name: string };
  person: StaffMember;
  isYou: boolean;
  onRemoved: (person: StaffMember, sharingEnded: number) => void;
}

/**
 * One person on the staff, and "Remove from organization" — which asks first and says what
 * happens: signed out on every device at once, and members' sharing with them ends.
 */
export function StaffRow({ organization, person, isYou, onRemoved }: Props) {
  const { t } = useI18n();
  const [isConfirming, setConfirming] = useState(false);
  const form = useFormSubmit([]);
  const isRemoving = form.isSubmitting;
  const name = person.displayName ?? person.email;

  function remove() {
    // The row leaves the list once removed, so its buttons stay busy until then.
    void form.send(
      async () => {
        const result = await organizationApi.remove(organization.id, person.id);
        onRemoved(person, result.sharingEnded);
      },
      { staysBusyAfterSuccess: true },
    );
  }

  return (
    <li className="card stack">
      <p>
        <strong>{name}</strong> <span className="hint">{person.email}</span>
      </p>
      <p className="hint">{person.roles.map((role) => t(roleKeys[role])).join(" · ")}</p>
      {isConfirming ? (
        <div className="stack">
          <FormAlert message={form.formError} />
          <p className="alert">
            {t(isYou ? "staff.confirmYourself" : "staff.confirm", {
              name,
              organization: organization.name,
            })}
          </p>
          <div className="staff-actions">
            <button type="button" className="button danger" onClick={remove} disabled={isRemoving}>
              {isRemoving ? t("staff.removing") : t("staff.confirmRemove", { name })}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                form.setError(null);
                setConfirming(false);
              }}
              disabled={isRemoving}
            >
              {t("staff.keep")}
            </button>
          </div>
        </div>
      ) : (
        <div className="staff-actions">
          <button
            type="button"
            className="button secondary"
            aria-label={t("staff.removeNamed", { name })}
            onClick={() => setConfirming(true)}
          >
            {t("staff.remove")}
          </button>
        </div>
      )}
    </li>
  );
}
