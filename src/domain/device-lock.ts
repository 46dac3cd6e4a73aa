/**
 * The rules of the app lock and quick exit on a shared phone (issue #19, part 2): when the app
 * locks, how many wrong PINs are allowed, what a PIN looks like, how it is hashed, and when
 * Escape presses add up to a quick exit. Pure: the browser code in src/web/lock applies them.
 */

/** Idle times a member can choose, in minutes; the first is the default and the shortest. */
export const IDLE_CHOICES_MINUTES = [1, 5, 15] as const;
export type IdleMinutes = (typeof IDLE_CHOICES_MINUTES)[number];
export const DEFAULT_IDLE_MINUTES: IdleMinutes = 5;

/** After this many wrong PINs in a row the app signs out: guessing must cost a password. */
export const MAX_PIN_ATTEMPTS = 5;

/** 4 to 8 digits, as on a phone's own lock screen. */
export const PIN_PATTERN = /^\d{4,8}$/;

/**
 * PBKDF2-HMAC-SHA256 with 600,000 iterations and a 16-byte random salt: OWASP's Password
 * Storage Cheat Sheet figure for PBKDF2-SHA256 (ASVS 5.0 §11.4). A 4-digit PIN stays
 * guessable offline whatever the cost; the lock guards the screen, the password guards data.
 */
export const PIN_HASH = {
  algorithm: "PBKDF2",
  hash: "SHA-256",
  iterations: 600_000,
  saltBytes: 16,
  bits: 256,
} as const;

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

export function isIdleMinutes(value: unknown): value is IdleMinutes {
  return IDLE_CHOICES_MINUTES.some((choice) => choice === value);
}

/** Whether the app should be locked now, given the last time the person touched it. */
export function isIdleLongEnough(
  lastActiveAt: number,
  now: number,
  idleMinutes: IdleMinutes,
): boolean {
  return now - lastActiveAt >= idleMinutes * 60_000;
}

export type PinAttemptOutcome =
  | { kind: "try-again"; failedAttempts: number; attemptsLeft: number }
  | { kind: "sign-out" };

/** One more wrong PIN: either another try (and how many remain) or signing out. */
export function afterWrongPin(failedAttemptsBefore: number): PinAttemptOutcome {
  const failedAttempts = failedAttemptsBefore + 1;
  if (failedAttempts >= MAX_PIN_ATTEMPTS) return { kind: "sign-out" };
  return { kind: "try-again", failedAttempts, attemptsLeft: MAX_PIN_ATTEMPTS - failedAttempts };
}

/** Escape pressed this many times within the window leaves the app (a keyboard quick exit). */
export const QUICK_EXIT_PRESSES = 3;
export const QUICK_EXIT_WINDOW_MS = 1500;

/**
 * Keeps the recent Escape presses (those still inside the window, including `now`) and says
 * whether they now add up to a quick exit.
 */
export function addEscapePress(
  recentPresses: readonly number[],
  now: number,
): { presses: number[]; exit: boolean } {
  const presses = [...recentPresses, now].filter((at) => now - at < QUICK_EXIT_WINDOW_MS);
  return { presses, exit: presses.length >= QUICK_EXIT_PRESSES };
}
