import type { Kysely } from "kysely";
import type { Database } from "../../server/db/schema";
import { sendMessage } from "../../server/features/messages/service";
import { writeOnceIn } from "../../server/http/idempotency";
import { actorFor } from "../../server/security/session";

/**
 * A short conversation between Alex and Sam Rivera, yesterday, the last answer unread, so the
 * caseload shows a count and Alex's Messages a new one. Only when their thread is empty.
 */
export async function seedMessagesDemo(
  db: Kysely<Database>,
  alexId: string,
  clinicianId: string,
  now: Date,
) {
  const existing = await db
    .selectFrom("messages")
    .select("seq")
    .where("member_id", "=", alexId)
    .where("person_id", "=", clinicianId)
    .executeTakeFirst();
  if (existing) return;
  const alex = await actorFor(db, alexId, "demo");
  const sam = await actorFor(db, clinicianId, "demo");
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const conversation = [
    [alex, "Rough night, but I didn't use. Could we talk before group tomorrow?", 26 * 60],
    [sam, "I'm glad you wrote. Yes — I'll be there at 9:30. What helped last night?", 25 * 60],
    [alex, "Texting Jordan, and the breathing exercise.", 24 * 60],
  ] as const;
  for (const [sender, body, minutesAgo] of conversation) {
    await sendMessage(db, sender, alexId, clinicianId, body, writeOnceIn(db), at(minutesAgo));
  }
}
