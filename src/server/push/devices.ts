// A person's push devices, and one message sent to all of them. Medication reminders, meeting
// reminders and a supporter's "asked for support" notice all deliver the same way: a device
// its push service says is gone is forgotten, every other outcome is recorded on the device.
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { type PushSendOptions, sendPush } from "./sender";

export interface PushDevice {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushTally {
  sent: number;
  failed: number;
  forgotten: number;
}

/** The devices a person (member or supporter) turned notifications on for, oldest first. */
export function pushDevicesOf(db: Kysely<Database>, userId: string): Promise<PushDevice[]> {
  return db
    .selectFrom("push_subscriptions")
    .select(["id", "endpoint", "p256dh", "auth"])
    .where("member_id", "=", userId)
    .orderBy("created_at")
    .execute();
}

/** Sends `payload` to each device in turn and says how it went. */
export async function sendToDevices(
  db: Kysely<Database>,
  userId: string,
  devices: readonly PushDevice[],
  payload: string,
  options: PushSendOptions,
  now: Date,
): Promise<PushTally> {
  const tally: PushTally = { sent: 0, failed: 0, forgotten: 0 };
  for (const device of devices) {
    const outcome = await sendPush(
      { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
      payload,
      options,
    );
    const row = db
      .updateTable("push_subscriptions")
      .where("member_id", "=", userId)
      .where("id", "=", device.id);
    if (outcome.ok) {
      tally.sent += 1;
      await row.set({ last_sent_at: now.toISOString(), failures: 0 }).execute();
    } else if (outcome.gone) {
      tally.forgotten += 1;
      await db
        .deleteFrom("push_subscriptions")
        .where("member_id", "=", userId)
        .where("id", "=", device.id)
        .execute();
    } else {
      tally.failed += 1;
      await row.set((eb) => ({ failures: eb("failures", "+", 1) })).execute();
    }
  }
  return tally;
}

/** Adds one delivery's tally to a running report. */
export function addTally<Report extends PushTally>(report: Report, tally: PushTally): void {
  report.sent += tally.sent;
  report.failed += tally.failed;
  report.forgotten += tally.forgotten;
}
