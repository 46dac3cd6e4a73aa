import { type Consent, SUPPORT_REQUEST_CATEGORY } from "../../../domain/api/care";

/**
 * Who sees an ask for support: everyone the member gave a live consent naming check-ins (the
 * same rule the server's supporter view applies), once each, by the name they go by.
 */
export function askAudience(given: readonly Consent[]): string[] {
  const names = new Map<string, string>();
  for (const consent of given) {
    if (consent.status !== "active") continue;
    if (!consent.categories.includes(SUPPORT_REQUEST_CATEGORY)) continue;
    names.set(consent.recipient.id, consent.recipient.displayName ?? consent.recipient.email);
  }
  return [...names.values()];
}
