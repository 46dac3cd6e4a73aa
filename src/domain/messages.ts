/**
 * Messages between a member and one person they share "messages" with: the limits both sides
 * live by, and the small rules a screen and the server must agree on. Pure.
 */

/** Long enough for a real message, short enough that a thread stays a conversation. */
export const MESSAGE_MAX_LENGTH = 2000;

/**
 * Each person may send this many messages per window, across all their threads: plenty for a
 * conversation in a hard moment, too few to flood anyone. Counted in the database so every
 * server process shares the one limit.
 */
export const MESSAGE_RATE_LIMIT = { max: 30, windowMs: 10 * 60_000 } as const;

/** How often an open thread or list asks for news (no push channel to the open page). */
export const MESSAGE_POLL_MS = 20_000;

/** The start of the fixed window `now` falls in, as an ISO instant. */
export function sendWindowStart(now: Date, windowMs = MESSAGE_RATE_LIMIT.windowMs): string {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
}

/** Seconds until the window `now` falls in ends: the Retry-After of a refused send. */
export function secondsUntilNextWindow(now: Date, windowMs = MESSAGE_RATE_LIMIT.windowMs): number {
  const next = (Math.floor(now.getTime() / windowMs) + 1) * windowMs;
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

/** Messages from the other side numbered after what this side has read. */
export function unreadCount(
  messages: readonly { seq: number; fromMe: boolean }[],
  readThroughSeq: number,
): number {
  return messages.filter((message) => !message.fromMe && message.seq > readThroughSeq).length;
}
