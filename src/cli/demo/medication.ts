import type { Kysely } from "kysely";
import {
  addScheduleDays,
  instantAt,
  localDayAt,
  WEEKDAYS,
  weekdayOf,
} from "../../domain/dose-schedule";
import type { Database } from "../../server/db/schema";

/**
 * About 90 days of Alex's medication record: methadone from Riverside Treatment Center,
 * dosed daily at 08:00, with one prescription change about 40 days ago; most doses taken,
 * a few late, a few missed around the lapse (days 50 to 55), take-home doses on weekends;
 * upcoming clinic visits, a counseling session and a court date; reminders for the dose,
 * the appointments and the evening check-in. Deterministic for a given `now`; skipped when
 * the member already has a regimen.
 */
export const MEDICATION_DEMO_DAYS = 90;
const CHANGE_DAYS_AGO = 40;
const CLINIC = {
  name: "Riverside Treatment Center",
  hours: "Mon–Fri 6:00–11:00, Sat 7:00–10:00",
  phone: "(555) 010-4477",
};
const DOSE_TIME = "08:00";

export async function seedMedicationDemo(db: Kysely<Database>, memberId: string, now: Date) {
  const existing = await db
    .selectFrom("medication_regimens")
    .select("member_id")
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  if (existing) return;
  const member = await db
    .selectFrom("users")
    .select("time_zone")
    .where("id", "=", memberId)
    .executeTakeFirst();
  if (!member) return;
  const zone = member.time_zone;
  const random = mulberry32(0x3e7_ad0e);
  const id = () => uuidFrom(random);
  const today = localDayAt(now, zone);
  const first = addScheduleDays(today, -(MEDICATION_DEMO_DAYS - 1));
  const changeDay = addScheduleDays(today, -CHANGE_DAYS_AGO);
  const at = (day: string, time: string, plusMinutes = 0) =>
    new Date(instantAt(day, time, zone).getTime() + plusMinutes * 60_000).toISOString();
  const schedule = JSON.stringify({ kind: "daily", times: [DOSE_TIME] });
  const weekdayToday = weekdayOf(today);
  // Take-homes cover the weekend: picked up on Friday, today's not yet taken.
  const takeHomesOnHand = { fri: 2, sat: 2, sun: 1 }[weekdayToday as "fri" | "sat" | "sun"] ?? 0;

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("regimen_changes")
      .values([
        {
          member_id: memberId,
          id: id(),
          medication: "methadone",
          dose_amount: 50,
          dose_unit: "mg",
          schedule,
          prescriber: "Dr. Maya Chen",
          effective_date: first,
          note: null,
          recorded_at: at(first, "10:15"),
        },
        {
          member_id: memberId,
          id: id(),
          medication: "methadone",
          dose_amount: 60,
          dose_unit: "mg",
          schedule,
          prescriber: "Dr. Maya Chen",
          effective_date: changeDay,
          note: null,
          recorded_at: at(changeDay, "10:40"),
        },
      ])
      .execute();
    await trx
      .insertInto("medication_regimens")
      .values({
        member_id: memberId,
        medication: "methadone",
        dose_amount: 60,
        dose_unit: "mg",
        schedule,
        dispensing_name: CLINIC.name,
        dispensing_hours: CLINIC.hours,
        dispensing_phone: CLINIC.phone,
        take_homes_on_hand: takeHomesOnHand,
        prescriber: "Dr. Maya Chen",
        effective_date: changeDay,
        note: null,
        created_at: at(first, "10:15"),
        updated_at: at(changeDay, "10:40"),
      })
      .execute();

    // Today is left open, so the demo offers today's dose first.
    for (let index = 0; index < MEDICATION_DEMO_DAYS - 1; index += 1) {
      const day = addScheduleDays(first, index);
      const weekend = ["sat", "sun"].includes(weekdayOf(day));
      const aroundLapse = index >= 50 && index <= 55;
      const roll = random();
      const scheduledFor = at(day, DOSE_TIME);
      const base = {
        member_id: memberId,
        id: id(),
        scheduled_for: scheduledFor,
        local_day: day,
        take_home: weekend ? 1 : 0,
        note: null,
      };
      if (aroundLapse && roll < 0.6) {
        // Two of the missed doses were marked by Alex; the rest simply went unlogged.
        if (roll < 0.25) {
          await trx
            .insertInto("dose_logs")
            .values({
              ...base,
              status: "missed",
              taken_at: null,
              take_home: 0,
              recorded_at: at(day, "19:30"),
            })
            .execute();
        }
        continue;
      }
      const late = roll > 0.95;
      const takenAt = at(
        day,
        DOSE_TIME,
        late ? 200 + Math.round(random() * 90) : Math.round(random() * 50),
      );
      await trx
        .insertInto("dose_logs")
        .values({
          ...base,
          status: late ? "late" : "taken",
          taken_at: takenAt,
          recorded_at: takenAt,
        })
        .execute();
    }

    const appointments: [number, string, string, string | null, string | null, string | null][] = [
      [-14, "10:30", "clinic_visit", "Take-home review", CLINIC.name, null],
      [-7, "15:00", "counseling", null, "Riverside, room 2", null],
      [2, "10:30", "clinic_visit", "Monthly check-in with Dr. Chen", CLINIC.name, null],
      [4, "15:00", "counseling", null, "Riverside, room 2", "Talk about the weekend plan"],
      [
        12,
        "09:00",
        "court",
        "Drug court review",
        "County courthouse, room 4",
        "Bring the meeting attendance sheet",
      ],
      [30, "10:30", "clinic_visit", "Take-home review", CLINIC.name, null],
    ];
    for (const [offset, time, kind, title, place, notes] of appointments) {
      const day = addScheduleDays(today, offset);
      await trx
        .insertInto("appointments")
        .values({
          member_id: memberId,
          id: id(),
          kind,
          title,
          starts_at: at(day, time),
          ends_at: at(day, time, kind === "court" ? 120 : 50),
          place,
          notes,
          created_at: at(addScheduleDays(today, Math.min(offset, 0) - 10), "12:00"),
          updated_at: at(addScheduleDays(today, Math.min(offset, 0) - 10), "12:00"),
        })
        .execute();
    }

    const reminders: [string, string][] = [
      ["dose", "07:45"],
      ["appointment", "08:00"],
      ["checkin", "20:30"],
    ];
    for (const [kind, localTime] of reminders) {
      await trx
        .insertInto("reminders")
        .values({
          member_id: memberId,
          id: id(),
          kind,
          local_time: localTime,
          days: WEEKDAYS.join(","),
          enabled: 1,
          last_sent_for: now.toISOString(),
          created_at: at(first, "10:30"),
          updated_at: at(first, "10:30"),
        })
        .execute();
    }
  });
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped UUID from the seeded generator, so the demo is the same every run. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const text = hex.join("");
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
