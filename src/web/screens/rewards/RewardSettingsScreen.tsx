import { useId } from "react";
import type { OrganizationRewards } from "../../../domain/api/rewards";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { rewardsApi } from "./api";
import { CatalogueEditor } from "./components/CatalogueEditor";
import { ScheduleForm } from "./components/ScheduleForm";
import { scheduleSummary } from "./words";

type Organization = OrganizationRewards["organizations"][number];

/** Settings → Rewards: each organization's schedule and cap (admins) and its list of rewards. */
export function RewardSettingsScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload } = useLoad(() => rewardsApi.organizations(), [], {
    keepWhileReloading: true,
  });
  return (
    <div className="stack rewards">
      <ScreenHeading titleKey="rewards.settings.title" />
      <p>{t("rewards.settings.intro")}</p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && state.value.organizations.length === 0 && (
        <p className="card">{t("rewards.settings.none")}</p>
      )}
      {state.status === "loaded" &&
        state.value.organizations.map((organization) => (
          <OrganizationSettings
            key={organization.id}
            organization={organization}
            onChange={reload}
          />
        ))}
    </div>
  );
}

function OrganizationSettings({
  organization,
  onChange,
}: {
  organization: Organization;
  onChange: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>{organization.name}</h2>
      {organization.canEditSettings ? (
        <ScheduleForm
          organizationId={organization.id}
          settings={organization.settings}
          onSaved={onChange}
        />
      ) : (
        <p className="card">
          {organization.settings
            ? scheduleSummary(organization.settings, i18n)
            : t("rewards.settings.notSet")}
        </p>
      )}
      <CatalogueEditor
        organizationId={organization.id}
        rewards={organization.catalogue}
        onChange={onChange}
      />
    </section>
  );
}
