import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { PushSubscriptionBody, ReminderView } from "../../../domain/api/medication";
import type { Weekday } from "../../../domain/dose-schedule";
import type { ReminderInput, ReminderKind } from "../../../domain/reminder";
import type { Database } from "../../db/schema";
import type { ReminderTable } from "../../db/tables/medication";
import { AppError, notFound } from "../../errors";
import type { WriteOnce } from "../../http/idempotency";
import { pushEndpointProblem } from "../../push/sender";
import { loadVapidKeys } from "../../push/vapid";
import type { Actor } from "../../security/session";
import { authorizeRead, authorizeWrite, fromFlag, memberSettings } from "./access";
import * as queries from "./reminder-queries";

/**
 * Reminders for doses, appointment days and the daily check-in, the member's choice of
 * discreet or detailed notification text, and the devices that receive Web Push.
 */

// More devices than a person has; a runaway client cannot fill the table.
const MAX_PUSH_DEVICES = 20;

export interface PushOptions {
  /** Tests only: accept a push service on a loopback address (plain http allowed). */
  allowLoopback?: boolean;
}

export async function listReminders(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  await authorizeRead(db, actor, memberId, "medication", "reminders", now);
  await memberSettings(db, memberId, now);
  const [rows, details, devices] = await Promise.all([
    queries.listReminders(db, memberId),
    queries.notificationDetails(db, memberId),
    queries.listPushSubscriptions(db, memberId),
  ]);
  return {
    reminders: rows.map(reminderView),
    notificationDetails: details,
    pushDevices: devices.length,
  };
}

export async function setReminder(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  reminderId: string,
  input: ReminderInput,
  writeOnce: WriteOnce,
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "medication", "reminders", now);
  await memberSettings(db, memberId, now);
  return writeOnce(async (trx) => {
    const existing = await queries.findReminder(trx, memberId, reminderId);
    const values = {
      kind: input.kind,
      local_time: input.localTime,
      days: input.days.join(","),
      enabled: input.enabled ? 1 : 0,
      updated_at: now.toISOString(),
    };
    if (existing) await queries.updateReminder(trx, memberId, reminderId, values);
    else
      await queries.insertReminder(trx, {
        member_id: memberId,
        id: reminderId,
        ...values,
        // A reminder set for a time that already passed today waits for the next one.
        last_sent_for: now.toISOString(),
        created_at: now.toISOString(),
      });
    const row = await queries.findReminder(trx, memberId, reminderId);
    if (!row) throw new Error("the reminder just written is missing");
    return { statusCode: existing ? 200 : 201, body: reminderView(row) };
  });
}

export async function deleteReminder(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  reminderId: string,
  writeOnce: WriteOnce,
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "medication", "reminders", now);
  return writeOnce(async (trx) => {
    if (!(await queries.deleteReminder(trx, memberId, reminderId))) throw notFound("That reminder");
    return { statusCode: 200, body: { ok: true as const } };
  });
}

export async function setNotificationPreferences(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  details: boolean,
  writeOnce: WriteOnce,
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "medication", "notification preferences", now);
  return writeOnce(async (trx) => {
    await queries.setNotificationDetails(trx, memberId, details, now.toISOString());
    return { statusCode: 200, body: { details } };
  });
}

export function pushPublicKey(dataDir: string) {
  return { publicKey: loadVapidKeys(dataDir).publicKey };
}

export async function subscribePush(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: PushSubscriptionBody,
  writeOnce: WriteOnce,
  options: PushOptions = {},
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "medication", "notification devices", now);
  const problem = pushEndpointProblem(body.endpoint, options);
  if (problem)
    throw new AppError("validation_error", 400, `Check "endpoint": ${problem}`, "endpoint");
  if (!isKeyOfLength(body.keys.p256dh, 65, 65) || base64url(body.keys.p256dh)[0] !== 0x04) {
    throw new AppError(
      "validation_error",
      400,
      'Check "keys.p256dh": it must be an uncompressed P-256 public key in base64url.',
      "keys.p256dh",
    );
  }
  if (!isKeyOfLength(body.keys.auth, 16, 64)) {
    throw new AppError(
      "validation_error",
      400,
      'Check "keys.auth": it must be at least 16 bytes in base64url.',
      "keys.auth",
    );
  }
  return writeOnce(async (trx) => {
    const sameEndpoint = await queries.findPushSubscriptionsByEndpoint(trx, body.endpoint);
    for (const row of sameEndpoint) {
      // The same browser signed in as someone else before: it is this member's device now,
      // so the earlier account's reminders must stop reaching it. Matching keys prove it is
      // the same subscription, not someone who only learned the address.
      if (row.p256dh === body.keys.p256dh && row.auth === body.keys.auth) {
        await queries.deletePushSubscription(trx, row.member_id, row.id);
      } else if (row.member_id === memberId) {
        await queries.deletePushSubscription(trx, row.member_id, row.id);
      }
    }
    const devices = await queries.listPushSubscriptions(trx, memberId);
    for (const old of devices.slice(0, Math.max(0, devices.length - MAX_PUSH_DEVICES + 1))) {
      await queries.deletePushSubscription(trx, memberId, old.id);
    }
    const id = randomUUID();
    await queries.insertPushSubscription(trx, {
      member_id: memberId,
      id,
      endpoint: body.endpoint,
      p256dh: body.keys.p256dh,
      auth: body.keys.auth,
      created_at: now.toISOString(),
      last_sent_at: null,
      failures: 0,
    });
    return { statusCode: 201, body: { id, createdAt: now.toISOString() } };
  });
}

export async function unsubscribePush(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  endpoint: string,
  writeOnce: WriteOnce,
  now = new Date(),
) {
  await authorizeWrite(db, actor, memberId, "medication", "notification devices", now);
  return writeOnce(async (trx) => {
    await queries.deletePushSubscriptionByEndpoint(trx, memberId, endpoint);
    // Already gone is fine: the device wanted to stop receiving, and it will.
    return { statusCode: 200, body: { ok: true as const } };
  });
}

function reminderView(row: ReminderTable): ReminderView {
  return {
    id: row.id,
    kind: row.kind as ReminderKind,
    localTime: row.local_time,
    days: row.days.split(",").filter(Boolean) as Weekday[],
    enabled: fromFlag(row.enabled),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

function base64url(value: string): Buffer {
  return Buffer.from(value.replace(/=+$/, ""), "base64url");
}

function isKeyOfLength(value: string, min: number, max: number): boolean {
  if (!BASE64URL.test(value)) return false;
  const length = base64url(value).length;
  return length >= min && length <= max;
}
