import { useId } from "react";
import { Link } from "wouter";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { useToday } from "../today/today-data";

/** On Today, for a member whose clinic runs rewards: points to spend, one tap from the list. */
export function RewardsTodayCard() {
  const me = useMe();
  if (!me.memberships.some((m) => m.role === "member")) return null;
  return <PointsCard />;
}

function PointsCard() {
  const { t } = useI18n();
  const id = useId();
  const { state } = useToday();
  // Nothing to show (or to wait for) when no clinic runs rewards for this person.
  if (state.status !== "loaded" || state.value.rewards.programs.length === 0) return null;
  const balance = state.value.rewards.programs.reduce(
    (sum, program) => sum + Math.max(0, program.balance),
    0,
  );
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t("rewards.today.title")}</h2>
      <p>{t("rewards.balance", { points: balance })}</p>
      <Link href="/rewards" className="button secondary">
        {t("rewards.today.open")}
      </Link>
    </section>
  );
}
