import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { bam } from "../../../domain/instruments/bam";
import { addLocalDays } from "../../../domain/local-day";
import type { Database } from "../../db/schema";

/**
 * Writes a member's recent history straight into the tables, for the care tests and the demo
 * caseload: check-ins (cravings by day, today first), missed doses, lapses, BAM risk scores.
 */
export async function writeHistory(
  db: Kysely<Database>,
  memberId: string,
  today: string,
  history: {
    cravings?: number[];
    /** Days ago of check-ins with a calm craving. */
    calmDaysAgo?: number[];
    missedDaysAgo?: number[];
    lapseDaysAgo?: number[];
    bamRisk?: number[];
  },
  at = new Date(),
) {
  const now = at.toISOString();
  const checkin = (day: string, craving: number) => ({
    member_id: memberId,
    local_day: day,
    mood: 5,
    craving,
    used: 0,
    medication_taken: null,
    sleep_hours: null,
    stress: null,
    halt_hungry: null,
    halt_angry: null,
    halt_lonely: null,
    halt_tired: null,
    meeting: null,
    note: "private note",
    created_at: now,
    updated_at: now,
  });
  const checkins = [
    ...(history.cravings ?? []).map((craving, index) =>
      checkin(addLocalDays(today, -index), craving),
    ),
    ...(history.calmDaysAgo ?? []).map((ago) => checkin(addLocalDays(today, -ago), 1)),
  ];
  if (checkins.length > 0) await db.insertInto("checkins").values(checkins).execute();
  for (const ago of history.missedDaysAgo ?? []) {
    await db
      .insertInto("dose_logs")
      .values({
        member_id: memberId,
        id: randomUUID(),
        status: "missed",
        taken_at: null,
        scheduled_for: null,
        local_day: addLocalDays(today, -ago),
        take_home: 0,
        note: null,
        recorded_at: now,
      })
      .execute();
  }
  for (const ago of history.lapseDaysAgo ?? []) {
    const day = addLocalDays(today, -ago);
    await db
      .insertInto("use_events")
      .values({
        member_id: memberId,
        id: randomUUID(),
        at: `${day}T15:00:00.000Z`,
        local_day: day,
        substance: null,
        amount: null,
        place: null,
        note: null,
        created_at: now,
      })
      .execute();
  }
  let month = 0;
  for (const risk of history.bamRisk ?? []) {
    month += 1;
    await db
      .insertInto("assessment_responses")
      .values({
        member_id: memberId,
        id: randomUUID(),
        instrument_id: "bam",
        instrument_version: bam.version,
        answers: "{}",
        // The stored shape of an InstrumentScore; only the risk subscale matters here.
        score: JSON.stringify({
          total: null,
          totalRange: null,
          subscales: [
            {
              code: "risk",
              labelKey: "bam.subscale.risk",
              score: risk,
              range: { min: 0, max: 24 },
            },
          ],
          band: null,
          flags: [],
          missing: [],
        }),
        at: new Date(at.getTime() - (100 - month * 30) * 86_400_000).toISOString(),
        entered_by: memberId,
        episode_id: null,
        hours_since_last_use: null,
        created_at: now,
      })
      .execute();
  }
}
