import { bamAnswers } from "../src/cli/demo/assessments";
import { COPING_TOOLS, type TriggerKind } from "../src/domain/craving";
import { findInstrument } from "../src/domain/instruments/catalog";
import type { Answers } from "../src/domain/instruments/questionnaire";
import { PLAN_DOMAINS } from "../src/domain/plan";
import { responseRow } from "../src/server/features/assessments/response-row";
import type { Row } from "./batch-writer";
import { between, pick, type Random, uuidFrom } from "./prng";

/**
 * One bench member's history as rows, drawn from a seeded source: check-ins on most days
 * with gaps that come in runs, cravings that ease over time and rise before a lapse, a few
 * lapses (check-ins that say used, recorded uses) and the return after each, a recovery
 * profile and a small plan, a monthly BAM and PHQ-9 (the questionnaires the caseload reads),
 * and — when the medication tables exist — a daily MOUD regimen with its dose log. Pure: the
 * same random source and days give the same rows.
 */
export interface MemberCalendar {
  /** Local days, oldest first; the member's history is the last `days` of them. */
  days: readonly string[];
  /** Epoch ms of each day's local midnight, per time zone, aligned with `days`. */
  midnights: ReadonlyMap<string, readonly number[]>;
}

export interface MemberPlan {
  index: number;
  email: string;
  days: number;
  passwordHash: string;
  organizationId: string;
  /** Who the member shares check-ins, use, medication and assessments with; null for nobody. */
  clinicianId: string | null;
  withDoses: boolean;
}

export const BENCH_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
] as const;

export const GRANT_CATEGORIES = ["checkins", "use", "medication", "assessments"] as const;

/** Days between a member's questionnaires: BAM monthly, PHQ-9 monthly half a month later. */
const QUESTIONNAIRE_EVERY_DAYS = 30;

const TRIGGERS: readonly TriggerKind[] = ["people", "places", "feelings", "things", "times"];
const PLACES = ["home", "work", "a friend's place", "downtown", "the car"];
const FEELINGS = ["bored", "anxious", "lonely", "angry", "tired", "restless"];

export function memberRows(
  random: Random,
  plan: MemberPlan,
  calendar: MemberCalendar,
  emit: (table: string, row: Row) => void,
): string {
  const id = uuidFrom(random);
  const zone = pick(random, BENCH_TIME_ZONES);
  const midnights = calendar.midnights.get(zone) as readonly number[];
  const first = calendar.days.length - plan.days;
  const at = (offset: number, hours: number) =>
    new Date((midnights[first + offset] as number) + hours * 3_600_000).toISOString();
  const dayOf = (offset: number) => calendar.days[first + offset] as string;
  const createdAt = at(0, 9 + random() * 8);

  emit("users", {
    id,
    email: plan.email,
    password_hash: plan.passwordHash,
    display_name: `Bench member ${plan.index}`,
    time_zone: zone,
    locale: random() < 0.2 ? "es" : "en",
    created_at: createdAt,
  });
  emit("memberships", {
    organization_id: plan.organizationId,
    user_id: id,
    role: "member",
    created_at: createdAt,
  });
  if (plan.clinicianId) {
    emit("consent_grants", {
      member_id: id,
      id: uuidFrom(random),
      grantee_user_id: plan.clinicianId,
      purpose: "Treatment and care coordination",
      categories: JSON.stringify(GRANT_CATEGORIES),
      created_at: createdAt,
      expires_at: null,
      revoked_at: null,
    });
  }

  const onMoud = plan.withDoses && random() < 0.4;
  const medication = random() < 0.6 ? "methadone" : "buprenorphine";
  emit("recovery_profiles", {
    member_id: id,
    recovery_start: dayOf(0),
    cost_per_day: between(random, 15, 150),
    stage: "recently_started",
    treatment: JSON.stringify(onMoud ? [medication, "counseling"] : ["counseling"]),
    intake_answers: "{}",
    updated_at: createdAt,
  });
  planRows(random, id, createdAt, dayOf(plan.days - 1), emit);

  // Who this person is over the period: how often they check in, how strong cravings start
  // and how much they ease, how often a lapse happens, whether they went quiet lately.
  const engagement = 0.65 + random() * 0.32;
  const cravingStart = 3 + random() * 5;
  const easing = random() * 3;
  const lapsesPerYear = random() * 2.5;
  const quietAtEnd = random() < 0.08 ? between(random, 3, 21) : 0;
  const lapseStarts = new Set<number>();
  for (let offset = 7; offset < plan.days; offset += 1) {
    if (random() < lapsesPerYear / 365) lapseStarts.add(offset);
  }

  let lapseLeft = 0;
  let checkedInYesterday = true;
  // What the last month held, for the questionnaires: days used and the cravings checked in.
  const month: { used: boolean; craving: number | null }[] = [];
  // Each member's own days of the month for them, as people start at different times.
  const questionnairePhase = between(random, 0, QUESTIONNAIRE_EVERY_DAYS - 1);
  const doseTime = medication === "methadone" ? 8 : 9;
  const moudFrom = onMoud ? between(random, 0, Math.floor(plan.days / 3)) : plan.days;
  if (onMoud) regimenRows(random, id, medication, dayOf(moudFrom), at(moudFrom, 11), emit);

  for (let offset = 0; offset < plan.days; offset += 1) {
    const day = dayOf(offset);
    if (lapseStarts.has(offset)) lapseLeft = between(random, 1, 3);
    const used = lapseLeft > 0;
    const soonLapse = [1, 2, 3].some((ahead) => lapseStarts.has(offset + ahead));
    const eased = cravingStart - (easing * offset) / plan.days;
    const craving = clamp(eased + (random() - 0.5) * 3 + (soonLapse ? 2.5 : 0) + (used ? 3 : 0));
    const mood = clamp(
      5 + (easing * offset) / plan.days - (craving - 5) * 0.4 + (random() - 0.5) * 3,
    );

    const quiet = offset >= plan.days - quietAtEnd;
    const skip: boolean = quiet || random() > (checkedInYesterday ? engagement : 0.5);
    checkedInYesterday = !skip;
    if (!skip) {
      const writtenAt = at(offset, 19 + random() * 4);
      const stress = clamp(craving - 1 + (random() - 0.5) * 3);
      emit("checkins", {
        member_id: id,
        local_day: day,
        mood,
        craving,
        used: used ? 1 : 0,
        medication_taken: offset >= moudFrom ? (used && random() < 0.5 ? 0 : 1) : null,
        sleep_hours: Math.round((5 + random() * 4) * 2) / 2,
        stress,
        halt_hungry: random() < 0.15 ? 1 : 0,
        halt_angry: stress >= 7 && random() < 0.5 ? 1 : 0,
        halt_lonely: used || random() < 0.2 ? 1 : 0,
        halt_tired: random() < 0.3 ? 1 : 0,
        meeting: random() < 0.4 ? 1 : 0,
        note: random() < 0.1 ? "A short note about the day." : null,
        created_at: writtenAt,
        updated_at: writtenAt,
      });
    }
    if (used && (lapseLeft === 1 || random() < 0.6)) {
      emit("use_events", {
        member_id: id,
        id: uuidFrom(random),
        at: at(offset, 14 + random() * 8),
        local_day: day,
        substance: random() < 0.7 ? "heroin" : "fentanyl",
        amount: null,
        place: pick(random, PLACES),
        note: null,
        created_at: at(offset, 23),
      });
    }
    if (!used && random() < 0.08 + craving / 25)
      cravingRows(random, id, day, at(offset, 10 + random() * 11), craving, emit);
    if (offset >= moudFrom) doseRow(random, id, day, at(offset, doseTime), used, emit);
    month.push({ used, craving: skip ? null : craving });
    if (month.length > QUESTIONNAIRE_EVERY_DAYS) month.shift();
    const dueIn = (offset + questionnairePhase) % QUESTIONNAIRE_EVERY_DAYS;
    if ((dueIn === 29 || dueIn === 14) && random() < engagement) {
      const instrument = dueIn === 29 ? "bam" : "phq-9";
      const answers = dueIn === 29 ? bamOfMonth(random, month) : phq9Answers(random, mood);
      questionnaireRow(random, id, instrument, answers, at(offset, 20 + random() * 2), emit);
    }
    if (lapseLeft > 0) lapseLeft -= 1;
  }
  return id;
}

/** A member's own questionnaire, scored by the app's own instrument definition. */
function questionnaireRow(
  random: Random,
  memberId: string,
  instrumentId: "bam" | "phq-9",
  answers: Answers,
  at: string,
  emit: (table: string, row: Row) => void,
) {
  const def = findInstrument(instrumentId);
  if (!def) throw new Error(`no instrument ${instrumentId}`);
  const id = uuidFrom(random);
  const row = responseRow({ def, memberId, id, answers, at: new Date(at), enteredBy: memberId });
  emit("assessment_responses", { ...row });
}

/**
 * BAM over the last month: the use items from the days used, the risk items from the cravings
 * checked in, the protective items steady (the demo's item layout, `bamAnswers`).
 */
function bamOfMonth(random: Random, month: { used: boolean; craving: number | null }[]): Answers {
  const usedDays = month.filter((day) => day.used).length;
  const use = usedDays === 0 ? 0 : usedDays <= 3 ? 1 : usedDays <= 8 ? 2 : 3;
  const cravings = month.flatMap((day) => (day.craving === null ? [] : [day.craving]));
  const meanCraving = cravings.reduce((sum, c) => sum + c, 0) / Math.max(1, cravings.length);
  const risk = Math.min(4, Math.round(meanCraving / 2.5));
  return bamAnswers({ use, risk, protective: between(random, 2, 4) });
}

/** PHQ-9 from the day's mood: items 1–8 lower as mood rises; item 9 rarely above 0. */
function phq9Answers(random: Random, mood: number): Answers {
  const level = Math.max(0, Math.min(3, Math.round((7 - mood) / 2.5)));
  const answers: Record<string, number> = {};
  for (let item = 1; item <= 8; item += 1) {
    answers[String(item)] = Math.max(0, Math.min(3, level + between(random, -1, 1)));
  }
  answers["9"] = random() < 0.03 ? 1 : 0;
  answers["10"] = level;
  return answers;
}

function cravingRows(
  random: Random,
  memberId: string,
  day: string,
  at: string,
  craving: number,
  emit: (table: string, row: Row) => void,
) {
  const cravingId = uuidFrom(random);
  const passed = random() < 0.75;
  emit("cravings", {
    member_id: memberId,
    id: cravingId,
    at,
    local_day: day,
    intensity: clamp(craving + between(random, 0, 2)),
    trigger_kind: pick(random, TRIGGERS),
    trigger_text: null,
    place: pick(random, PLACES),
    people: null,
    feeling: pick(random, FEELINGS),
    what_i_did: random() < 0.5 ? "Went for a walk and called my sponsor." : null,
    passed: passed ? 1 : 0,
    duration_minutes: between(random, 5, 45),
    created_at: at,
  });
  if (random() < 0.6) {
    emit("coping_uses", {
      member_id: memberId,
      id: uuidFrom(random),
      at,
      local_day: day,
      tool: pick(random, COPING_TOOLS),
      craving_id: cravingId,
      passed: passed ? 1 : 0,
      created_at: at,
    });
  }
}

function planRows(
  random: Random,
  memberId: string,
  createdAt: string,
  lastDay: string,
  emit: (table: string, row: Row) => void,
) {
  for (let position = 0; position < 3; position += 1) {
    const goalId = uuidFrom(random);
    emit("plan_goals", {
      member_id: memberId,
      id: goalId,
      domain: pick(random, PLAN_DOMAINS),
      title: `Goal ${position + 1}`,
      why: "It matters to me and to the people I love.",
      target_date: null,
      status: "active",
      position,
      template_key: null,
      created_at: createdAt,
      updated_at: createdAt,
    });
    for (let step = 0; step < 2; step += 1) {
      const done = random() < 0.4;
      emit("plan_steps", {
        member_id: memberId,
        id: uuidFrom(random),
        goal_id: goalId,
        title: `Step ${step + 1}`,
        status: done ? "done" : "todo",
        due_date: done ? null : lastDay,
        helper: null,
        note: "",
        position: step,
        template_key: null,
        completed_at: done ? createdAt : null,
        created_at: createdAt,
        updated_at: createdAt,
      });
    }
  }
}

function regimenRows(
  random: Random,
  memberId: string,
  medication: string,
  effectiveDate: string,
  at: string,
  emit: (table: string, row: Row) => void,
) {
  const amount = medication === "methadone" ? between(random, 4, 12) * 10 : between(random, 4, 24);
  const schedule = JSON.stringify({
    kind: "daily",
    times: [medication === "methadone" ? "08:00" : "09:00"],
  });
  emit("medication_regimens", {
    member_id: memberId,
    medication,
    dose_amount: amount,
    dose_unit: "mg",
    schedule,
    dispensing_name: medication === "methadone" ? "Bench Opioid Treatment Program" : null,
    dispensing_hours: null,
    dispensing_phone: null,
    take_homes_on_hand: 0,
    prescriber: "Dr. Bench",
    effective_date: effectiveDate,
    note: null,
    created_at: at,
    updated_at: at,
  });
  emit("regimen_changes", {
    member_id: memberId,
    id: uuidFrom(random),
    medication,
    dose_amount: amount,
    dose_unit: "mg",
    schedule,
    prescriber: "Dr. Bench",
    effective_date: effectiveDate,
    note: null,
    recorded_at: at,
  });
}

function doseRow(
  random: Random,
  memberId: string,
  day: string,
  scheduledFor: string,
  used: boolean,
  emit: (table: string, row: Row) => void,
) {
  const draw = random();
  const status = used
    ? draw < 0.5
      ? "missed"
      : "taken"
    : draw < 0.04
      ? "missed"
      : draw < 0.1
        ? "late"
        : "taken";
  const lateBy = status === "late" ? 3 : status === "taken" ? random() * 0.5 : 0;
  const takenAt =
    status === "missed"
      ? null
      : new Date(Date.parse(scheduledFor) + lateBy * 3_600_000).toISOString();
  emit("dose_logs", {
    member_id: memberId,
    id: uuidFrom(random),
    status,
    taken_at: takenAt,
    scheduled_for: scheduledFor,
    local_day: day,
    take_home: 0,
    note: null,
    recorded_at: takenAt ?? new Date(Date.parse(scheduledFor) + 14 * 3_600_000).toISOString(),
  });
}

/** A 0–10 answer. */
function clamp(value: number): number {
  return Math.max(0, Math.min(10, Math.round(value)));
}
