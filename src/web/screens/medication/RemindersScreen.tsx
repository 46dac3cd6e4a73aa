import { type FormEvent, useId, useState } from "react";
import type { z } from "zod";
import type { ReminderView, reminderListSchema } from "../../../domain/api/medication";
import { WEEKDAYS, type Weekday } from "../../../domain/dose-schedule";
import { REMINDER_KINDS, type ReminderKind } from "../../../domain/reminder";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { medicationApi, newReminderId } from "./api";
import { CalendarFeedSection } from "./CalendarFeedSection";
import { DayToggles, SelectField } from "./fields";
import { notificationPermission, subscribeThisDevice } from "./push";
import { clockTime, weekdayName } from "./words";

type ReminderList = z.infer<typeof reminderListSchema>;

/** /settings/reminders: reminders, notifications on this device, discreet text, calendar feed. */
export function RemindersScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const { state, reload } = useLoad(() => medicationApi.reminders(me.id), [me.id], {
    keepWhileReloading: true,
  });
  const [message, setMessage] = useState("");
  const listId = useId();

  const said = (text: string) => {
    setMessage(text);
    reload();
  };

  return (
    <div className="stack medication">
      <ScreenHeading titleKey="reminders.title" />
      <p className="lead">{t("reminders.intro")}</p>
      <p className="saved-message" role="status">
        {message}
      </p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={t("reminders.loadError")} onRetry={reload} />
      )}
      {state.status === "loaded" && (
        <>
          <NotificationsSection list={state.value} onChanged={said} />
          <section className="card stack" aria-labelledby={listId}>
            <h2 id={listId}>{t("reminders.list.heading")}</h2>
            {state.value.reminders.length === 0 ? (
              <p className="hint">{t("reminders.list.empty")}</p>
            ) : (
              <ul className="reminder-list">
                {state.value.reminders.map((reminder) => (
                  <ReminderItem key={reminder.id} reminder={reminder} onChanged={said} />
                ))}
              </ul>
            )}
            <AddReminderForm onAdded={() => said(t("reminders.added"))} />
          </section>
        </>
      )}
      <CalendarFeedSection />
    </div>
  );
}

function NotificationsSection({
  list,
  onChanged,
}: {
  list: ReminderList;
  onChanged: (message: string) => void;
}) {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const me = useMe();
  const headingId = useId();
  const explainId = useId();
  const [permission, setPermission] = useState(notificationPermission);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const turnOn = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const outcome = await subscribeThisDevice(medicationApi.pushPublicKey);
      if (outcome.status === "unsupported") setProblem(t("reminders.notifications.unsupported"));
      else if (outcome.status === "denied") {
        setPermission(notificationPermission());
        setProblem(t("reminders.notifications.denied"));
      } else {
        await medicationApi.subscribePush(me.id, outcome.subscription);
        setPermission("granted");
        onChanged(t("reminders.notifications.done"));
      }
    } catch (failure) {
      setProblem(
        failure instanceof Error && failure.name === "NotAllowedError"
          ? t("reminders.notifications.denied")
          : t("reminders.notifications.failed"),
      );
    } finally {
      setBusy(false);
    }
  };

  const setDetails = async (details: boolean) => {
    setProblem(undefined);
    try {
      await medicationApi.setNotificationDetails(me.id, details);
      onChanged(t(details ? "reminders.details.savedOn" : "reminders.details.savedOff"));
    } catch (failure) {
      setProblem(describeError(failure, i18n).message);
    }
  };

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("reminders.notifications.heading")}</h2>
      <p>
        {list.pushDevices > 0
          ? tCount("reminders.notifications.on", list.pushDevices)
          : t("reminders.notifications.off")}
      </p>
      {permission === "unsupported" ? (
        <p className="hint">{t("reminders.notifications.unsupported")}</p>
      ) : permission === "denied" ? (
        <p className="hint">{t("reminders.notifications.denied")}</p>
      ) : (
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void turnOn()}
        >
          {busy ? t("reminders.notifications.turningOn") : t("reminders.notifications.turnOn")}
        </button>
      )}
      <FormAlert message={problem} />
      <div className="stack tight">
        <label className="check-line">
          <input
            type="checkbox"
            checked={list.notificationDetails}
            aria-describedby={explainId}
            onChange={(event) => void setDetails(event.target.checked)}
          />
          <span>{t("reminders.details.label")}</span>
        </label>
        <p className="hint" id={explainId}>
          {t("reminders.details.explain")}
        </p>
      </div>
    </section>
  );
}

function reminderWords(
  { t, locale }: Pick<ReturnType<typeof useI18n>, "t" | "locale">,
  reminder: Pick<ReminderView, "kind" | "localTime" | "days">,
): string {
  const days =
    reminder.days.length === 7
      ? t("reminders.everyDay")
      : WEEKDAYS.filter((day) => reminder.days.includes(day))
          .map((day) => weekdayName(t, day))
          .join(", ");
  return t("reminders.entry", {
    kind: t(`reminders.kind.${reminder.kind}`),
    time: clockTime(locale, reminder.localTime),
    days,
  });
}

function ReminderItem({
  reminder,
  onChanged,
}: {
  reminder: ReminderView;
  onChanged: (message: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [error, setError] = useState<string>();
  const words = reminderWords(i18n, reminder);

  const run = async (work: () => Promise<unknown>, message: string) => {
    setError(undefined);
    try {
      await work();
      onChanged(message);
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    }
  };

  return (
    <li className="reminder">
      <p>{words}</p>
      <div className="reminder-actions">
        <label className="check-line">
          <input
            type="checkbox"
            checked={reminder.enabled}
            aria-label={t("reminders.enabledLabel", { reminder: words })}
            onChange={(event) =>
              void run(
                () =>
                  medicationApi.setReminder(me.id, reminder.id, {
                    kind: reminder.kind,
                    localTime: reminder.localTime,
                    days: reminder.days,
                    enabled: event.target.checked,
                  }),
                "",
              )
            }
          />
          <span aria-hidden="true">{t("reminders.enabled")}</span>
        </label>
        <button
          type="button"
          className="button secondary"
          aria-label={t("reminders.deleteLabel", { reminder: words })}
          onClick={() =>
            void run(() => medicationApi.deleteReminder(me.id, reminder.id), t("reminders.deleted"))
          }
        >
          {t("reminders.delete")}
        </button>
      </div>
      <FormAlert message={error} />
    </li>
  );
}

const REMINDER_FIELDS = ["localTime", "days"] as const;

function AddReminderForm({ onAdded }: { onAdded: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [kind, setKind] = useState<ReminderKind>("dose");
  const [time, setTime] = useState("09:00");
  const [days, setDays] = useState<Weekday[]>([...WEEKDAYS]);
  const [reminderId, setReminderId] = useState(newReminderId);
  const [saving, setSaving] = useState(false);
  const { setError, register, fieldError, formError } = useFormError(REMINDER_FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await medicationApi.setReminder(me.id, reminderId, {
        kind,
        localTime: time,
        days,
        enabled: true,
      });
      setReminderId(newReminderId());
      onAdded();
    } catch (failure) {
      setError(describeError(failure, i18n));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="stack add-reminder" onSubmit={submit} noValidate>
      <h3>{t("reminders.add")}</h3>
      <FormAlert message={formError} />
      <SelectField
        label={t("reminders.kindField")}
        value={kind}
        onChange={(event) => setKind(event.target.value as ReminderKind)}
      >
        {REMINDER_KINDS.map((each) => (
          <option key={each} value={each}>
            {t(`reminders.kind.${each}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("reminders.time")}
        type="time"
        value={time}
        onChange={(event) => setTime(event.target.value)}
        error={fieldError("localTime")}
        inputRef={register("localTime")}
      />
      <DayToggles
        legend={t("reminders.days")}
        days={WEEKDAYS}
        selected={days}
        labelOf={(day) => weekdayName(t, day)}
        onChange={setDays}
        error={fieldError("days")}
      />
      <button type="submit" className="button primary" disabled={saving}>
        {t("reminders.add")}
      </button>
    </form>
  );
}
