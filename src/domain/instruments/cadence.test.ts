import { describe, expect, it } from "vitest";
import { assessmentsDue } from "./cadence";

const zone = "America/New_York";

describe("assessmentsDue", () => {
  it("suggests BAM and BARC-10 at once when never taken", () => {
    expect(assessmentsDue([], "2026-03-10", { timeZone: zone })).toEqual([
      { instrument: "bam", everyDays: 30, lastTakenOn: null, dueOn: "2026-03-10", due: true },
      { instrument: "barc-10", everyDays: 90, lastTakenOn: null, dueOn: "2026-03-10", due: true },
    ]);
  });

  it("counts from the member's local day of the latest one; due on the day the cadence ends", () => {
    // 01:30 UTC on 10 Feb is still 9 Feb in New York.
    const history = [
      { instrument: "bam", at: "2026-01-05T15:00:00Z" },
      { instrument: "bam", at: "2026-02-10T01:30:00Z" },
      { instrument: "barc-10", at: "2026-01-20T15:00:00Z" },
      { instrument: "phq-9", at: "2026-03-01T15:00:00Z" },
    ];
    const [bamDue, barcDue] = assessmentsDue(history, "2026-03-10", { timeZone: zone });
    expect(bamDue).toMatchObject({ lastTakenOn: "2026-02-09", dueOn: "2026-03-11", due: false });
    expect(barcDue).toMatchObject({ lastTakenOn: "2026-01-20", dueOn: "2026-04-20", due: false });
    expect(assessmentsDue(history, "2026-03-11", { timeZone: zone })[0]?.due).toBe(true);
  });

  it("takes a configured cadence", () => {
    const due = assessmentsDue([{ instrument: "bam", at: "2026-03-01T15:00:00Z" }], "2026-03-08", {
      timeZone: zone,
      cadenceDays: { bam: 7 },
    });
    expect(due).toEqual([
      {
        instrument: "bam",
        everyDays: 7,
        lastTakenOn: "2026-03-01",
        dueOn: "2026-03-08",
        due: true,
      },
    ]);
  });
});
