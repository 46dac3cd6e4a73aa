import { beforeEach, describe, expect, it } from "vitest";
import {
  asksAboutSelfHarm,
  clearDraft,
  isCrisisAnswer,
  loadDraft,
  type Questionnaire,
  saveDraft,
  unansweredRequired,
} from "./questionnaire";

const questionnaire: Questionnaire = {
  resourceType: "Questionnaire",
  id: "phq-9",
  url: "x",
  version: "1",
  name: "PHQ9",
  title: "PHQ-9",
  status: "active",
  language: "en",
  item: [
    { linkId: "intro", text: "Over the last 2 weeks", type: "display" },
    { linkId: "1", text: "Little interest", type: "choice", required: true },
    { linkId: "9", text: "Thoughts", type: "choice", required: true },
    { linkId: "10", text: "How difficult", type: "choice", required: false },
  ],
};

describe("questionnaire helpers", () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    globalThis.sessionStorage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    } as Storage;
  });

  it("opens the crisis screen only for PHQ-9 item 9 above zero", () => {
    expect(isCrisisAnswer("phq-9", "9", 1)).toBe(true);
    expect(isCrisisAnswer("phq-9", "9", 0)).toBe(false);
    expect(isCrisisAnswer("phq-9", "8", 3)).toBe(false);
    expect(isCrisisAnswer("gad-7", "9", 3)).toBe(false);
  });

  it("says answers are not watched in real time wherever PHQ-9 item 9 can be answered", () => {
    expect(asksAboutSelfHarm("phq-9")).toBe(true);
    expect(asksAboutSelfHarm("gad-7")).toBe(false);
    expect(asksAboutSelfHarm("bam")).toBe(false);
  });

  it("lists required questions left unanswered, never display items or optional ones", () => {
    expect(unansweredRequired(questionnaire, { "1": 2 })).toEqual(["9"]);
    expect(unansweredRequired(questionnaire, { "1": 2, "9": 0 })).toEqual([]);
  });

  it("keeps a draft of numbers and drops anything else", () => {
    saveDraft("phq-9", { "1": 2, "9": 1 });
    expect(loadDraft("phq-9")).toEqual({ "1": 2, "9": 1 });
    sessionStorage.setItem("waymark.assessment-draft.gad-7", '{"1":"x","2":3}');
    expect(loadDraft("gad-7")).toEqual({ "2": 3 });
    clearDraft("phq-9");
    expect(loadDraft("phq-9")).toEqual({});
  });
});
