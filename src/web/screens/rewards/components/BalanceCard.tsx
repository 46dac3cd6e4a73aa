import { useId } from "react";
import type { RewardProgram } from "../../../../domain/api/rewards";
import { useI18n } from "../../../i18n/context";
import { capReached } from "../words";

/** Points to spend, earned and spent, and how the year stands against the clinic's cap. */
export function BalanceCard({
  program,
  staff = false,
}: {
  program: RewardProgram;
  staff?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const cap = program.settings?.yearlyCapPoints;
  return (
    <section className="card stack rewards-balance" aria-labelledby={id}>
      <p className="hint">{t("rewards.at", { organization: program.organization.name })}</p>
      <h2 id={id}>{t("rewards.balance", { points: Math.max(0, program.balance) })}</h2>
      <p>{t("rewards.totals", { earned: program.earned, redeemed: program.redeemed })}</p>
      {cap !== undefined &&
        (capReached(program) && !staff ? (
          // Said to the member as good news: the limit is the clinic's, the progress is theirs.
          <p>{t("rewards.capReached", { cap })}</p>
        ) : (
          <p className="hint">
            {t(staff ? "rewards.staff.capLine" : "rewards.capProgress", {
              earned: program.earnedThisYear,
              cap,
            })}
          </p>
        ))}
    </section>
  );
}
