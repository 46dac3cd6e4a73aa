import type { Me } from "../../domain/api/auth";
import type { Role } from "../../domain/roles";
import type { MessageKey } from "../i18n/translate";
import type { IconName } from "./icons";

/** The main navigation. A new feature adds one entry here and a route in app.tsx. */
export interface NavEntry {
  href: string;
  labelKey: MessageKey;
  icon: IconName;
  /** Whether the entry is the current section, for aria-current and the highlight. */
  isActive: (location: string) => boolean;
  /** Shown only to people for whom this is true; everyone when absent. */
  visibleTo?: (me: Me) => boolean;
}

const hasRole = (me: Me, role: Role) => me.memberships.some((m) => m.role === role);
/** Plan and Progress are a member's own; staff accounts without a member role skip them. */
const isMember = (me: Me) => hasRole(me, "member");

export const navEntries: NavEntry[] = [
  { href: "/", labelKey: "nav.today", icon: "today", isActive: (location) => location === "/" },
  {
    href: "/plan",
    labelKey: "nav.plan",
    icon: "plan",
    isActive: (location) => location === "/plan" || location.startsWith("/plan/"),
    visibleTo: isMember,
  },
  {
    href: "/progress",
    labelKey: "nav.progress",
    icon: "progress",
    isActive: (location) => location === "/progress",
    visibleTo: isMember,
  },
  {
    href: "/caseload",
    labelKey: "nav.caseload",
    icon: "caseload",
    isActive: (location) => location === "/caseload" || location.startsWith("/caseload/"),
    visibleTo: (me) => hasRole(me, "clinician"),
  },
  {
    href: "/supporting",
    labelKey: "nav.supporting",
    icon: "caseload",
    isActive: (location) => location === "/supporting",
    visibleTo: (me) => hasRole(me, "supporter"),
  },
  {
    // One entry for everyone within reach (messages, the peer group, people to call), so a
    // member's bar on a 360 px phone keeps five entries; "Get help now" is in the header.
    href: "/messages",
    labelKey: "nav.people",
    icon: "message",
    isActive: (location) =>
      ["/messages", "/peer-group", "/people"].some(
        (section) => location === section || location.startsWith(`${section}/`),
      ),
    visibleTo: isMember,
  },
  {
    // Moderators who are not members reach the group directly.
    href: "/peer-group",
    labelKey: "nav.peerGroup",
    icon: "message",
    isActive: (location) => location === "/peer-group" || location.startsWith("/peer-group/"),
    visibleTo: (me) => !isMember(me) && hasRole(me, "moderator"),
  },
  // (feature entries go above this line)
  {
    href: "/settings",
    labelKey: "nav.settings",
    icon: "settings",
    isActive: (location) => location === "/settings" || location.startsWith("/settings/"),
  },
];
