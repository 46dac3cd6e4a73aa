import type { MessageKey } from "../../i18n/translate";

/** Rows on the settings screen. Later settings (language, discreet mode, PIN) add one here. */
export interface SettingsSection {
  href: string;
  labelKey: MessageKey;
  descriptionKey: MessageKey;
}

export const settingsSections: SettingsSection[] = [
  {
    href: "/settings/sessions",
    labelKey: "settings.sessions",
    descriptionKey: "settings.sessionsDescription",
  },
];
