import { describe, expect, it } from "vitest";
import { beforeValues, reorder } from "./plan-changes";

describe("beforeValues", () => {
  it("keeps only the fields a change would alter, as they are now", () => {
    const step = { title: "Call the clinic", status: "todo", dueDate: null, note: "" };
    expect(beforeValues(step, { status: "done", title: "Call the clinic" })).toEqual({
      status: "todo",
    });
    expect(beforeValues(step, { dueDate: "2026-03-01" })).toEqual({ dueDate: null });
    expect(beforeValues(step, { title: "Call the clinic" })).toBeNull();
  });
});

describe("reorder", () => {
  const items = [
    { id: "a", position: 0 },
    { id: "b", position: 0 },
    { id: "c", position: 5 },
  ];

  it("renumbers the list and writes only what changed, and undoes it", async () => {
    const writes: [string, number][] = [];
    const save = async (id: string, position: number) => {
      writes.push([id, position]);
    };
    const undo = await reorder(items, "c", -1, save);
    expect(writes).toEqual([
      ["c", 1],
      ["b", 2],
    ]);
    writes.length = 0;
    await undo?.();
    expect(writes).toEqual([
      ["c", 5],
      ["b", 0],
    ]);
  });

  it("does nothing past either end", async () => {
    const save = async () => {
      throw new Error("should not save");
    };
    expect(await reorder(items, "a", -1, save)).toBeNull();
    expect(await reorder(items, "c", 1, save)).toBeNull();
  });
});
