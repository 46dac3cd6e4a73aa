import { beforeAll, describe, expect, it } from "vitest";
import { everyWord } from "../../../../test/support/words";
import type { PlanEvent } from "../../../domain/api/plan";
import { describeEvent, groupSuggestions, titlesFrom } from "./history-words";

const base = { at: "2026-03-01T10:00:00.000Z", actorId: "me", before: null, after: null };
const event = (seq: number, change: Partial<PlanEvent>): PlanEvent =>
  ({ ...base, seq, entity: "step", entityId: "s1", action: "updated", ...change }) as PlanEvent;

let en: Record<string, string>;
let es: Record<string, string>;
beforeAll(async () => {
  [en, es] = await Promise.all([everyWord("en"), everyWord("es")]);
});

describe("plan history in plain words", () => {
  const events = [
    event(3, { action: "deleted", before: { title: "Call the clinic", status: "done" } }),
    event(2, { before: { status: "todo" }, after: { status: "done" } }),
    event(1, { action: "created", after: { title: "Call the clinic", status: "todo" } }),
  ];
  const titles = titlesFrom([], events);

  it("names the step even when the event only holds its status", () => {
    const sentence = describeEvent(events[1] as PlanEvent, titles);
    expect(sentence).toEqual({
      key: "planHistory.stepStatus.done",
      params: { title: "Call the clinic" },
    });
    expect(en[sentence.key]).toBe("You marked “{title}” done");
  });

  it("has words for every event it can describe, in every language", () => {
    const shapes: Partial<PlanEvent>[] = [
      { entity: "intake", action: "created" },
      { entity: "intake", action: "updated" },
      { entity: "motivation", after: { reasons: [] } },
      { entity: "motivation", after: { motivators: [] } },
      { entity: "motivation", after: { lettingGo: [] } },
      { entity: "motivation", after: { decisionalBalance: {} } },
      { entity: "motivation", after: { reasons: [], lettingGo: [] } },
      ...(["goal", "step"] as const).flatMap((entity) => [
        { entity, action: "created" as const, after: { title: "x" } },
        { entity, action: "deleted" as const, before: { title: "x" } },
        { entity, after: { title: "y" }, before: { title: "x" } },
        { entity, after: { position: 1 } },
        { entity, after: { note: "n" } },
        { entity, after: { helper: "Ana" } },
        { entity, after: { dueDate: "2026-03-02" } },
        { entity, after: { dueDate: null } },
        { entity, after: { title: "y", note: "z" } },
      ]),
      ...["todo", "doing", "done", "dropped"].map((status) => ({
        entity: "step" as const,
        after: { status },
      })),
      ...["active", "done", "dropped"].map((status) => ({
        entity: "goal" as const,
        after: { status },
      })),
    ];
    for (const shape of shapes) {
      const { key } = describeEvent(event(9, shape), titles);
      expect(en[key], key).toBeTruthy();
      expect(es[key], key).toBeTruthy();
    }
  });

  it("puts the starter plan's suggestions on one line", () => {
    const at = "2026-03-01T09:00:00.000Z";
    const suggested = (seq: number, entity: "goal" | "step") =>
      event(seq, { at, entity, action: "created", after: { title: "x", templateKey: "plan.k" } });
    const items = groupSuggestions([
      event(5, { after: { status: "done" } }),
      suggested(4, "step"),
      suggested(3, "step"),
      suggested(2, "goal"),
      event(1, { at, entity: "intake", action: "created" }),
    ]);
    expect(items.map((item) => item.kind)).toEqual(["event", "suggestions", "event"]);
    expect(items[1]).toMatchObject({ kind: "suggestions", count: 3, seq: 4 });
  });
});
