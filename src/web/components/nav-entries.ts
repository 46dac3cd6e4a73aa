import type { MessageKey } from "../i18n/translate";
import type { IconName } from "./icons";

/** The main navigation. A new feature adds one entry here and a route in app.tsx. */
export interface NavEntry {
  href: string;
  labelKey: MessageKey;
  icon: IconName;
  /** Whether the entry is the current section, for aria-current and the highlight. */
  isActive: (location: string) => boolean;
}

export const navEntries: NavEntry[] = [
  { href: "/", labelKey: "nav.today", icon: "today", isActive: (location) => location === "/" },
  {
    href: "/plan",
    labelKey: "nav.plan",
    icon: "plan",
    isActive: (location) => location === "/plan" || location.startsWith("/plan/"),
  },
  {
    href: "/progress",
    labelKey: "nav.progress",
    icon: "progress",
    isActive: (location) => location === "/progress",
  },
  // (feature entries go above this line)
  {
    href: "/help",
    labelKey: "nav.help",
    icon: "help",
    isActive: (location) => location === "/help",
  },
  {
    href: "/settings",
    labelKey: "nav.settings",
    icon: "settings",
    isActive: (location) => location === "/settings" || location.startsWith("/settings/"),
  },
];
