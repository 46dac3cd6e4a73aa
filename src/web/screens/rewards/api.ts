import {
  type CatalogueRewardRequest,
  type CreateTargetRequest,
  catalogueRewardRequestSchema,
  catalogueRewardSchema,
  createTargetRequestSchema,
  ledgerLineSchema,
  memberRewardsSchema,
  organizationRewardsSchema,
  type RecordOccasionRequest,
  type RewardSettingsRequest,
  recordOccasionRequestSchema,
  recordOccasionResultSchema,
  rewardSettingsRequestSchema,
  targetSchema,
} from "../../../domain/api/rewards";
import { rewardSettingsSchema } from "../../../domain/rewards/schedule";
import { call, validated } from "../../api";

const id = (value: string) => encodeURIComponent(value);
const member = (memberId: string) => `/members/${id(memberId)}/rewards`;
const keyed = (idempotencyKey: string) => ({ "idempotency-key": idempotencyKey });

/** Contingency management: the member's points, staff verification, the organization's settings. */
export const rewardsApi = {
  memberRewards: (memberId: string) => call("GET", member(memberId), memberRewardsSchema),
  createTarget: (memberId: string, body: CreateTargetRequest, idempotencyKey: string) =>
    call(
      "POST",
      `${member(memberId)}/targets`,
      targetSchema,
      validated(createTargetRequestSchema, body),
      keyed(idempotencyKey),
    ),
  endTarget: (memberId: string, targetId: string) =>
    call("POST", `${member(memberId)}/targets/${id(targetId)}/end`, targetSchema, {}),
  recordOccasion: (
    memberId: string,
    targetId: string,
    body: RecordOccasionRequest,
    idempotencyKey: string,
  ) =>
    call(
      "POST",
      `${member(memberId)}/targets/${id(targetId)}/occasions`,
      recordOccasionResultSchema,
      validated(recordOccasionRequestSchema, body),
      keyed(idempotencyKey),
    ),
  correctOccasion: (memberId: string, occasionId: string, idempotencyKey: string) =>
    call(
      "POST",
      `${member(memberId)}/occasions/${id(occasionId)}/correction`,
      targetSchema,
      {},
      keyed(idempotencyKey),
    ),
  redeem: (memberId: string, rewardId: string, idempotencyKey: string) =>
    call(
      "POST",
      `${member(memberId)}/redemptions`,
      ledgerLineSchema,
      { rewardId },
      keyed(idempotencyKey),
    ),
  undoRedemption: (memberId: string, lineId: string, idempotencyKey: string) =>
    call(
      "POST",
      `${member(memberId)}/redemptions/${id(lineId)}/undo`,
      ledgerLineSchema,
      {},
      keyed(idempotencyKey),
    ),
  organizations: () => call("GET", "/rewards/organizations", organizationRewardsSchema),
  saveSettings: (organizationId: string, body: RewardSettingsRequest) =>
    call(
      "PUT",
      `/organizations/${id(organizationId)}/rewards/settings`,
      rewardSettingsSchema,
      validated(rewardSettingsRequestSchema, body),
    ),
  addReward: (organizationId: string, body: CatalogueRewardRequest) =>
    call(
      "POST",
      `/organizations/${id(organizationId)}/rewards/catalogue`,
      catalogueRewardSchema,
      validated(catalogueRewardRequestSchema, body),
    ),
  updateReward: (organizationId: string, rewardId: string, body: CatalogueRewardRequest) =>
    call(
      "PUT",
      `/organizations/${id(organizationId)}/rewards/catalogue/${id(rewardId)}`,
      catalogueRewardSchema,
      validated(catalogueRewardRequestSchema, body),
    ),
};
