import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { enqueue, type QueuedWrite } from "./queue";
import { readQueue, recallSeen, rememberSeen, updateQueue, wipeDevice } from "./store";

let counter = 0;
function write(overrides: Partial<QueuedWrite> = {}): QueuedWrite {
  counter += 1;
  return {
    id: `write-${counter}`,
    memberId: "member-1",
    kind: "craving",
    method: "POST",
    path: "/members/member-1/cravings",
    body: { intensity: counter % 11 },
    madeAt: new Date(0).toISOString(),
    attempts: 0,
    notBefore: 0,
    refusal: null,
    ...overrides,
  };
}

describe("the queue on the device (IndexedDB)", () => {
  beforeEach(() => wipeDevice());

  it("keeps writes in the order they were made, across changes", async () => {
    const [a, b, c] = [write(), write(), write()];
    for (const each of [a, b, c]) await updateQueue((queue) => enqueue(queue, each));
    // A change to the oldest keeps its place in line.
    await updateQueue((queue) => queue.map((each) => ({ ...each, attempts: 1 })));
    expect((await readQueue()).map((each) => each.id)).toEqual([a.id, b.id, c.id]);
    await updateQueue((queue) => queue.filter((each) => each.id !== b.id));
    const d = write();
    await updateQueue((queue) => enqueue(queue, d));
    expect((await readQueue()).map((each) => [each.id, each.attempts])).toEqual([
      [a.id, 1],
      [c.id, 1],
      [d.id, 0],
    ]);
  });

  it("loses no write when changes race", async () => {
    const writes = Array.from({ length: 20 }, () => write());
    await Promise.all(writes.map((each) => updateQueue((queue) => enqueue(queue, each))));
    expect((await readQueue()).map((each) => each.id).sort()).toEqual(
      writes.map((each) => each.id).sort(),
    );
  });

  it("forgets everything at sign-out", async () => {
    await updateQueue((queue) => enqueue(queue, write()));
    await rememberSeen("member-1:checkin:2026-12-05", { mood: 6 }, new Date(1_000));
    expect(await recallSeen("member-1:checkin:2026-12-05")).toEqual({
      value: { mood: 6 },
      seenAt: new Date(1_000).toISOString(),
    });
    await wipeDevice();
    expect(await readQueue()).toEqual([]);
    expect(await recallSeen("member-1:checkin:2026-12-05")).toBeNull();
  });
});
