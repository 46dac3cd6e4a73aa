import { z } from "zod";
import { ledgerKindSchema } from "../rewards/ledger";
import { rewardSettingsSchema } from "../rewards/schedule";
import { targetKindSchema, timesPerWeekSchema } from "../rewards/targets";
import { localDaySchema } from "./local-day";

/** Request and response shapes of contingency management: targets, occasions, the ledger. */

const idSchema = z.string().min(1).max(64);

export const targetParamsSchema = z.object({ memberId: idSchema, targetId: idSchema });
export const occasionParamsSchema = z.object({ memberId: idSchema, occasionId: idSchema });
export const redemptionParamsSchema = z.object({ memberId: idSchema, lineId: idSchema });
export const organizationParamsSchema = z.object({ organizationId: idSchema });
export const catalogueRewardParamsSchema = z.object({
  organizationId: idSchema,
  rewardId: idSchema,
});

export const createTargetRequestSchema = z.object({
  kind: targetKindSchema,
  timesPerWeek: timesPerWeekSchema,
  /** Anything the member should know ("Tuesdays and Fridays at the clinic"). */
  note: z.string().trim().max(300).optional(),
  /** Only needed when the clinician and the member share more than one organization. */
  organizationId: idSchema.optional(),
});
export type CreateTargetRequest = z.infer<typeof createTargetRequestSchema>;

export const recordOccasionRequestSchema = z.object({
  /** The member's local day the behaviour was verified. */
  occurredOn: localDaySchema,
  outcome: z.enum(["met", "missed"]),
});
export type RecordOccasionRequest = z.infer<typeof recordOccasionRequestSchema>;

export const redeemRequestSchema = z.object({ rewardId: idSchema });

const personSchema = z.object({ id: z.string(), displayName: z.string().nullable() });

export const occasionSchema = z.object({
  id: z.string(),
  targetId: z.string(),
  occurredOn: z.string(),
  outcome: z.enum(["met", "missed"]),
  /** Points the occasion added (0 for a miss or under the cap). */
  points: z.number().int(),
  recordedAt: z.string(),
  recordedBy: personSchema,
  /** Set once a correction took this occasion back. */
  correctedAt: z.string().nullable(),
});
export type Occasion = z.infer<typeof occasionSchema>;

export const targetSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  kind: targetKindSchema,
  timesPerWeek: z.number().int(),
  note: z.string(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  /** Met occasions in a row now. */
  streak: z.number().int(),
  /** What the next met occasion would earn under the schedule (before the cap). */
  nextPoints: z.number().int(),
  /** The latest occasions, newest first. */
  recentOccasions: z.array(occasionSchema),
});
export type Target = z.infer<typeof targetSchema>;

export const ledgerLineSchema = z.object({
  id: z.string(),
  kind: ledgerKindSchema,
  points: z.number().int(),
  at: z.string(),
  /** Why: the target an earning was for, or the reward redeemed. */
  targetKind: targetKindSchema.nullable(),
  occurredOn: z.string().nullable(),
  rewardName: z.string().nullable(),
  /** Points the yearly cap kept back from this earning. */
  withheld: z.number().int(),
  /** The line this one reverses (a correction or an undone redemption). */
  reversesId: z.string().nullable(),
  /** Until when the member can take this redemption back themselves; null otherwise. */
  undoUntil: z.string().nullable(),
});
export type LedgerLine = z.infer<typeof ledgerLineSchema>;

export const catalogueRewardSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  pointsCost: z.number().int(),
  active: z.boolean(),
});
export type CatalogueReward = z.infer<typeof catalogueRewardSchema>;

export const rewardProgramSchema = z.object({
  organization: z.object({ id: z.string(), name: z.string() }),
  /** Null until an admin of the organization sets the schedule and the yearly cap. */
  settings: rewardSettingsSchema.nullable(),
  earned: z.number().int(),
  redeemed: z.number().int(),
  balance: z.number().int(),
  /** Points earned in the member's current calendar year, toward the cap. */
  earnedThisYear: z.number().int(),
  targets: z.array(targetSchema),
  /** What the clinic lists now (active rewards only). */
  catalogue: z.array(catalogueRewardSchema),
  /** Newest first. */
  ledger: z.array(ledgerLineSchema),
});
export type RewardProgram = z.infer<typeof rewardProgramSchema>;

export const memberRewardsSchema = z.object({ programs: z.array(rewardProgramSchema) });
export type MemberRewards = z.infer<typeof memberRewardsSchema>;

export const recordOccasionResultSchema = z.object({
  occasion: occasionSchema,
  /** Why the points are what they are: "earned", "cap_partial", "cap_reached" or "missed". */
  reason: z.enum(["earned", "cap_partial", "cap_reached", "missed"]),
  withheld: z.number().int(),
});

export const rewardSettingsRequestSchema = rewardSettingsSchema;
export type RewardSettingsRequest = z.infer<typeof rewardSettingsRequestSchema>;

export const catalogueRewardRequestSchema = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(300).optional(),
  pointsCost: z.number().int().min(1).max(10_000_000),
  active: z.boolean().optional(),
});
export type CatalogueRewardRequest = z.infer<typeof catalogueRewardRequestSchema>;

export const organizationRewardsSchema = z.object({
  organizations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** Admins set the schedule and cap; admins and clinicians keep the list of rewards. */
      canEditSettings: z.boolean(),
      settings: rewardSettingsSchema.nullable(),
      /** Every reward, retired ones too. */
      catalogue: z.array(catalogueRewardSchema),
    }),
  ),
});
export type OrganizationRewards = z.infer<typeof organizationRewardsSchema>;
