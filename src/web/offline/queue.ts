/**
 * The offline write queue's rules, pure so they are tested without a browser (queue.test.ts).
 * A queue is an array in the order the writes were made; store.ts persists it in IndexedDB and
 * sync.ts sends it. Each write carries a client-made id, which is also its Idempotency-Key, so
 * a write sent twice (an answer lost on a flaky line) lands once.
 */

/** The records a person makes day to day, which may be made with no signal. */
export type WriteKind = "checkin" | "craving" | "copingUse" | "use" | "dose" | "attendance";

export interface Refusal {
  status: number;
  code: string;
  message: string;
  field?: string;
}

export interface QueuedWrite {
  /** Client-made (a random UUID); sent as the Idempotency-Key. */
  id: string;
  memberId: string;
  kind: WriteKind;
  method: "POST" | "PUT";
  /** Under /api, e.g. /members/<id>/cravings. */
  path: string;
  body: Record<string, unknown>;
  /** When the person made it (ISO instant). */
  madeAt: string;
  attempts: number;
  /** Epoch ms before which the write is not tried again (backoff). */
  notBefore: number;
  /** Set when the server refused it: it waits for the person to retry or discard it. */
  refusal: Refusal | null;
  /**
   * A coping tool used for a craving that is itself still queued: the craving's client id.
   * When the craving lands, the server's id is written into `body.cravingId`.
   */
  cravingRef?: string;
}

/** What the server's answer means for a queued write. */
export type Verdict = "sent" | "retry" | "refused" | "signedOut";

/**
 * Network failures, timeouts, rate limits and server errors are passing trouble and retried;
 * a 401 waits for the person to sign in again; any other 4xx is a refusal the person must see.
 */
export function verdictOf(status: number): Verdict {
  if (status >= 200 && status < 300) return "sent";
  if (status === 0 || status === 408 || status === 429 || status >= 500) return "retry";
  if (status === 401) return "signedOut";
  return "refused";
}

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 5 * 60_000;
const SHORTEST_RETRY_MS = 250;

/**
 * Exponential backoff with full jitter (so many phones coming back online at once do not retry
 * in step; a flaky line is tried again soon), never sooner than the server's Retry-After.
 */
export function retryDelayMs(
  attempts: number,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
  return Math.max(SHORTEST_RETRY_MS, random() * ceiling, (retryAfterSeconds ?? 0) * 1000);
}

/** The member's writes that still wait to be sent (refused ones included). */
export function waitingFor(queue: readonly QueuedWrite[], memberId: string): QueuedWrite[] {
  return queue.filter((write) => write.memberId === memberId);
}

export type Next = { write: QueuedWrite } | { waitMs: number } | null;

/**
 * The next write to send: the oldest one not refused, in the order they were made (a later edit
 * of a day's check-in must land after the earlier one). A refused write is set aside so it does
 * not hold back the rest, except the writes that refer to it. Backoff holds the whole queue.
 */
export function nextToSend(queue: readonly QueuedWrite[], memberId: string, now: number): Next {
  const refused = new Set(queue.filter((write) => write.refusal !== null).map((write) => write.id));
  for (const write of waitingFor(queue, memberId)) {
    if (write.refusal !== null) continue;
    if (write.cravingRef && refused.has(write.cravingRef)) continue;
    if (write.notBefore > now) return { waitMs: write.notBefore - now };
    return { write };
  }
  return null;
}

/**
 * Adds a write at the end. A day's check-in is replaced whole by the next save of that day
 * (PUT), so an older unsent save of the same day is superseded rather than sent first.
 */
export function enqueue(queue: readonly QueuedWrite[], write: QueuedWrite): QueuedWrite[] {
  const superseded = (each: QueuedWrite) =>
    write.kind === "checkin" && each.kind === "checkin" && each.path === write.path;
  return [...queue.filter((each) => !superseded(each)), write];
}

/**
 * A write landed: it leaves the queue, and if it was a craving, the coping tools used for it
 * while it was queued now name the server's id for it.
 */
export function afterSent(
  queue: readonly QueuedWrite[],
  id: string,
  answer: unknown,
): QueuedWrite[] {
  const sent = queue.find((write) => write.id === id);
  const serverId =
    sent?.kind === "craving" && typeof answer === "object" && answer !== null && "id" in answer
      ? String(answer.id)
      : null;
  return queue
    .filter((write) => write.id !== id)
    .map((write) => (write.cravingRef === id ? linked(write, serverId) : write));
}

/** Without the craving (discarded, or its answer carried no id), the tool use still counts. */
function linked(write: QueuedWrite, cravingId: string | null): QueuedWrite {
  const { cravingRef: _done, ...rest } = write;
  const { cravingId: _local, ...body } = write.body;
  return { ...rest, body: cravingId ? { ...body, cravingId } : body };
}

/** Passing trouble: try again after a while. */
export function afterFailure(
  queue: readonly QueuedWrite[],
  id: string,
  now: number,
  delayMs: number,
): QueuedWrite[] {
  return queue.map((write) =>
    write.id === id ? { ...write, attempts: write.attempts + 1, notBefore: now + delayMs } : write,
  );
}

export function afterRefusal(
  queue: readonly QueuedWrite[],
  id: string,
  refusal: Refusal,
): QueuedWrite[] {
  return queue.map((write) => (write.id === id ? { ...write, refusal } : write));
}

/** The person asked to try a refused write again: it goes back in line, in its old place. */
export function retryRefused(queue: readonly QueuedWrite[], id: string): QueuedWrite[] {
  return queue.map((write) =>
    write.id === id ? { ...write, refusal: null, attempts: 0, notBefore: 0 } : write,
  );
}

/** The person chose to let a write go (only ever on their word, or after an edit replaced it). */
export function discard(queue: readonly QueuedWrite[], id: string): QueuedWrite[] {
  return queue
    .filter((write) => write.id !== id)
    .map((write) => (write.cravingRef === id ? linked(write, null) : write));
}

/** The network came back or the app opened: waiting out a backoff is no longer needed. */
export function wakeUp(queue: readonly QueuedWrite[]): QueuedWrite[] {
  return queue.map((write) => (write.notBefore > 0 ? { ...write, notBefore: 0 } : write));
}
