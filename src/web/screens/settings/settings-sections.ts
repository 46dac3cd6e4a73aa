import type { Me } from "../../../domain/api/auth";
import type { MessageKey } from "../../i18n/translate";

/** Rows on the settings screen. Later settings (language, discreet mode, PIN) add one here. */
export interface SettingsSection {
  href: string;
  labelKey: MessageKey;
  descriptionKey: MessageKey;
  /** Shown only to people for whom this is true; everyone when absent. */
  visibleTo?: (me: Me) => boolean;
}

export const settingsSections: SettingsSection[] = [
  {
    href: "/settings/sessions",
    labelKey: "settings.sessions",
    descriptionKey: "settings.sessionsDescription",
  },
  {
    href: "/settings/second-factor",
    labelKey: "settings.secondFactor",
    descriptionKey: "settings.secondFactorDescription",
  },
  {
    href: "/settings/password",
    labelKey: "settings.password",
    descriptionKey: "settings.passwordDescription",
  },
  {
    href: "/settings/reset-links",
    labelKey: "settings.resetLinks",
    descriptionKey: "settings.resetLinksDescription",
    visibleTo: (me) => me.memberships.some((m) => m.role === "admin"),
  },
  {
    href: "/settings/invite",
    labelKey: "settings.invitePeople",
    descriptionKey: "settings.invitePeopleDescription",
    visibleTo: (me) => me.memberships.some((m) => m.role === "admin"),
  },
  {
    href: "/settings/moderators",
    labelKey: "settings.moderators",
    descriptionKey: "settings.moderatorsDescription",
    visibleTo: (me) => me.memberships.some((m) => m.role === "admin"),
  },
  {
    href: "/settings/staff",
    labelKey: "settings.staff",
    descriptionKey: "settings.staffDescription",
    visibleTo: (me) => me.memberships.some((m) => m.role === "admin"),
  },
  {
    href: "/settings/sharing",
    labelKey: "settings.sharing",
    descriptionKey: "settings.sharingDescription",
    visibleTo: (me) => me.memberships.some((m) => m.role === "member"),
  },
  {
    href: "/settings/your-data",
    labelKey: "settings.yourData",
    descriptionKey: "settings.yourDataDescription",
  },
  {
    href: "/settings/reminders",
    labelKey: "settings.reminders",
    descriptionKey: "settings.remindersDescription",
  },
  {
    href: "/settings/rewards",
    labelKey: "settings.rewards",
    descriptionKey: "settings.rewardsDescription",
    visibleTo: (me) => me.memberships.some((m) => m.role === "admin" || m.role === "clinician"),
  },
  {
    href: "/settings/protection",
    labelKey: "settings.protection",
    descriptionKey: "settings.protectionDescription",
  },
];
