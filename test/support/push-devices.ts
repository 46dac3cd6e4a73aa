import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../src/server/db/schema";
import type { TestPushService, TestSubscription } from "./push-service";

/** A device of this person's own, subscribed on the loopback push service. */
export async function registerTestDevice(
  db: Kysely<Database>,
  push: TestPushService,
  userId: string,
): Promise<TestSubscription> {
  const subscription = push.subscription();
  await db
    .insertInto("push_subscriptions")
    .values({
      member_id: userId,
      id: randomUUID(),
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
      created_at: new Date().toISOString(),
      last_sent_at: null,
      failures: 0,
    })
    .execute();
  return subscription;
}

/** What one device was sent, decrypted as the browser would, parsed as JSON. */
export function receivedOn(push: TestPushService, subscription: TestSubscription): unknown[] {
  return push.received
    .filter((message) => message.path === new URL(subscription.endpoint).pathname)
    .map((message) => JSON.parse(subscription.decrypt(message.body)));
}
