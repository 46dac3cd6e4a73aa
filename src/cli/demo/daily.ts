import type { Kysely } from "kysely";
import type { CopingTool, TriggerKind } from "../../domain/craving";
import { addLocalDays, type LocalDay, localDayOf, startOfLocalDay } from "../../domain/local-day";
import type { Database } from "../../server/db/schema";
import * as queries from "../../server/features/daily/queries";

/**
 * About 90 days of Alex's everyday record: most days checked in (with a few gaps), moods and
 * cravings that wander but improve, a few cravings a week met with coping tools that mostly
 * work, one lapse around day 52 and the return after it. Deterministic: the same `now`
 * gives the same history. Skipped when the member already has check-ins.
 */
export const DEMO_DAYS = 90;
const LAPSE_DAY = 52;

export async function seedDailyDemo(db: Kysely<Database>, memberId: string, now: Date) {
  const already = await db
    .selectFrom("checkins")
    .select("local_day")
    .where("member_id", "=", memberId)
    .limit(1)
    .executeTakeFirst();
  if (already) return;
  const member = await queries.findMember(db, memberId);
  if (!member) return;
  const zone = member.time_zone;
  const random = mulberry32(0x5eed_da11);
  const today = localDayOf(now, zone);
  const first = addLocalDays(today, -(DEMO_DAYS - 1));
  const at = (day: LocalDay, hours: number) =>
    new Date(startOfLocalDay(day, zone).getTime() + hours * 3600_000);
  const iso = (instant: Date) => instant.toISOString();
  const id = () => uuidFrom(random);

  await db.transaction().execute(async (trx) => {
    // Today is left open, so the demo offers today's check-in first.
    for (let index = 0; index < DEMO_DAYS - 1; index += 1) {
      const day = addLocalDays(first, index);
      const phase = dayPhase(index);
      const used = phase === "lapse";
      const wobble = () => Math.round((random() - 0.5) * 3);
      const progressMade = index / DEMO_DAYS;
      let mood = 4 + Math.round(progressMade * 3) + wobble();
      let craving = 7 - Math.round(progressMade * 4) + wobble();
      if (phase === "rough") [mood, craving] = [mood - 2, craving + 2];
      if (phase === "lapse") [mood, craving] = [2 + (index - LAPSE_DAY), 9 - (index - LAPSE_DAY)];
      if (phase === "return") [mood, craving] = [4, 6];
      mood = clamp(mood);
      craving = clamp(craving);
      const stress = clamp(craving - 1 + wobble());

      // A few days go by without a check-in; the lapse and the return are always written down.
      const skipped = phase === "steady" && random() < 0.1;
      if (!skipped) {
        const written = at(day, 20.5 + random() * 2);
        await queries.upsertCheckin(trx, {
          member_id: memberId,
          local_day: day,
          mood,
          craving,
          used: used ? 1 : 0,
          medication_taken: used || random() < 0.05 ? 0 : 1,
          sleep_hours: Math.round((5 + progressMade * 2 + random() * 1.5) * 2) / 2,
          stress,
          halt_hungry: random() < 0.15 ? 1 : 0,
          halt_angry: stress >= 7 && random() < 0.5 ? 1 : 0,
          halt_lonely: phase === "rough" || phase === "lapse" || random() < 0.2 ? 1 : 0,
          halt_tired: random() < 0.3 ? 1 : 0,
          meeting: phase === "return" || random() < 0.45 ? 1 : 0,
          note: noteFor(index, phase),
          created_at: iso(written),
          updated_at: iso(written),
        });
      }

      if (phase === "lapse" && index === LAPSE_DAY) {
        await seedLapse(trx, memberId, day, at, id);
        continue;
      }
      const cravingChance = phase === "rough" ? 0.8 : 0.5 - progressMade * 0.2;
      if (phase === "lapse" || random() >= cravingChance) continue;
      const moment = CRAVING_MOMENTS[Math.floor(random() * CRAVING_MOMENTS.length)] as Moment;
      const coping = COPING[Math.floor(random() * COPING.length)] as Coping;
      const cravingAt = at(day, moment.hour + random());
      const passed = random() < coping.works;
      const cravingId = id();
      await queries.insertCraving(trx, {
        member_id: memberId,
        id: cravingId,
        at: iso(cravingAt),
        local_day: day,
        intensity: clamp(craving + 1 + Math.round(random() * 2)),
        trigger_kind: moment.kind,
        trigger_text: moment.text,
        place: moment.place,
        people: moment.people,
        feeling: moment.feeling,
        what_i_did: coping.whatIDid,
        passed: passed ? 1 : 0,
        duration_minutes: 5 + Math.floor(random() * 35),
        created_at: iso(cravingAt),
      });
      await queries.insertCopingUse(trx, {
        member_id: memberId,
        id: id(),
        at: iso(new Date(cravingAt.getTime() + 2 * 60_000)),
        local_day: day,
        tool: coping.tool,
        craving_id: cravingId,
        passed: passed ? 1 : 0,
        created_at: iso(cravingAt),
      });
    }
  });
}

type Phase = "steady" | "rough" | "lapse" | "return";

/** Four hard days build up to the lapse (two days with use); the day after is the return. */
function dayPhase(index: number): Phase {
  if (index >= LAPSE_DAY - 4 && index < LAPSE_DAY) return "rough";
  if (index === LAPSE_DAY || index === LAPSE_DAY + 1) return "lapse";
  if (index === LAPSE_DAY + 2) return "return";
  return "steady";
}

async function seedLapse(
  db: Kysely<Database>,
  memberId: string,
  day: LocalDay,
  at: (day: LocalDay, hours: number) => Date,
  id: () => string,
) {
  const cravingAt = at(day, 19.25);
  const cravingId = id();
  await queries.insertCraving(db, {
    member_id: memberId,
    id: cravingId,
    at: cravingAt.toISOString(),
    local_day: day,
    intensity: 9,
    trigger_kind: "people",
    trigger_text: "An old friend called and offered",
    place: "Home",
    people: "An old friend",
    feeling: "Lonely after the argument with my brother",
    what_i_did: "Tried to wait it out",
    passed: 0,
    duration_minutes: 90,
    created_at: cravingAt.toISOString(),
  });
  await queries.insertCopingUse(db, {
    member_id: memberId,
    id: id(),
    at: new Date(cravingAt.getTime() + 5 * 60_000).toISOString(),
    local_day: day,
    tool: "delay_distract",
    craving_id: cravingId,
    passed: 0,
    created_at: cravingAt.toISOString(),
  });
  const usedAt = at(day, 22.5);
  await queries.insertUse(db, {
    member_id: memberId,
    id: id(),
    at: usedAt.toISOString(),
    local_day: day,
    substance: "Heroin",
    amount: null,
    place: "A friend's apartment",
    note: "I felt alone after the argument. I want to talk it through with Sam this week.",
    created_at: new Date(usedAt.getTime() + 14 * 3600_000).toISOString(),
  });
}

function noteFor(index: number, phase: Phase): string | null {
  if (phase === "lapse") {
    return index === LAPSE_DAY
      ? "Hard night. I used. Writing it down anyway."
      : "Still rough today. Texted Jordan.";
  }
  if (phase === "return") return "Called Jordan and went to group. Back on my plan today.";
  if (phase === "rough") return index % 2 === 0 ? "Argument with my brother. Feeling alone." : null;
  return index % 6 === 0 ? (STEADY_NOTES[(index / 6) % STEADY_NOTES.length] ?? null) : null;
}

const STEADY_NOTES = [
  "First week. Taking it one day at a time.",
  "Slept better. Walked to the river after work.",
  "Group tonight helped. Sam says I'm doing the work.",
  "Cooked dinner with Jordan.",
  "Long shift, but a good one.",
  "Thirty days of showing up for myself.",
  "Picked up my guitar again.",
  "Told my sister how I'm doing. She was glad.",
  "Quiet day. That's a good thing.",
  "Paid a bill on time for the first time in a while.",
  "Caught myself in a HALT moment and ate something.",
  "Morning run. Cravings lower lately.",
  "Helped someone new at group.",
  "Feeling steadier than a month ago.",
  "Planning a weekend trip to see my niece.",
];

interface Moment {
  hour: number;
  kind: TriggerKind;
  text: string;
  place: string | null;
  people: string | null;
  feeling: string | null;
}

const CRAVING_MOMENTS: Moment[] = [
  {
    hour: 18,
    kind: "places",
    text: "Drove past the old block",
    place: "On the way home",
    people: null,
    feeling: "Restless",
  },
  {
    hour: 21,
    kind: "feelings",
    text: "Lonely after work",
    place: "Home",
    people: null,
    feeling: "Lonely",
  },
  {
    hour: 21,
    kind: "times",
    text: "Friday night",
    place: "Home",
    people: null,
    feeling: "Bored",
  },
  {
    hour: 15,
    kind: "people",
    text: "Ran into someone I used to use with",
    place: "The corner store",
    people: "An old friend",
    feeling: "Tense",
  },
  {
    hour: 13,
    kind: "things",
    text: "Saw foil in a kitchen drawer",
    place: "Home",
    people: null,
    feeling: "Caught off guard",
  },
  {
    hour: 19,
    kind: "feelings",
    text: "Stressed after a call with my landlord",
    place: "Home",
    people: null,
    feeling: "Stressed",
  },
];

interface Coping {
  tool: CopingTool;
  works: number;
  whatIDid: string;
}

const COPING: Coping[] = [
  { tool: "urge_surfing", works: 0.8, whatIDid: "Rode it out with the timer" },
  { tool: "call_someone", works: 0.85, whatIDid: "Called Jordan" },
  { tool: "breathing", works: 0.7, whatIDid: "Breathing exercise on the couch" },
  { tool: "delay_distract", works: 0.75, whatIDid: "Went for a walk, made tea" },
  { tool: "reasons", works: 0.8, whatIDid: "Read my reasons" },
  { tool: "halt_check", works: 0.7, whatIDid: "Realized I was hungry and tired, ate and rested" },
];

const clamp = (score: number) => Math.max(0, Math.min(10, score));

/** A small seeded generator (mulberry32): the demo is the same every time it is built. */
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

/** A version-4-shaped id from the seeded generator, so reseeding gives the same ids. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
