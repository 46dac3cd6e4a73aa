import { useId } from "react";
import { Link } from "wouter";
import { MEETING_REMINDER_LEADS } from "../../../domain/meeting-reminder";
import { useI18n } from "../../i18n/context";

type Lead = (typeof MEETING_REMINDER_LEADS)[number];

/** The words for a lead ("1 hour before"); a lead set elsewhere falls back to minutes. */
export function leadLabel(minutes: number, t: ReturnType<typeof useI18n>["t"]): string {
  return (MEETING_REMINDER_LEADS as readonly number[]).includes(minutes)
    ? t(`meetings.reminder.${minutes as Lead}`)
    : `${minutes} min`;
}

/**
 * "Remind me before it": no reminder, or 15 minutes to 2 hours before each start. The hint
 * says where the notification comes and that it stays discreet.
 */
export function ReminderSelect({
  value,
  onChange,
  label,
  disabled,
}: {
  value: number | null;
  onChange: (minutes: number | null) => void;
  label?: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const known = value === null || (MEETING_REMINDER_LEADS as readonly number[]).includes(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t("meetings.reminder.label")}</label>
      <p className="hint" id={`${id}-hint`}>
        {t("meetings.reminder.hint")}{" "}
        <Link href="/settings/reminders">{t("meetings.reminder.settings")}</Link>
      </p>
      <select
        id={id}
        aria-describedby={`${id}-hint`}
        value={value === null ? "" : String(value)}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">{t("meetings.reminder.none")}</option>
        {MEETING_REMINDER_LEADS.map((lead) => (
          <option key={lead} value={lead}>
            {t(`meetings.reminder.${lead}`)}
          </option>
        ))}
        {!known && <option value={value}>{leadLabel(value, t)}</option>}
      </select>
    </div>
  );
}
