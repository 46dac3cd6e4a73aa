import type { PeerReply } from "../../../../domain/api/peer-group";
import type { GroupReader } from "../group-access";
import type { PostRow } from "./queries";

/** What the reader may see of post-level facts gathered for a page of posts. */
export interface PostFacts {
  supportCounts: Map<string, number>;
  supportedByMe: Set<string>;
  reportedByMe: Set<string>;
}

/**
 * A post as a reader sees it: the alias, never the author's id. A hidden post's words go to its
 * author and to moderators only; everyone else reads "hidden by a moderator".
 */
export function postView(row: PostRow, reader: GroupReader, facts: PostFacts): PeerReply {
  const mine = row.member_id === reader.userId;
  const hidden = row.hidden_at !== null;
  return {
    id: row.id,
    alias: row.alias,
    body: hidden && !mine && !reader.isModerator ? null : row.body,
    hidden,
    createdAt: row.created_at,
    supportCount: facts.supportCounts.get(row.id) ?? 0,
    supportedByMe: facts.supportedByMe.has(row.id),
    reportedByMe: facts.reportedByMe.has(row.id),
    mine,
  };
}

export const NO_FACTS: PostFacts = {
  supportCounts: new Map(),
  supportedByMe: new Set(),
  reportedByMe: new Set(),
};
