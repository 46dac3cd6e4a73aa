import type { IconName } from "../../components/icons";
import type { MessageKey } from "../../i18n/translate";

/** Shortcuts on Today. Later features (check-in, craving log, plan) add an entry here. */
export interface QuickAction {
  href: string;
  labelKey: MessageKey;
  descriptionKey: MessageKey;
  icon: IconName;
  /** Crisis help is set apart so it can be found at a glance. */
  isUrgent?: boolean;
}

export const quickActions: QuickAction[] = [
  {
    href: "/help",
    labelKey: "today.actionHelp",
    descriptionKey: "today.actionHelpDescription",
    icon: "phone",
    isUrgent: true,
  },
  {
    href: "/plan/reasons",
    labelKey: "planCard.reasonsAction",
    descriptionKey: "planCard.reasonsActionDescription",
    icon: "reasons",
  },
  {
    href: "/craving",
    labelKey: "today.actionCraving",
    descriptionKey: "today.actionCravingDescription",
    icon: "wave",
  },
  {
    href: "/checkin",
    labelKey: "today.actionCheckin",
    descriptionKey: "today.actionCheckinDescription",
    icon: "check",
  },
  {
    href: "/medication",
    labelKey: "today.actionMedication",
    descriptionKey: "today.actionMedicationDescription",
    icon: "pill",
  },
  {
    href: "/meetings",
    labelKey: "support.actionMeetings",
    descriptionKey: "support.actionMeetingsDescription",
    icon: "calendar",
  },
  {
    href: "/people",
    labelKey: "support.actionPeople",
    descriptionKey: "support.actionPeopleDescription",
    icon: "message",
  },
  {
    href: "/lessons",
    labelKey: "lessons.action",
    descriptionKey: "lessons.actionDescription",
    icon: "book",
  },
  // (feature actions go above this line)
  {
    href: "/settings/sessions",
    labelKey: "today.actionDevices",
    descriptionKey: "today.actionDevicesDescription",
    icon: "devices",
  },
];
