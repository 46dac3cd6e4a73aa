import { z } from "zod";

/**
 * The people in a member's corner. Kept on the member's side only: adding someone here
 * tells them nothing and shares nothing with them.
 */
export const contactRoleSchema = z.enum([
  "sponsor",
  "counselor",
  "family",
  "friend",
  "peer_specialist",
  "emergency_contact",
  "other",
]);
export type ContactRole = z.infer<typeof contactRoleSchema>;

/** How the person likes to be reached; "other" carries words ("email first", "at church"). */
export const reachSchema = z.enum(["call", "text", "other"]);
export type Reach = z.infer<typeof reachSchema>;

/** The people the crisis screen lists first: emergency contacts, then sponsor, counselor. */
export function crisisContactOrder(role: ContactRole): number {
  const order: ContactRole[] = ["emergency_contact", "sponsor", "counselor", "peer_specialist"];
  const index = order.indexOf(role);
  return index === -1 ? order.length : index;
}
