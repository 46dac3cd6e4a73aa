import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { aliasKey } from "../../domain/peer-group/alias";
import { PEER_RULES_VERSION } from "../../domain/peer-group/channels";
import type { Database } from "../../server/db/schema";

/**
 * The demo peer group: Alex and the caseload members (care demo) opted in under aliases, a few
 * posts and replies with support, and the demo clinician as the group's moderator (a peer
 * recovery specialist would be a typical choice). Skipped when Alex is already in the group.
 */
const PEOPLE = [
  { email: "alex@example.org", alias: "River Stones" },
  { email: "blake@example.org", alias: "Night Owl" },
  { email: "casey@example.org", alias: "Sunrise Walker" },
  { email: "drew@example.org", alias: "Quiet Harbor" },
];

const POSTS: {
  by: number;
  channel: string;
  hoursAgo: number;
  body: string;
  replies: [number, string][];
}[] = [
  {
    by: 2,
    channel: "today",
    hoursAgo: 5,
    body: "Made coffee, went for a walk before work. Small things, but they count.",
    replies: [[0, "They count. The walk is my favorite part of the morning too."]],
  },
  {
    by: 3,
    channel: "milestones",
    hoursAgo: 30,
    body: "Six months today. My daughter made me a card.",
    replies: [
      [1, "Six months! That card is going on my fridge in my head."],
      [0, "So happy for you both."],
    ],
  },
  {
    by: 1,
    channel: "hard-moment",
    hoursAgo: 2,
    body: "Payday and the old route home. Taking the long way tonight and calling my sponsor.",
    replies: [[2, "Long way home is the right way. Text here when you're in."]],
  },
];

export async function seedPeerGroupDemo(
  db: Kysely<Database>,
  organizationId: string,
  moderatorId: string | undefined,
  now: Date,
): Promise<void> {
  const users = await db
    .selectFrom("users")
    .select(["id", "email"])
    .where(
      "email",
      "in",
      PEOPLE.map((person) => person.email),
    )
    .execute();
  const idOf = (index: number) => users.find((u) => u.email === PEOPLE[index]?.email)?.id;
  const alexId = idOf(0);
  if (!alexId) return;
  const already = await db
    .selectFrom("peer_group_members")
    .select("member_id")
    .where("member_id", "=", alexId)
    .executeTakeFirst();
  if (already) return;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
  await db.transaction().execute(async (trx) => {
    for (const [index, person] of PEOPLE.entries()) {
      const memberId = idOf(index);
      if (!memberId) continue;
      await trx
        .insertInto("peer_group_members")
        .values({
          member_id: memberId,
          organization_id: organizationId,
          alias: person.alias,
          alias_key: aliasKey(person.alias),
          rules_version: PEER_RULES_VERSION,
          rules_acknowledged_at: at(24 * 10),
          joined_at: at(24 * 10),
        })
        .execute();
    }
    for (const post of POSTS) {
      const authorId = idOf(post.by);
      if (!authorId) continue;
      const postId = randomUUID();
      const row = {
        organization_id: organizationId,
        channel: post.channel,
        hidden_at: null,
        hidden_by: null,
      };
      await trx
        .insertInto("peer_posts")
        .values({
          ...row,
          member_id: authorId,
          id: postId,
          parent_id: null,
          body: post.body,
          created_at: at(post.hoursAgo),
        })
        .execute();
      for (const [offset, [by, body]] of post.replies.entries()) {
        const replierId = idOf(by);
        if (!replierId) continue;
        await trx
          .insertInto("peer_posts")
          .values({
            ...row,
            member_id: replierId,
            id: randomUUID(),
            parent_id: postId,
            body,
            created_at: at(post.hoursAgo - 0.5 - offset * 0.25),
          })
          .execute();
        await trx
          .insertInto("peer_support")
          .values({ member_id: replierId, post_id: postId, created_at: at(post.hoursAgo - 0.5) })
          .execute();
      }
    }
    if (moderatorId) {
      await trx
        .insertInto("memberships")
        .values({
          organization_id: organizationId,
          user_id: moderatorId,
          role: "moderator",
          created_at: now.toISOString(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
}
