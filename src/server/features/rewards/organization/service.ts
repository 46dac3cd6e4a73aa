// An organization's contingency-management settings: the escalation schedule and the yearly cap
// (its admins), and the list of rewards members can redeem (its admins and clinicians).
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type {
  CatalogueReward,
  CatalogueRewardRequest,
  OrganizationRewards,
} from "../../../../domain/api/rewards";
import type { RewardSettings } from "../../../../domain/rewards/schedule";
import type { Role } from "../../../../domain/roles";
import type { Database } from "../../../db/schema";
import type { RewardCatalogueTable } from "../../../db/tables/rewards";
import { forbidden, notFound } from "../../../errors";
import { adminOf, assertAdminOf, organizationsWhere } from "../../../security/organization-roles";
import type { Actor } from "../../../security/session";
import { settingsOf } from "../queries";
import * as queries from "./queries";

const CATALOGUE_KEEPERS: readonly Role[] = ["admin", "clinician"];

export async function listOrganizationRewards(
  db: Kysely<Database>,
  actor: Actor,
): Promise<OrganizationRewards> {
  const ids = organizationsWhere(actor, CATALOGUE_KEEPERS);
  const [organizations, settings, catalogue] = await Promise.all([
    queries.organizationsNamed(db, ids),
    settingsOf(db, ids),
    queries.catalogueOf(db, ids),
  ]);
  const admin = new Set(adminOf(actor));
  return {
    organizations: organizations.map((organization) => ({
      ...organization,
      canEditSettings: admin.has(organization.id),
      settings: settings.get(organization.id) ?? null,
      catalogue: catalogue
        .filter((reward) => reward.organization_id === organization.id)
        .map(catalogueView),
    })),
  };
}

export async function updateRewardSettings(
  db: Kysely<Database>,
  actor: Actor,
  organizationId: string,
  settings: RewardSettings,
  now = new Date(),
): Promise<RewardSettings> {
  assertAdminOf(actor, organizationId, "An admin of the organization sets the schedule.");
  await queries.saveSettings(db, organizationId, settings, actor.userId, now.toISOString());
  const saved = (await settingsOf(db, [organizationId])).get(organizationId);
  if (!saved) throw notFound("Those settings");
  return saved;
}

export async function createCatalogueReward(
  db: Kysely<Database>,
  actor: Actor,
  organizationId: string,
  body: CatalogueRewardRequest,
  now = new Date(),
): Promise<CatalogueReward> {
  requireRole(actor, organizationId, CATALOGUE_KEEPERS, "The organization's staff keep its list.");
  const row: RewardCatalogueTable = {
    organization_id: organizationId,
    id: randomUUID(),
    name: body.name,
    description: body.description ?? "",
    points_cost: body.pointsCost,
    active: body.active === false ? 0 : 1,
    created_by: actor.userId,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await queries.insertCatalogueReward(db, row);
  return catalogueView(row);
}

/** Editing or retiring a reward changes the list, never a ledger line (each keeps its name). */
export async function updateCatalogueReward(
  db: Kysely<Database>,
  actor: Actor,
  organizationId: string,
  rewardId: string,
  body: CatalogueRewardRequest,
  now = new Date(),
): Promise<CatalogueReward> {
  requireRole(actor, organizationId, CATALOGUE_KEEPERS, "The organization's staff keep its list.");
  const values = {
    name: body.name,
    description: body.description ?? "",
    points_cost: body.pointsCost,
    active: body.active === false ? 0 : 1,
    updated_at: now.toISOString(),
  };
  if (!(await queries.updateCatalogueReward(db, organizationId, rewardId, values))) {
    throw notFound("That reward");
  }
  const [row] = (await queries.catalogueOf(db, [organizationId])).filter((r) => r.id === rewardId);
  if (!row) throw notFound("That reward");
  return catalogueView(row);
}

function requireRole(actor: Actor, organizationId: string, roles: readonly Role[], why: string) {
  if (!organizationsWhere(actor, roles).includes(organizationId)) {
    throw forbidden(why);
  }
}

function catalogueView(row: RewardCatalogueTable): CatalogueReward {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    pointsCost: row.points_cost,
    active: row.active === 1,
  };
}
