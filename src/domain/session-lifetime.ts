import { isStaffRole, type Role } from "./roles";

/**
 * How long a session lives. Members and supporters use their own phone and should not be
 * asked to sign in every day; clinicians and admins work on shared machines with many
 * people's data, so their sessions end after 30 idle minutes and 12 hours at most.
 */
export interface SessionLifetime {
  idleSeconds: number;
  absoluteSeconds: number;
}

const DAY = 24 * 60 * 60;

export const PERSONAL_SESSION: SessionLifetime = {
  idleSeconds: 30 * DAY,
  absoluteSeconds: 180 * DAY,
};
export const STAFF_SESSION: SessionLifetime = {
  idleSeconds: 30 * 60,
  absoluteSeconds: 12 * 60 * 60,
};

export function sessionLifetimeFor(roles: readonly Role[]): SessionLifetime {
  return roles.some(isStaffRole) ? STAFF_SESSION : PERSONAL_SESSION;
}

/** The moment a session ends: the earlier of its idle and its absolute limit. */
export function sessionExpiresAt(
  lastSeenAt: Date,
  idleSeconds: number,
  absoluteExpiresAt: Date,
): Date {
  const idleEnd = new Date(lastSeenAt.getTime() + idleSeconds * 1000);
  return idleEnd < absoluteExpiresAt ? idleEnd : absoluteExpiresAt;
}
