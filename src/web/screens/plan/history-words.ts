import type { PlanEvent } from "../../../domain/api/plan";
import type { MessageKey, MessageParams } from "../../i18n/translate";

/**
 * Turns a plan history event into one plain sentence ("You marked 'Call the clinic' done").
 * Events only carry the fields that changed, so titles come from `titles`: the plan as it
 * is now, filled in with titles seen in the history itself.
 */
export interface Sentence {
  key: MessageKey;
  params: MessageParams;
}

export function titlesFrom(
  current: Iterable<[string, string]>,
  events: readonly PlanEvent[],
): Map<string, string> {
  const titles = new Map(current);
  // Oldest first, so the newest title the history knows wins for deleted items.
  for (const event of [...events].reverse()) {
    if (titles.has(event.entityId) && event.action !== "deleted") continue;
    const title = event.after?.title ?? event.before?.title;
    if (typeof title === "string") titles.set(event.entityId, title);
  }
  return titles;
}

/** Only the member writes their plan (server policy), so every sentence starts with "You". */
export function describeEvent(event: PlanEvent, titles: ReadonlyMap<string, string>): Sentence {
  const key = (name: string) => `planHistory.${name}` as MessageKey;
  const title = titles.get(event.entityId) ?? "";
  const after = event.after ?? {};
  const before = event.before ?? {};

  switch (event.entity) {
    case "intake":
      return { key: key(event.action === "created" ? "intake" : "intakeAgain"), params: {} };
    case "motivation": {
      const sections = Object.keys(after);
      const section = sections.length === 1 ? sections[0] : "several";
      return { key: key(`motivation.${section}`), params: {} };
    }
    case "goal":
    case "step": {
      const kind = event.entity;
      if (event.action === "created") return { key: key(`${kind}Added`), params: { title } };
      if (event.action === "deleted") return { key: key(`${kind}Removed`), params: { title } };
      const changed = Object.keys(after);
      if (typeof after.status === "string") {
        return { key: key(`${kind}Status.${after.status}`), params: { title } };
      }
      if (changed.length === 1) {
        const field = changed[0];
        if (field === "title") {
          return { key: key("renamed"), params: { from: String(before.title), title } };
        }
        if (field === "position") return { key: key("moved"), params: { title } };
        if (field === "dueDate" || field === "targetDate") {
          return typeof after[field] === "string"
            ? { key: key("dated"), params: { title, date: after[field] } }
            : { key: key("undated"), params: { title } };
        }
        if (field === "helper" && typeof after.helper === "string") {
          return { key: key("helper"), params: { title, name: after.helper } };
        }
        if (field === "note") return { key: key("note"), params: { title } };
      }
      return { key: key("edited"), params: { title } };
    }
  }
}

export type HistoryItem =
  | { kind: "event"; event: PlanEvent }
  /** The starter plan's suggestions, added together: one line instead of one per step. */
  | { kind: "suggestions"; seq: number; at: string; count: number };

function isSuggestion(event: PlanEvent): boolean {
  return (
    event.action === "created" &&
    (event.entity === "goal" || event.entity === "step") &&
    typeof event.after?.templateKey === "string"
  );
}

export function groupSuggestions(events: readonly PlanEvent[]): HistoryItem[] {
  const items: HistoryItem[] = [];
  for (const event of events) {
    const last = items.at(-1);
    if (isSuggestion(event)) {
      if (last?.kind === "suggestions" && last.at === event.at) {
        last.count += 1;
        continue;
      }
      items.push({ kind: "suggestions", seq: event.seq, at: event.at, count: 1 });
      continue;
    }
    items.push({ kind: "event", event });
  }
  return items;
}
