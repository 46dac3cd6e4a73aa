import { describe, expect, it } from "vitest";
import { classifyDay, monthDays, monthWeeks, shiftMonth } from "./calendar";

describe("the progress calendar", () => {
  it("moves between months across years", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2025-12", 1)).toBe("2026-01");
    expect(shiftMonth("2026-03", -14)).toBe("2025-01");
  });

  it("knows leap February", () => {
    expect(monthDays("2028-02")).toHaveLength(29);
    expect(monthDays("2026-02")).toHaveLength(28);
  });

  it("lays a month out in weeks that start on Sunday or Monday", () => {
    // 1 March 2026 is a Sunday.
    const sunday = monthWeeks("2026-03", 0);
    expect(sunday[0]?.[0]).toBe("2026-03-01");
    const monday = monthWeeks("2026-03", 1);
    expect(monday[0]?.slice(0, 7)).toEqual([null, null, null, null, null, null, "2026-03-01"]);
    for (const week of [...sunday, ...monday]) expect(week).toHaveLength(7);
    expect(monday.flat().filter(Boolean)).toHaveLength(31);
  });

  it("counts a day the way progress does: silence is a day without use", () => {
    const context = {
      today: "2026-03-10",
      recoveryStart: "2026-03-02",
      checkinDays: new Map([
        ["2026-03-03", { used: false }],
        ["2026-03-04", { used: true }],
      ]),
      useDays: new Set(["2026-03-06"]),
    };
    expect(classifyDay("2026-03-01", context).kind).toBe("outside");
    expect(classifyDay("2026-03-02", context)).toMatchObject({
      kind: "withoutUse",
      checkedIn: false,
    });
    expect(classifyDay("2026-03-03", context)).toMatchObject({
      kind: "withoutUse",
      checkedIn: true,
    });
    expect(classifyDay("2026-03-04", context)).toMatchObject({ kind: "withUse", checkedIn: true });
    expect(classifyDay("2026-03-06", context).kind).toBe("withUse");
    expect(classifyDay("2026-03-10", context).isToday).toBe(true);
    expect(classifyDay("2026-03-11", context).kind).toBe("outside");
  });
});
