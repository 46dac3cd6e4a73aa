import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  afterFailure,
  afterRefusal,
  afterSent,
  discard,
  enqueue,
  nextToSend,
  type QueuedWrite,
  retryDelayMs,
  retryRefused,
  verdictOf,
  wakeUp,
} from "./queue";

const MEMBER = "member-1";
let counter = 0;
function write(overrides: Partial<QueuedWrite> = {}): QueuedWrite {
  counter += 1;
  return {
    id: `w${counter}`,
    memberId: MEMBER,
    kind: "craving",
    method: "POST",
    path: `/members/${MEMBER}/cravings`,
    body: { intensity: 5 },
    madeAt: "2026-12-05T10:00:00.000Z",
    attempts: 0,
    notBefore: 0,
    refusal: null,
    ...overrides,
  };
}
const refusal = { status: 400, code: "validation_error", message: "No." };
const nextId = (queue: QueuedWrite[], now = 0) => {
  const next = nextToSend(queue, MEMBER, now);
  return next && "write" in next ? next.write.id : next;
};

describe("the offline queue's order", () => {
  it("sends writes in the order they were made", () => {
    const [a, b, c] = [write(), write(), write()];
    let queue = [a, b, c].reduce<QueuedWrite[]>(enqueue, []);
    const sent: string[] = [];
    for (let next = nextToSend(queue, MEMBER, 0); next; next = nextToSend(queue, MEMBER, 0)) {
      if (!("write" in next)) throw new Error("unexpected wait");
      sent.push(next.write.id);
      queue = afterSent(queue, next.write.id, {});
    }
    expect(sent).toEqual([a.id, b.id, c.id]);
  });

  it("holds the whole queue while the oldest write waits out its backoff", () => {
    const [a, b] = [write(), write()];
    const queue = afterFailure([a, b], a.id, 1_000, 4_000);
    expect(nextToSend(queue, MEMBER, 2_000)).toEqual({ waitMs: 3_000 });
    expect(nextId(queue, 5_000)).toBe(a.id);
    expect(nextId(wakeUp(queue), 2_000)).toBe(a.id);
  });

  it("sets a refused write aside, but not the tool uses that refer to it", () => {
    const craving = write();
    const tool = write({ kind: "copingUse", cravingRef: craving.id, body: { tool: "breathing" } });
    const other = write();
    const queue = afterRefusal([craving, tool, other], craving.id, refusal);
    expect(nextId(queue)).toBe(other.id);
    expect(nextId(afterSent(queue, other.id, {}))).toBeNull();
    expect(nextId(retryRefused(queue, craving.id))).toBe(craving.id);
  });

  it("sends only the signed-in member's writes", () => {
    const mine = write();
    const theirs = write({ memberId: "member-2" });
    expect(nextId([theirs, mine])).toBe(mine.id);
  });

  it("lets a later save of a day's check-in replace an unsent earlier one", () => {
    const path = `/members/${MEMBER}/checkins/2026-12-05`;
    const first = write({ kind: "checkin", method: "PUT", path, body: { mood: 3 } });
    const craving = write();
    const second = write({ kind: "checkin", method: "PUT", path, body: { mood: 7 } });
    const otherDay = write({ kind: "checkin", method: "PUT", path: `${path.slice(0, -2)}04` });
    const queue = [first, craving, otherDay, second].reduce<QueuedWrite[]>(enqueue, []);
    expect(queue.map((each) => each.id)).toEqual([craving.id, otherDay.id, second.id]);
  });

  it("keeps any sequence of sends and failures in order, with nothing lost or doubled", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), (outcomes) => {
        const made = Array.from({ length: 10 }, () => write());
        let queue = made.reduce<QueuedWrite[]>(enqueue, []);
        const landed: string[] = [];
        let now = 0;
        for (const succeeds of outcomes) {
          const next = nextToSend(queue, MEMBER, now);
          if (!next) break;
          if (!("write" in next)) {
            now += next.waitMs;
            continue;
          }
          if (succeeds) {
            landed.push(next.write.id);
            queue = afterSent(queue, next.write.id, {});
          } else {
            queue = afterFailure(queue, next.write.id, now, 1_000);
          }
        }
        expect(landed).toEqual(made.slice(0, landed.length).map((each) => each.id));
        expect(queue.map((each) => each.id)).toEqual(made.slice(landed.length).map((w) => w.id));
      }),
    );
  });
});

describe("a coping tool used for a craving still on the phone", () => {
  it("names the server's id for the craving once the craving lands", () => {
    const craving = write();
    const tool = write({
      kind: "copingUse",
      cravingRef: craving.id,
      body: { tool: "breathing", cravingId: craving.id },
    });
    const queue = afterSent([craving, tool], craving.id, { id: "server-craving-9" });
    expect(queue).toHaveLength(1);
    expect(queue[0]?.body).toEqual({ tool: "breathing", cravingId: "server-craving-9" });
    expect(queue[0]?.cravingRef).toBeUndefined();
  });

  it("still counts the tool use when the craving is discarded", () => {
    const craving = write();
    const tool = write({
      kind: "copingUse",
      cravingRef: craving.id,
      body: { tool: "breathing", cravingId: craving.id, passed: true },
    });
    const queue = discard(afterRefusal([craving, tool], craving.id, refusal), craving.id);
    expect(queue.map((each) => each.body)).toEqual([{ tool: "breathing", passed: true }]);
    expect(nextId(queue)).toBe(tool.id);
  });
});

describe("what an answer means", () => {
  it("retries passing trouble and stops on a refusal", () => {
    expect(verdictOf(201)).toBe("sent");
    expect(verdictOf(200)).toBe("sent");
    for (const status of [0, 408, 429, 500, 502, 503]) expect(verdictOf(status)).toBe("retry");
    for (const status of [400, 403, 404, 409, 413, 422]) expect(verdictOf(status)).toBe("refused");
    expect(verdictOf(401)).toBe("signedOut");
  });

  it("backs off exponentially up to five minutes, never before Retry-After", () => {
    const top = () => 1;
    expect(retryDelayMs(1, undefined, top)).toBe(1_000);
    expect(retryDelayMs(2, undefined, top)).toBe(2_000);
    expect(retryDelayMs(4, undefined, top)).toBe(8_000);
    expect(retryDelayMs(30, undefined, top)).toBe(300_000);
    expect(retryDelayMs(3, undefined, () => 0.5)).toBe(2_000);
    expect(retryDelayMs(1, undefined, () => 0)).toBe(250);
    expect(retryDelayMs(1, 60, top)).toBe(60_000);
  });
});
