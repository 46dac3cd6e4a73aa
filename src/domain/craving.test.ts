import { describe, expect, it } from "vitest";
import { copingStatsOf } from "./craving";

describe("coping tool results", () => {
  it("lists every tool and counts the uses after which the craving passed", () => {
    const stats = copingStatsOf([
      { tool: "urge_surfing", passed: true },
      { tool: "urge_surfing", passed: true },
      { tool: "urge_surfing", passed: false },
      { tool: "urge_surfing", passed: null },
      { tool: "breathing", passed: true },
    ]);
    expect(stats).toHaveLength(6);
    expect(stats[0]).toEqual({ tool: "urge_surfing", uses: 4, passedCount: 2, notPassedCount: 1 });
    expect(stats.find((s) => s.tool === "call_someone")).toMatchObject({ uses: 0 });
  });
});
