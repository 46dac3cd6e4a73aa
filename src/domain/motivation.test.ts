import { describe, expect, it } from "vitest";
import { applyMotivationUpdate, EMPTY_MOTIVATION, motivationUpdateSchema } from "./motivation";

describe("updating motivation", () => {
  it("replaces only the sections named, and only the balance lists named", () => {
    const current = applyMotivationUpdate(EMPTY_MOTIVATION, {
      reasons: ["My daughter"],
      decisionalBalance: { notSoGoodAboutUsing: ["Missing work"] },
    });
    const next = applyMotivationUpdate(current, {
      motivators: [{ kind: "work", text: "Keep my job" }],
      decisionalBalance: { goodThingsAboutChanging: ["More money"] },
    });
    expect(next.reasons).toEqual(["My daughter"]);
    expect(next.motivators).toEqual([{ kind: "work", text: "Keep my job" }]);
    expect(next.decisionalBalance).toEqual({
      goodThingsAboutUsing: [],
      notSoGoodAboutUsing: ["Missing work"],
      goodThingsAboutChanging: ["More money"],
      notSoGoodAboutChanging: [],
    });
  });

  it("refuses unknown kinds and empty entries", () => {
    expect(
      motivationUpdateSchema.safeParse({ motivators: [{ kind: "money", text: "" }] }).success,
    ).toBe(false);
    expect(motivationUpdateSchema.safeParse({ reasons: ["  "] }).success).toBe(false);
    expect(
      motivationUpdateSchema.safeParse({ lettingGo: [{ kind: "places", text: "The corner" }] })
        .success,
    ).toBe(true);
  });
});
