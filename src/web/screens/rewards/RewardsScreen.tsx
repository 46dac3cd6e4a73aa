import { useId } from "react";
import type { RewardProgram } from "../../../domain/api/rewards";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { rewardsApi } from "./api";
import { BalanceCard } from "./components/BalanceCard";
import { CatalogueList } from "./components/CatalogueList";
import { LedgerList } from "./components/LedgerList";
import { TargetSummary } from "./components/TargetSummary";

/** The member's points: balance, what earns them, the clinic's rewards and the ledger. */
export function RewardsScreen() {
  const me = useMe();
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload } = useLoad(() => rewardsApi.memberRewards(me.id), [me.id], {
    keepWhileReloading: true,
  });
  return (
    <div className="stack rewards">
      <ScreenHeading titleKey="rewards.title" />
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && state.value.programs.length === 0 && (
        <p className="card">{t("rewards.empty")}</p>
      )}
      {state.status === "loaded" &&
        state.value.programs.map((program) => (
          <Program
            key={program.organization.id}
            program={program}
            memberId={me.id}
            onChange={reload}
          />
        ))}
    </div>
  );
}

function Program({
  program,
  memberId,
  onChange,
}: {
  program: RewardProgram;
  memberId: string;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const targetsId = useId();
  return (
    <>
      <BalanceCard program={program} />
      <section className="card stack" aria-labelledby={targetsId}>
        <h2 id={targetsId}>{t("rewards.targets.title")}</h2>
        {program.targets.length === 0 ? (
          <p className="hint">{t("rewards.targets.none")}</p>
        ) : (
          <ul className="rewards-targets">
            {program.targets.map((target) => (
              <TargetSummary key={target.id} target={target} />
            ))}
          </ul>
        )}
      </section>
      <CatalogueList
        memberId={memberId}
        rewards={program.catalogue}
        balance={program.balance}
        onChange={onChange}
      />
      <LedgerList lines={program.ledger} />
    </>
  );
}
