import {
  afterFailure,
  afterRefusal,
  afterSent,
  discard,
  enqueue,
  nextToSend,
  type QueuedWrite,
  type Refusal,
  retryDelayMs,
  retryRefused,
  verdictOf,
  type WriteKind,
  waitingFor,
  wakeUp,
} from "./queue";
import { readQueue, recallSeen, rememberSeen, updateQueue, wipeDevice } from "./store";
import { setSyncState as setState, syncState } from "./sync-state";

/**
 * The sync loop: sends the queued writes one at a time, in order, whenever there is a chance
 * (app open, the network back, a backoff over, a new write), and tells the screens how it went.
 * One tab sends at a time (a Web Lock); the Idempotency-Key covers whatever slips through.
 */

export type Outcome =
  | { status: "sent"; answer: unknown }
  | { status: "queued" }
  | { status: "refused"; refusal: Refusal };

export interface NewWrite {
  kind: WriteKind;
  method: "POST" | "PUT";
  path: string;
  body: Record<string, unknown>;
  cravingRef?: string;
}

const SEND_TIMEOUT_MS = 20_000;
/**
 * How long a screen waits for the server before it says "saved on this phone" instead. With
 * no network the send fails at once, so this is only ever waited out on a slow line.
 */
const SCREEN_WAIT_MS = 10_000;

const screenWaiters = new Map<string, (outcome: Outcome) => void>();
let isDraining = false;
let drainAgain = false;
let timer: ReturnType<typeof setTimeout> | undefined;

function publish(queue: QueuedWrite[]) {
  const { memberId } = syncState();
  const mine = memberId ? waitingFor(queue, memberId) : [];
  const pending = mine.filter((write) => write.refusal === null);
  const waiting = pending.length;
  const allSent = syncState().waiting > 0 && waiting === 0 && mine.length === 0;
  setState({
    waiting,
    pending,
    refused: mine.filter((write) => write.refusal !== null),
    ...(allSent && { allSentAt: Date.now() }),
  });
}

/** Starts sending the signed-in member's queue; called once the person is known. */
export function startSync(memberId: string): () => void {
  setState({ memberId, needsSignIn: false, allSentAt: null });
  const wake = () => void updateQueue(wakeUp).then(drain, () => undefined);
  const onVisible = () => document.visibilityState === "visible" && wake();
  window.addEventListener("online", wake);
  document.addEventListener("visibilitychange", onVisible);
  wake();
  return () => {
    window.removeEventListener("online", wake);
    document.removeEventListener("visibilitychange", onVisible);
    clearTimeout(timer);
    setState({ memberId: null, waiting: 0, pending: [], refused: [] });
  };
}

/**
 * Keeps a write on the phone first (durable before anything is sent), then tries to send it.
 * Resolves "sent" with the server's answer when it lands within a few seconds, "queued" when
 * it will be sent later, "refused" when the server said no while the person is still on the
 * form (it is then taken off the queue: the form shows the reason and keeps what they typed).
 */
export async function queueWrite(input: NewWrite, id: string = newClientId()): Promise<Outcome> {
  const memberId = syncState().memberId;
  if (!memberId) throw new Error("queueWrite before startSync");
  const write: QueuedWrite = {
    id,
    memberId,
    madeAt: new Date().toISOString(),
    attempts: 0,
    notBefore: 0,
    refusal: null,
    ...input,
  };
  const outcome = new Promise<Outcome>((resolve) => {
    screenWaiters.set(id, resolve);
    setTimeout(() => settle(id, { status: "queued" }), SCREEN_WAIT_MS);
  });
  publish(await updateQueue((queue) => enqueue(queue, write)));
  void drain();
  return outcome;
}

function settle(id: string, outcome: Outcome) {
  const resolve = screenWaiters.get(id);
  screenWaiters.delete(id);
  resolve?.(outcome);
}

export async function retryWrite(id: string): Promise<void> {
  publish(await updateQueue((queue) => retryRefused(queue, id)));
  void drain();
}

export async function discardWrite(id: string): Promise<void> {
  publish(await updateQueue((queue) => discard(queue, id)));
  void drain();
}

/** Sign-out: the queue and every last-seen answer leave the device. */
export async function clearDevice(): Promise<void> {
  clearTimeout(timer);
  // No member from here on: a view that loads after this point keeps nothing (last-seen.tsx).
  setState({ memberId: null, waiting: 0, pending: [], refused: [], allSentAt: null });
  await wipeDevice();
}

async function drain(): Promise<void> {
  if (isDraining) {
    drainAgain = true;
    return;
  }
  isDraining = true;
  try {
    await oneSenderAtATime(sendAll);
  } catch {
    // IndexedDB unavailable or failing: nothing can be sent now; the next chance tries again.
  } finally {
    isDraining = false;
    if (drainAgain) {
      drainAgain = false;
      void drain();
    }
  }
}

function oneSenderAtATime(work: () => Promise<void>): Promise<void> {
  if (!("locks" in navigator)) return work();
  return navigator.locks.request("waymark-offline-sync", work);
}

async function sendAll(): Promise<void> {
  for (;;) {
    const memberId = syncState().memberId;
    if (!memberId || syncState().needsSignIn) return;
    const queue = await readQueue();
    publish(queue);
    const next = nextToSend(queue, memberId, Date.now());
    if (!next) return;
    if ("waitMs" in next) {
      clearTimeout(timer);
      timer = setTimeout(() => void drain(), next.waitMs);
      return;
    }
    const { write } = next;
    const answer = await send(write);
    const verdict = verdictOf(answer.status);
    if (verdict === "sent") {
      if (write.kind === "craving") await rememberLanded(write.id, answer.body);
      publish(await updateQueue((current) => afterSent(current, write.id, answer.body)));
      settle(write.id, { status: "sent", answer: answer.body });
    } else if (verdict === "refused") {
      const refusal = refusalOf(answer);
      const isOnForm = screenWaiters.has(write.id);
      publish(
        await updateQueue((current) =>
          isOnForm ? discard(current, write.id) : afterRefusal(current, write.id, refusal),
        ),
      );
      settle(write.id, { status: "refused", refusal });
    } else {
      settle(write.id, { status: "queued" });
      const delay = retryDelayMs(write.attempts + 1, answer.retryAfterSeconds);
      publish(await updateQueue((current) => afterFailure(current, write.id, Date.now(), delay)));
      if (verdict === "signedOut") {
        // The session ended: the queue waits for the same person to sign in again.
        setState({ needsSignIn: true });
        return;
      }
    }
  }
}

/**
 * A screen may still hold a craving's client id (the tool screen's address) after the craving
 * landed; the server's id for it is kept on the device until sign-out, so a tool used later
 * still names the right craving.
 */
async function rememberLanded(clientId: string, answer: unknown): Promise<void> {
  if (typeof answer !== "object" || answer === null || !("id" in answer)) return;
  await rememberSeen(`landed:${clientId}`, String(answer.id)).catch(() => undefined);
}

/** How a coping tool use names its craving: the server's id, or the queued craving's. */
export async function cravingLink(
  cravingId: string,
): Promise<{ cravingId: string; cravingRef?: string }> {
  const queued = (await readQueue()).find(
    (write) => write.id === cravingId && write.kind === "craving",
  );
  if (queued) return { cravingId, cravingRef: cravingId };
  const landed = await recallSeen<string>(`landed:${cravingId}`).catch(() => null);
  return { cravingId: landed?.value ?? cravingId };
}

interface Answer {
  status: number;
  body: unknown;
  retryAfterSeconds?: number;
}

/** One attempt; status 0 when the network failed or took too long. */
async function send(write: QueuedWrite): Promise<Answer> {
  try {
    const response = await fetch(`/api${write.path}`, {
      method: write.method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        "content-type": "application/json",
        "idempotency-key": write.id,
      },
      body: JSON.stringify(write.body),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const body: unknown = await response.json().catch(() => undefined);
    const retryAfter = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
    return {
      status: response.status,
      body,
      ...(Number.isFinite(retryAfter) && { retryAfterSeconds: retryAfter }),
    };
  } catch {
    return { status: 0, body: undefined };
  }
}

function refusalOf(answer: Answer): Refusal {
  const error =
    typeof answer.body === "object" && answer.body !== null && "error" in answer.body
      ? (answer.body.error as { code?: unknown; message?: unknown; field?: unknown })
      : {};
  return {
    status: answer.status,
    code: typeof error.code === "string" ? error.code : "http_error",
    message: typeof error.message === "string" ? error.message : "",
    ...(typeof error.field === "string" && { field: error.field }),
  };
}

/** A random v4 UUID; also used where the page is on plain HTTP (no crypto.randomUUID). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
