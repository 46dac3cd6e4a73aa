import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { addScheduleDays, scheduledDoseInstants } from "../../../domain/dose-schedule";
import type { DoseUnit, Medication } from "../../../domain/medication";
import type { AppointmentKind } from "../../../domain/medication-appointments";
import { messageLocale } from "../../../domain/reminder";
import type { Database } from "../../db/schema";
import { notFound } from "../../errors";
import type { Actor } from "../../security/session";
import { hashToken, newSecretToken } from "../../security/tokens";
import { authorizeRead, authorizeWrite, fromFlag, memberSettings, startOfDay } from "./access";
import { listAppointments } from "./appointment-queries";
import { calendarText } from "./calendar-feed";
import { findRegimen } from "./queries";
import { parseSchedule } from "./service";

/**
 * A secret, revocable calendar address a phone's calendar can subscribe to. The token is
 * shown once and stored only as its SHA-256; a member has one live address at a time, so
 * making a new one retires the old. The feed covers the next 60 days.
 */
export const FEED_DAYS = 60;
const PAST_APPOINTMENT_DAYS = 7;

export async function createCalendarFeed(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  options: { details: boolean; origin: string },
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "appointments", "calendar feed", now);
  await memberSettings(db, memberId, now);
  const token = newSecretToken();
  await db.transaction().execute(async (trx) => {
    await revokeLiveFeeds(trx, memberId, now);
    await trx
      .insertInto("calendar_feeds")
      .values({
        member_id: memberId,
        id: randomUUID(),
        token_hash: hashToken(token),
        details: options.details ? 1 : 0,
        created_at: now.toISOString(),
        revoked_at: null,
        last_fetched_at: null,
      })
      .execute();
  });
  return {
    url: `${options.origin}/api/calendar/${token}.ics`,
    details: options.details,
    createdAt: now.toISOString(),
  };
}

export async function revokeCalendarFeed(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "appointments", "calendar feed", now);
  await revokeLiveFeeds(db, memberId, now);
  return { ok: true as const };
}

export async function getCalendarFeedStatus(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  await authorizeRead(db, actor, memberId, "appointments", "calendar feed", now);
  await memberSettings(db, memberId, now);
  const feed = await db
    .selectFrom("calendar_feeds")
    .select(["details", "created_at", "last_fetched_at"])
    .where("member_id", "=", memberId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return {
    active: Boolean(feed),
    details: feed ? fromFlag(feed.details) : false,
    createdAt: feed?.created_at ?? null,
    lastFetchedAt: feed?.last_fetched_at ?? null,
  };
}

/** The public feed: anyone holding the secret address reads it; a revoked one is not found. */
export async function calendarFeedText(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<string> {
  const feed = await db
    .selectFrom("calendar_feeds")
    .select(["member_id", "id", "details"])
    .where("token_hash", "=", hashToken(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!feed) throw notFound("That calendar");
  const member = await memberSettings(db, feed.member_id, now);
  const lastDay = addScheduleDays(member.today, FEED_DAYS);
  const [appointments, regimen] = await Promise.all([
    listAppointments(
      db,
      feed.member_id,
      new Date(now.getTime() - PAST_APPOINTMENT_DAYS * 86_400_000).toISOString(),
      startOfDay(addScheduleDays(lastDay, 1), member.timeZone).toISOString(),
    ),
    findRegimen(db, feed.member_id),
  ]);
  const doses = regimen
    ? scheduledDoseInstants(parseSchedule(regimen.schedule), member.today, lastDay, member.timeZone)
    : [];
  await db
    .updateTable("calendar_feeds")
    .set({ last_fetched_at: now.toISOString() })
    .where("member_id", "=", feed.member_id)
    .where("id", "=", feed.id)
    .execute();
  return calendarText({
    feedId: feed.id,
    details: fromFlag(feed.details),
    locale: messageLocale(member.locale),
    appointments: appointments.map((row) => ({
      id: row.id,
      kind: row.kind as AppointmentKind,
      title: row.title,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      place: row.place,
      notes: row.notes,
      updatedAt: row.updated_at,
    })),
    doses,
    regimen: regimen
      ? {
          medication: regimen.medication as Medication,
          doseAmount: regimen.dose_amount,
          doseUnit: regimen.dose_unit as DoseUnit,
        }
      : null,
    now,
  });
}

async function revokeLiveFeeds(db: Kysely<Database>, memberId: string, now: Date) {
  await db
    .updateTable("calendar_feeds")
    .set({ revoked_at: now.toISOString() })
    .where("member_id", "=", memberId)
    .where("revoked_at", "is", null)
    .execute();
}
