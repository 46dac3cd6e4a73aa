/**
 * How long an account must wait after consecutive failed sign-ins (NIST SP 800-63B-4:
 * limit consecutive failures to at most 100). A few typos cost nothing; after that the wait
 * doubles up to fifteen minutes, and at the hard limit the account stays locked until an
 * admin or a password reset clears it.
 */
export const FREE_FAILURES = 5;
export const MAX_WAIT_SECONDS = 15 * 60;
export const LOCK_AFTER_FAILURES = 100;

export type ThrottleDecision =
  | { kind: "allowed" }
  | { kind: "wait"; retryAfterSeconds: number }
  | { kind: "locked" };

export function signInThrottle(
  consecutiveFailures: number,
  lastFailureAt: Date | null,
  now: Date,
): ThrottleDecision {
  if (consecutiveFailures >= LOCK_AFTER_FAILURES) return { kind: "locked" };
  if (consecutiveFailures < FREE_FAILURES || lastFailureAt === null) return { kind: "allowed" };
  const waitSeconds = Math.min(2 ** (consecutiveFailures - FREE_FAILURES), MAX_WAIT_SECONDS);
  const elapsedSeconds = (now.getTime() - lastFailureAt.getTime()) / 1000;
  const remaining = Math.ceil(waitSeconds - elapsedSeconds);
  return remaining > 0 ? { kind: "wait", retryAfterSeconds: remaining } : { kind: "allowed" };
}
