// The crisis screen's lines (public: someone in crisis may not be signed in), an organization
// admin's own lines for its region, and where the member keeps their naloxone.
import type { Kysely } from "kysely";
import type { Locale } from "../../../domain/api/auth";
import type { Naloxone } from "../../../domain/api/support";
import { type CrisisResource, crisisResourcesFor } from "../../../domain/crisis-resources";
import { localDayOf } from "../../../domain/local-day";
import { naloxoneExpiry } from "../../../domain/naloxone";
import type { Database } from "../../db/schema";
import type { NaloxoneKitTable } from "../../db/tables/support";
import { AppError, notFound } from "../../errors";
import { findDefaultOrganizationId } from "../../organizations";
import { assertAdminOf } from "../../security/organization-roles";
import { authorize } from "../../security/policy";
import type { Actor } from "../../security/session";
import { CONTACTS_CATEGORY } from "./access";
import * as queries from "./queries";

/**
 * The lines for a locale and region: the signed-in person's organization's own lines when it
 * has set them for the region, else the instance's default organization's, else the defaults.
 */
export async function getCrisisResources(
  db: Kysely<Database>,
  actor: Actor | null,
  locale: Locale,
  region: string,
) {
  const organizationId =
    actor?.memberships[0]?.organizationId ?? (await findDefaultOrganizationId(db));
  const override = organizationId
    ? await queries.findCrisisOverride(db, organizationId, region)
    : undefined;
  if (override) {
    const resources = JSON.parse(override.resources) as CrisisResource[];
    return { locale, region, source: "organization" as const, resources };
  }
  return {
    locale,
    region,
    source: "default" as const,
    resources: crisisResourcesFor(locale, region),
  };
}

export async function setCrisisResources(
  db: Kysely<Database>,
  actor: Actor,
  organizationId: string,
  region: string,
  resources: CrisisResource[],
  now = new Date(),
) {
  assertAdminOf(
    actor,
    organizationId,
    "Only an admin of this organization can set its crisis lines.",
  );
  const ids = new Set(resources.map((resource) => resource.id));
  if (ids.size !== resources.length) {
    throw new AppError("duplicate_id", 400, "Each line needs its own id.", "resources");
  }
  await queries.upsertCrisisOverride(db, {
    organization_id: organizationId,
    region,
    resources: JSON.stringify(resources),
    updated_by: actor.userId,
    updated_at: now.toISOString(),
  });
  return { locale: "en", region, source: "organization" as const, resources };
}

export async function getNaloxone(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
): Promise<{ naloxone: Naloxone | null }> {
  await authorize(db, actor, memberId, CONTACTS_CATEGORY, "read", "naloxone", now);
  const row = await queries.findNaloxone(db, memberId);
  // Not said yet is an ordinary state, not a missing resource.
  if (!row) return { naloxone: null };
  return { naloxone: naloxoneFromRow(row, await todayOf(db, memberId, now)) };
}

export async function setNaloxone(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: { location: string; expiresOn: string | null },
  now = new Date(),
): Promise<Naloxone> {
  await authorize(db, actor, memberId, CONTACTS_CATEGORY, "write", "naloxone", now);
  const row: NaloxoneKitTable = {
    member_id: memberId,
    location: body.location,
    expires_on: body.expiresOn,
    updated_at: now.toISOString(),
  };
  await queries.upsertNaloxone(db, row);
  return naloxoneFromRow(row, await todayOf(db, memberId, now));
}

async function todayOf(db: Kysely<Database>, memberId: string, now: Date) {
  const member = await queries.findMember(db, memberId);
  if (!member) throw notFound("That person");
  return localDayOf(now, member.time_zone);
}

function naloxoneFromRow(row: NaloxoneKitTable, today: string): Naloxone {
  return {
    location: row.location,
    expiresOn: row.expires_on,
    expiry: row.expires_on ? naloxoneExpiry(today, row.expires_on) : null,
    updatedAt: row.updated_at,
  };
}
