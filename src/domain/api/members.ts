import { z } from "zod";

export const memberIdParamsSchema = z.object({ memberId: z.string().min(1).max(64) });

export const memberProfileSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  timeZone: z.string(),
});
export type MemberProfile = z.infer<typeof memberProfileSchema>;

export const auditEventSchema = z.object({
  at: z.string(),
  actorId: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  resource: z.string(),
  purpose: z.string().nullable(),
  outcome: z.enum(["allowed", "denied"]),
});
export const auditEventListSchema = z.object({ events: z.array(auditEventSchema) });
