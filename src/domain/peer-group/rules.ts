/**
 * The rules notice a member reads and acknowledges before their first post. The words are in
 * the catalogs (peerGroup.rules.*); this list fixes their order and is versioned by
 * PEER_RULES_VERSION, so a change of rules asks everyone again.
 */
export const PEER_RULES = [
  "seenByGroup",
  "aliasOnly",
  "noRecord",
  "kindness",
  "privacy",
  "notCrisis",
  "moderators",
] as const;
export type PeerRule = (typeof PEER_RULES)[number];
