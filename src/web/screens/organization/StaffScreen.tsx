import "../../styles/organization.css";
import { useState } from "react";
import type { StaffMember } from "../../../domain/api/organization";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { organizationApi } from "./api";
import { EndEveryoneForm } from "./EndEveryoneForm";
import { StaffRow } from "./StaffRow";

/** An admin sees who is on their organization's staff and can take someone off it. */
export function StaffScreen() {
  const me = useMe();
  const { t } = useI18n();
  const administered = me.memberships.filter((m) => m.role === "admin");
  return (
    <div className="stack">
      <ScreenHeading titleKey="staff.title" />
      <p className="lead">{t("staff.intro")}</p>
      {administered.map((m) => (
        <OrganizationStaff key={m.organizationId} organizationId={m.organizationId} meId={me.id} />
      ))}
    </div>
  );
}

function OrganizationStaff({ organizationId, meId }: { organizationId: string; meId: string }) {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const { state, reload } = useLoad(() => organizationApi.staff(organizationId), [organizationId], {
    keepWhileReloading: true,
  });
  const [status, setStatus] = useState("");

  function removed(person: StaffMember, sharingEnded: number) {
    const name = person.displayName ?? person.email;
    setStatus(tCount("staff.removed", sharingEnded, { name }));
    // Removing yourself ends this session too: the next request signs you out.
    reload();
  }

  return (
    <section
      className="stack"
      aria-label={state.status === "loaded" ? state.value.organization.name : undefined}
    >
      <p role="status" className="status-line">
        {status}
      </p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && (
        <>
          <h2>{state.value.organization.name}</h2>
          {state.value.staff.length === 0 ? (
            <p>{t("staff.none")}</p>
          ) : (
            <ul className="stack staff-list" aria-label={t("staff.listLabel")}>
              {state.value.staff.map((person) => (
                <StaffRow
                  key={person.id}
                  organization={state.value.organization}
                  person={person}
                  isYou={person.id === meId}
                  onRemoved={removed}
                />
              ))}
            </ul>
          )}
          <EndEveryoneForm organization={state.value.organization} />
        </>
      )}
    </section>
  );
}
