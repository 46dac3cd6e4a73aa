import { type FormEvent, useState } from "react";
import type { RegimenView } from "../../../domain/api/medication";
import { type DoseSchedule, WEEKDAYS, type Weekday } from "../../../domain/dose-schedule";
import { type DoseUnit, MEDICATIONS, type Medication } from "../../../domain/medication";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { medicationApi } from "./api";
import { ChoicePills, DayToggles, SelectField, TextAreaField } from "./fields";
import { memberFormat } from "./member-format";
import { medicationName, weekdayName } from "./words";

type ScheduleKind = DoseSchedule["kind"];
const FIELDS = [
  "doseAmount",
  "schedule",
  "dispensing",
  "takeHomesOnHand",
  "effectiveDate",
] as const;

/**
 * Sets or changes the regimen exactly as the prescriber wrote it. No default amount, no
 * range check beyond "a number above zero": Waymark never suggests a dose.
 */
export function RegimenForm({
  regimen,
  onSaved,
  onCancel,
}: {
  regimen: RegimenView | null;
  onSaved: (changed: boolean) => void;
  onCancel?: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const today = memberFormat(i18n.locale, me).today();
  const schedule = regimen?.schedule;
  const [medication, setMedication] = useState<Medication>(regimen?.medication ?? "buprenorphine");
  const [amount, setAmount] = useState(regimen ? String(regimen.doseAmount) : "");
  const [unit, setUnit] = useState<DoseUnit>(regimen?.doseUnit ?? "mg");
  const [kind, setKind] = useState<ScheduleKind>(schedule?.kind ?? "daily");
  const [days, setDays] = useState<Weekday[]>(
    schedule?.kind === "weekdays" ? [...schedule.days] : [...WEEKDAYS],
  );
  const [intervalWeeks, setIntervalWeeks] = useState(
    schedule?.kind === "every_n_weeks" ? String(schedule.intervalWeeks) : "4",
  );
  const [startDate, setStartDate] = useState(
    schedule?.kind === "every_n_weeks" ? schedule.startDate : today,
  );
  const [time, setTime] = useState(schedule?.times[0] ?? "");
  const [secondTime, setSecondTime] = useState(schedule?.times[1] ?? "");
  const [clinicName, setClinicName] = useState(regimen?.dispensing?.name ?? "");
  const [clinicHours, setClinicHours] = useState(regimen?.dispensing?.hours ?? "");
  const [clinicPhone, setClinicPhone] = useState(regimen?.dispensing?.phone ?? "");
  const [takeHomes, setTakeHomes] = useState(regimen ? String(regimen.takeHomes.onHand) : "");
  const [prescriber, setPrescriber] = useState(regimen?.prescriber ?? "");
  const [effectiveDate, setEffectiveDate] = useState(today);
  const [note, setNote] = useState(regimen?.note ?? "");
  const [saving, setSaving] = useState(false);
  const { setError, register, fieldError, formError } = useFormError(FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const times = [time, secondTime].filter((value) => value !== "");
    const doseSchedule =
      kind === "daily"
        ? { kind, times }
        : kind === "weekdays"
          ? { kind, days, times }
          : { kind, intervalWeeks: Number(intervalWeeks), startDate, times };
    try {
      const answer = await medicationApi.setRegimen(me.id, {
        medication,
        doseAmount: amount.trim() === "" ? Number.NaN : Number(amount.replace(",", ".")),
        doseUnit: unit,
        schedule: doseSchedule as DoseSchedule,
        dispensing: clinicName.trim()
          ? {
              name: clinicName,
              ...(clinicHours.trim() ? { hours: clinicHours } : {}),
              ...(clinicPhone.trim() ? { phone: clinicPhone } : {}),
            }
          : null,
        ...(takeHomes.trim() ? { takeHomesOnHand: Number(takeHomes) } : {}),
        ...(prescriber.trim() ? { prescriber } : {}),
        effectiveDate,
        ...(note.trim() ? { note } : {}),
      });
      onSaved(answer.changed);
    } catch (error) {
      setError(describeError(error, i18n));
      setSaving(false);
    }
  };

  return (
    <form className="stack regimen-form" onSubmit={submit} noValidate>
      <p className="plain-note">{t("medication.form.plain")}</p>
      <FormAlert message={formError} />
      <SelectField
        label={t("medication.form.medication")}
        value={medication}
        onChange={(event) => setMedication(event.target.value as Medication)}
      >
        {MEDICATIONS.map((each) => (
          <option key={each} value={each}>
            {medicationName(t, each)}
          </option>
        ))}
      </SelectField>
      <div className="field-pair">
        <TextField
          label={t("medication.form.amount")}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={fieldError("doseAmount")}
          inputRef={register("doseAmount")}
        />
        <SelectField
          label={t("medication.form.unit")}
          value={unit}
          onChange={(event) => setUnit(event.target.value as DoseUnit)}
        >
          <option value="mg">{t("medication.form.unit.mg")}</option>
          <option value="mL">{t("medication.form.unit.mL")}</option>
        </SelectField>
      </div>
      <ChoicePills
        legend={t("medication.form.schedule")}
        name="schedule-kind"
        value={kind}
        onChange={setKind}
        options={(["daily", "weekdays", "every_n_weeks"] as const).map((value) => ({
          value,
          label: t(`medication.form.schedule.${value}`),
        }))}
      />
      {kind === "weekdays" && (
        <DayToggles
          legend={t("medication.form.days")}
          days={WEEKDAYS}
          selected={days}
          labelOf={(day) => weekdayName(t, day)}
          onChange={setDays}
        />
      )}
      {kind === "every_n_weeks" && (
        <div className="field-pair">
          <TextField
            label={t("medication.form.intervalWeeks")}
            type="number"
            min={1}
            max={52}
            value={intervalWeeks}
            onChange={(event) => setIntervalWeeks(event.target.value)}
          />
          <TextField
            label={t("medication.form.startDate")}
            type="date"
            value={startDate}
            onChange={(event) => setStartDate(event.target.value)}
          />
        </div>
      )}
      <div className="field-pair">
        <TextField
          label={t("medication.form.time")}
          type="time"
          value={time}
          onChange={(event) => setTime(event.target.value)}
          error={fieldError("schedule")}
          inputRef={register("schedule")}
        />
        <TextField
          label={t("medication.form.secondTime")}
          type="time"
          value={secondTime}
          onChange={(event) => setSecondTime(event.target.value)}
        />
      </div>
      <fieldset className="stack group-box">
        <legend>{t("medication.form.clinic")}</legend>
        <TextField
          label={t("medication.form.clinicName")}
          value={clinicName}
          autoComplete="off"
          onChange={(event) => setClinicName(event.target.value)}
          error={fieldError("dispensing")}
          inputRef={register("dispensing")}
        />
        <TextField
          label={t("medication.form.clinicHours")}
          value={clinicHours}
          autoComplete="off"
          onChange={(event) => setClinicHours(event.target.value)}
        />
        <TextField
          label={t("medication.form.clinicPhone")}
          type="tel"
          value={clinicPhone}
          autoComplete="off"
          onChange={(event) => setClinicPhone(event.target.value)}
        />
      </fieldset>
      <TextField
        label={t("medication.form.takeHomes")}
        type="number"
        min={0}
        inputMode="numeric"
        value={takeHomes}
        onChange={(event) => setTakeHomes(event.target.value)}
        error={fieldError("takeHomesOnHand")}
        inputRef={register("takeHomesOnHand")}
      />
      <TextField
        label={t("medication.form.prescriber")}
        value={prescriber}
        autoComplete="off"
        onChange={(event) => setPrescriber(event.target.value)}
      />
      <TextField
        label={t("medication.form.effectiveDate")}
        type="date"
        value={effectiveDate}
        onChange={(event) => setEffectiveDate(event.target.value)}
        error={fieldError("effectiveDate")}
        inputRef={register("effectiveDate")}
      />
      <TextAreaField
        label={t("medication.form.note")}
        value={note}
        maxLength={1000}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="actions-row">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? t("medication.form.saving") : t("medication.form.save")}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t("medication.form.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
