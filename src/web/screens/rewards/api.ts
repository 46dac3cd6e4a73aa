import {
  type CatalogueRewardRequest,
  type CreateTargetRequest,
  catalogueRewardRequestSchema,
  type catalogueRewardSchema,
  createTargetRequestSchema,
  type ledgerLineSchema,
  type memberRewardsSchema,
  type organizationRewardsSchema,
  type RecordOccasionRequest,
  type RewardSettingsRequest,
  recordOccasionRequestSchema,
  type recordOccasionResultSchema,
  rewardSettingsRequestSchema,
  type targetSchema,
} from "../../../domain/api/rewards";
import type { rewardSettingsSchema } from "../../../domain/rewards/schedule";
import { call, validated } from "../../api";

const id = (value: string) => encodeURIComponent(value);
const member = (memberId: string) => `/members/${id(memberId)}/rewards`;
const keyed = (idempotencyKey: string) => ({ "idempotency-key": idempotencyKey });

/** Contingency management: the member's points, staff verification, the organization's settings. */
export const rewardsApi = {
  memberRewards: (memberId: string) => call<typeof memberRewardsSchema>("GET", member(memberId)),
  createTarget: (memberId: string, body: CreateTargetRequest, idempotencyKey: string) =>
    call<typeof targetSchema>(
      "POST",
      `${member(memberId)}/targets`,
      validated(createTargetRequestSchema, body),
      keyed(idempotencyKey),
    ),
  endTarget: (memberId: string, targetId: string) =>
    call<typeof targetSchema>("POST", `${member(memberId)}/targets/${id(targetId)}/end`, {}),
  recordOccasion: (
    memberId: string,
    targetId: string,
    body: RecordOccasionRequest,
    idempotencyKey: string,
  ) =>
    call<typeof recordOccasionResultSchema>(
      "POST",
      `${member(memberId)}/targets/${id(targetId)}/occasions`,
      validated(recordOccasionRequestSchema, body),
      keyed(idempotencyKey),
    ),
  correctOccasion: (memberId: string, occasionId: string, idempotencyKey: string) =>
    call<typeof targetSchema>(
      "POST",
      `${member(memberId)}/occasions/${id(occasionId)}/correction`,
      {},
      keyed(idempotencyKey),
    ),
  redeem: (memberId: string, rewardId: string, idempotencyKey: string) =>
    call<typeof ledgerLineSchema>(
      "POST",
      `${member(memberId)}/redemptions`,
      { rewardId },
      keyed(idempotencyKey),
    ),
  undoRedemption: (memberId: string, lineId: string, idempotencyKey: string) =>
    call<typeof ledgerLineSchema>(
      "POST",
      `${member(memberId)}/redemptions/${id(lineId)}/undo`,
      {},
      keyed(idempotencyKey),
    ),
  organizations: () => call<typeof organizationRewardsSchema>("GET", "/rewards/organizations"),
  saveSettings: (organizationId: string, body: RewardSettingsRequest) =>
    call<typeof rewardSettingsSchema>(
      "PUT",
      `/organizations/${id(organizationId)}/rewards/settings`,
      validated(rewardSettingsRequestSchema, body),
    ),
  addReward: (organizationId: string, body: CatalogueRewardRequest) =>
    call<typeof catalogueRewardSchema>(
      "POST",
      `/organizations/${id(organizationId)}/rewards/catalogue`,
      validated(catalogueRewardRequestSchema, body),
    ),
  updateReward: (organizationId: string, rewardId: string, body: CatalogueRewardRequest) =>
    call<typeof catalogueRewardSchema>(
      "PUT",
      `/organizations/${id(organizationId)}/rewards/catalogue/${id(rewardId)}`,
      validated(catalogueRewardRequestSchema, body),
    ),
};
