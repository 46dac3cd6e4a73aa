import { Link } from "wouter";
import { useLoad } from "../../../components/use-load";
import { useI18n } from "../../../i18n/context";
import { careApi } from "../api";

/** The button to a member's rewards screen (targets to verify, the points ledger). */
export function RewardsLink({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  return (
    <p>
      <Link href={`/caseload/${encodeURIComponent(memberId)}/rewards`} className="button secondary">
        {t("care.summary.rewards")}
      </Link>
    </p>
  );
}

/**
 * When the summary is refused: access ended — unless the member shares rewards only (a clinic
 * running contingency management may be given just that), which the summary does not show.
 */
export function SummaryRefused({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const { state } = useLoad(() => careApi.listConsents(), []);
  if (state.status === "loading") return null;
  const rewardsOnly =
    state.status === "loaded" &&
    state.value.received.some(
      (consent) =>
        consent.member.id === memberId &&
        consent.status === "active" &&
        consent.categories.includes("rewards"),
    );
  if (rewardsOnly) {
    return (
      <>
        <p>{t("care.summary.rewardsOnly")}</p>
        <RewardsLink memberId={memberId} />
      </>
    );
  }
  return (
    <p className="alert" role="alert">
      {t("care.summary.ended")}
    </p>
  );
}
