import { Link } from "wouter";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";

const links: { href: string; labelKey: MessageKey }[] = [
  { href: "/reasons", labelKey: "plan.link.reasons" },
  { href: "/readiness", labelKey: "plan.link.readiness" },
  { href: "/review", labelKey: "plan.link.review" },
  { href: "/history", labelKey: "plan.link.history" },
];

/** The plan's other screens (relative: they live under /plan). */
export function PlanLinks() {
  const { t } = useI18n();
  return (
    <nav aria-label={t("plan.moreLabel")}>
      <ul className="chip-links">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{t(link.labelKey)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Back to the plan from one of its screens. */
export function BackToPlan() {
  const { t } = useI18n();
  return (
    <p>
      <Link href="~/plan">{t("plan.back")}</Link>
    </p>
  );
}
