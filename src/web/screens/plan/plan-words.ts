import type { Locale } from "../../../domain/api/auth";
import type { PlanDomain } from "../../../domain/plan";
import { planText } from "../../../domain/plan-catalog/catalog";

/**
 * Words the plan shares with the server: domain names and the stage's opening line come
 * from the starter-plan catalog (src/domain/plan-catalog), so they are written once.
 */
export function domainName(locale: Locale, domain: PlanDomain): string {
  return planText(locale, `plan.domain.${domain}`);
}

export function introLine(locale: Locale, introKey: string): string {
  return planText(locale, introKey);
}
