import type { Contact, Naloxone } from "../../../domain/api/support";
import { crisisContactOrder } from "../../../domain/support";

/**
 * The member's own people and naloxone kit, kept on this device so the help screen shows them
 * without a network. Only what the help screen needs; cleared when someone else signs in.
 */
export interface HelpCache {
  memberId: string;
  contacts: Pick<Contact, "id" | "name" | "role" | "phone" | "reach">[];
  naloxone: Pick<Naloxone, "location" | "expiresOn" | "expiry"> | null;
}

const KEY = "waymark.support.help";

export function readHelpCache(): HelpCache | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as HelpCache;
    return typeof value.memberId === "string" && Array.isArray(value.contacts) ? value : null;
  } catch {
    return null;
  }
}

export function writeHelpCache(update: Partial<HelpCache> & { memberId: string }): HelpCache {
  const current = readHelpCache();
  const base: HelpCache =
    current && current.memberId === update.memberId
      ? current
      : { memberId: update.memberId, contacts: [], naloxone: null };
  const next: HelpCache = {
    ...base,
    ...update,
    contacts: (update.contacts ?? base.contacts).map(({ id, name, role, phone, reach }) => ({
      id,
      name,
      role,
      phone,
      reach,
    })),
  };
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Private mode or a full disk: the help screen still shows the lines.
  }
  return next;
}

export function clearHelpCache(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}

/** Emergency contacts first, then sponsor, counselor, peer specialist, everyone else. */
export function contactsForCrisis<T extends Pick<Contact, "role" | "name">>(contacts: T[]): T[] {
  return [...contacts].sort(
    (a, b) =>
      crisisContactOrder(a.role) - crisisContactOrder(b.role) || a.name.localeCompare(b.name),
  );
}

/** Digits and a leading + only, for tel: and sms: links. */
export function dialable(phone: string): string {
  return phone.replace(/[^+0-9]/g, "");
}
