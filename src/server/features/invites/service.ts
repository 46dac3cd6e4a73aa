// Invitations: how clinicians, supporters and further admins join an organization.
// Single-use links that expire; only an admin of the organization can make them.
import type { Kysely } from "kysely";
import type { AcceptInviteBody, CreateInviteBody, Invite } from "../../../domain/api/auth";
import type { Role } from "../../../domain/roles";
import type { Database } from "../../db/schema";
import { AppError } from "../../errors";
import { adminOrganization } from "../../security/organization-roles";
import type { Actor } from "../../security/session";
import { hashToken, newSecretToken } from "../../security/tokens";
import {
  assertAcceptablePassword,
  createAccount,
  type NewSession,
  normalizeEmail,
  startSession,
} from "../auth/service";
import * as queries from "./queries";

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export async function createInvite(
  db: Kysely<Database>,
  actor: Actor,
  body: CreateInviteBody,
  baseUrl: string,
  now = new Date(),
): Promise<Invite> {
  const organizationId = adminOrganization(
    actor,
    body.organizationId,
    "Only an admin of this organization can invite people.",
  );
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  await queries.insertInvite(db, {
    tokenHash: hashToken(token),
    organizationId,
    role: body.role,
    email: body.email ? normalizeEmail(body.email) : null,
    createdBy: actor.userId,
    createdAt: now,
    expiresAt,
  });
  return { token, url: `${baseUrl}/invite/${token}`, expiresAt: expiresAt.toISOString() };
}

export async function acceptInvite(
  db: Kysely<Database>,
  body: AcceptInviteBody,
  userAgent: string | null,
  now = new Date(),
): Promise<NewSession> {
  const tokenHash = hashToken(body.token);
  const invite = await queries.findInvite(db, tokenHash);
  if (!invite || invite.used_at !== null || new Date(invite.expires_at) <= now) {
    throw new AppError(
      "invite_invalid",
      410,
      "This invitation has expired or was already used. Ask for a new one.",
    );
  }
  if (invite.email !== null && invite.email !== normalizeEmail(body.email)) {
    throw new AppError(
      "invite_invalid",
      410,
      "This invitation was made for another email.",
      "email",
    );
  }
  assertAcceptablePassword(body.password, body);
  const userId = await createAccount(db, invite.organization_id, invite.role as Role, body, now);
  if (!(await queries.markInviteUsed(db, tokenHash, userId, now))) {
    throw new AppError("invite_invalid", 410, "This invitation was already used.");
  }
  return startSession(db, userId, userAgent, now);
}
