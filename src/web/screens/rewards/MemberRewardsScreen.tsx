import { Link } from "wouter";
import type { RewardProgram } from "../../../domain/api/rewards";
import { ApiError } from "../../api";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { rewardsApi } from "./api";
import { AddTargetForm } from "./components/AddTargetForm";
import { BalanceCard } from "./components/BalanceCard";
import { LedgerList } from "./components/LedgerList";
import { TargetVerifier } from "./components/TargetVerifier";

/** A clinician's rewards screen for one member: targets to verify, corrections, the ledger. */
export function MemberRewardsScreen({ memberId }: { memberId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const { state, reload } = useLoad(() => rewardsApi.memberRewards(memberId), [memberId], {
    keepWhileReloading: true,
  });
  const notShared =
    state.status === "failed" && state.error instanceof ApiError && state.error.status === 403;
  const myOrganizations = new Set(
    me.memberships.filter((m) => m.role === "clinician").map((m) => m.organizationId),
  );
  const programs =
    state.status === "loaded"
      ? state.value.programs.filter((program) => myOrganizations.has(program.organization.id))
      : [];
  return (
    <div className="stack rewards">
      <ScreenHeading titleKey="rewards.title" />
      <p>
        <Link href={`/caseload/${encodeURIComponent(memberId)}`}>{t("rewards.staff.back")}</Link>
      </p>
      {state.status === "loading" && <Loading />}
      {notShared && (
        <p className="alert" role="alert">
          {t("rewards.staff.notShared")}
        </p>
      )}
      {state.status === "failed" && !notShared && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && programs.every((program) => program.settings === null) && (
        <p className="card">{t("rewards.staff.notSetUp")}</p>
      )}
      {programs
        .filter((program) => program.settings !== null)
        .map((program) => (
          <StaffProgram
            key={program.organization.id}
            program={program}
            memberId={memberId}
            onChange={reload}
          />
        ))}
    </div>
  );
}

function StaffProgram({
  program,
  memberId,
  onChange,
}: {
  program: RewardProgram;
  memberId: string;
  onChange: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <BalanceCard program={program} staff />
      {program.targets.length === 0 ? (
        <p className="card">{t("rewards.staff.noTargets")}</p>
      ) : (
        <ul className="rewards-verify-list">
          {program.targets.map((target) => (
            <TargetVerifier
              key={target.id}
              memberId={memberId}
              target={target}
              onChange={onChange}
            />
          ))}
        </ul>
      )}
      <AddTargetForm
        memberId={memberId}
        organizationId={program.organization.id}
        onAdded={onChange}
      />
      <LedgerList lines={program.ledger} staff />
    </>
  );
}
