import { randomUUID } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import type { Kysely } from "kysely";
import { addLocalDays, localDayOf } from "../../domain/local-day";
import { meetingFromFeedRow, weekdayOf } from "../../domain/meetings";
import type { Database } from "../../server/db/schema";
import { readFeedRows, writeMeetings } from "../../server/features/support/meeting-rows";

/**
 * Alex's support side: a sponsor, a counselor and a sister as emergency contact; a small
 * imported feed (NA, SMART Recovery, a faith-based group, an online MOUD-friendly meeting);
 * about two meetings a week for 90 days with a gap around the lapse (days 46 to 58 of 90,
 * as in daily.ts); naloxone in the backpack, expiring in five months. The NA meeting is saved
 * with a reminder an hour before; Maria, the sponsor, is linked to the plan's meeting steps
 * when the plan demo made them. Deterministic for a given `now`; skipped when the member
 * already has support people.
 */
const DEMO_DAYS = 90;
const GAP = { from: 46, to: 58 };
const BEFORE: Record<number, string> = {
  1: "demo-hope-without-walls-na",
  4: "demo-hope-without-walls-na",
};
const AFTER: Record<number, string> = {
  3: "demo-moud-friendly-online",
  6: "demo-smart-recovery-springfield",
};

const FEED = [
  {
    name: "Hope Without Walls NA",
    slug: "demo-hope-without-walls-na",
    day: [1, 4],
    time: "19:00",
    end_time: "20:00",
    types: ["O", "D"],
    location: "Grace Community Hall",
    formatted_address: "40 Elm St, Springfield, MA 01103",
    latitude: 42.1034,
    longitude: -72.5931,
    notes: "Side entrance; coffee from 6:30.",
  },
  {
    name: "SMART Recovery Springfield",
    slug: "demo-smart-recovery-springfield",
    day: 6,
    time: "10:00",
    end_time: "11:30",
    types: ["O"],
    location: "Public Library, Room B",
    formatted_address: "220 State St, Springfield, MA 01103",
    latitude: 42.1048,
    longitude: -72.5867,
    notes: "SMART Recovery: self-management tools, no steps required.",
  },
  {
    name: "Celebrate Recovery at Riverside Church",
    slug: "demo-celebrate-recovery-riverside",
    day: 5,
    time: "18:30",
    end_time: "21:00",
    types: ["O"],
    location: "Riverside Church",
    formatted_address: "9 Chapel Rd, Springfield, MA 01104",
    latitude: 42.1201,
    longitude: -72.5712,
    notes: "Faith-based; dinner at 6:30, large group at 7.",
  },
  {
    name: "MOUD-Friendly Online Support",
    slug: "demo-moud-friendly-online",
    day: [0, 3],
    time: "20:00",
    end_time: "21:00",
    types: ["ONL", "O"],
    conference_url: "https://meet.example.org/moud-friendly",
    notes: "Everyone on methadone or buprenorphine is welcome here.",
    timezone: "America/New_York",
  },
];

export async function seedSupportDemo(db: Kysely<Database>, memberId: string, now: Date) {
  const existing = await db
    .selectFrom("support_contacts")
    .select("id")
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
  const stamp = now.toISOString();

  await db.transaction().execute(async (trx) => {
    // The plan's own meeting steps (seeded by the plan demo before this one).
    const meetingSteps = await trx
      .selectFrom("plan_steps")
      .select("id")
      .where("member_id", "=", memberId)
      .where("template_key", "in", [
        "plan.support_groups.step.tryOneMeeting",
        "plan.support_groups.step.getANumber",
      ])
      .orderBy("template_key", "desc")
      .execute();
    const people = [
      {
        name: "Maria",
        role: "sponsor",
        phone: "(555) 010-2020",
        reach: "text",
        notes: "Text first; call any time in a crisis.",
        plan_step_ids: JSON.stringify(meetingSteps.map((step) => step.id)),
      },
      {
        name: "Dana Brooks, LCSW",
        role: "counselor",
        phone: "(555) 010-4478",
        reach: "call",
        notes: "Tuesdays at Riverside.",
      },
      {
        name: "Jess (sister)",
        role: "emergency_contact",
        phone: "(555) 010-3131",
        reach: "call",
        notes: "Has a key; knows where the naloxone is.",
      },
    ];
    for (const [index, person] of people.entries()) {
      await trx
        .insertInto("support_contacts")
        .values({
          member_id: memberId,
          id: randomUUID(),
          reach_note: null,
          plan_step_ids: "[]",
          ...person,
          created_at: new Date(now.getTime() - (DEMO_DAYS - index) * 86_400_000).toISOString(),
          updated_at: stamp,
        })
        .execute();
    }

    const { drafts } = readFeedRows(FEED, zone);
    await writeMeetings(trx, { id: memberId, kind: "member" }, null, drafts, now, randomUUID);
    const meetings = await trx
      .selectFrom("meetings")
      .select(["id", "slug", "name"])
      .where("owner_id", "=", memberId)
      .execute();
    const bySlug = new Map(meetings.map((meeting) => [meeting.slug, meeting]));
    const na = bySlug.get("demo-hope-without-walls-na");
    if (na) {
      await trx
        .insertInto("saved_meetings")
        .values({
          member_id: memberId,
          meeting_id: na.id,
          created_at: stamp,
          remind_before_minutes: 60,
        })
        .execute();
    }

    const today = localDayOf(now, zone);
    const first = addLocalDays(today, -(DEMO_DAYS - 1));
    for (let index = 0; index < DEMO_DAYS - 1; index += 1) {
      if (index >= GAP.from && index <= GAP.to) continue;
      const day = addLocalDays(first, index);
      const weekday = weekdayOf(day);
      // Before the lapse: NA on Mondays and Thursdays. After: online on Wednesdays, SMART
      // on Saturdays (a new start).
      const slug = (index < GAP.from ? BEFORE : AFTER)[weekday];
      const row = FEED.find((feedRow) => feedRow.slug === slug);
      if (!row) continue;
      const parsed = meetingFromFeedRow(row, zone);
      if (!parsed.ok) continue;
      const [year, month, date] = day.split("-").map(Number) as [number, number, number];
      const [hours, minutes] = parsed.meeting.time.split(":").map(Number) as [number, number];
      const at = new Date(new TZDate(year, month - 1, date, hours, minutes, zone).getTime());
      const meeting = bySlug.get(row.slug);
      await trx
        .insertInto("attendance")
        .values({
          member_id: memberId,
          id: randomUUID(),
          meeting_id: meeting?.id ?? null,
          meeting_name: row.name,
          at: at.toISOString(),
          local_day: day,
          note: index === GAP.to + 1 ? "First meeting back. Glad I came." : null,
          signer_name:
            row.slug === "demo-hope-without-walls-na" && index % 3 === 0 ? "Ray (secretary)" : null,
          created_at: at.toISOString(),
        })
        .execute();
    }

    const expires = new Date(now);
    expires.setUTCMonth(expires.getUTCMonth() + 5);
    await trx
      .insertInto("naloxone_kits")
      .values({
        member_id: memberId,
        location: "In my backpack, front pocket",
        expires_on: localDayOf(expires, zone),
        updated_at: stamp,
      })
      .execute();
  });
}
