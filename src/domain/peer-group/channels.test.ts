import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { postingWaitSeconds } from "./channels";

describe("posting pace", () => {
  const now = new Date("2026-12-05T12:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
  const rate = { max: 3, windowMs: 10 * 60_000 };

  it("lets a member post until the limit, then says how long to wait", () => {
    expect(postingWaitSeconds([minutesAgo(1), minutesAgo(2)], now, rate)).toBe(0);
    expect(postingWaitSeconds([minutesAgo(1), minutesAgo(2), minutesAgo(9)], now, rate)).toBe(60);
    expect(postingWaitSeconds([minutesAgo(1), minutesAgo(2), minutesAgo(11)], now, rate)).toBe(0);
  });

  it("never asks for a wait longer than the window, nor none when at the limit", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 * 60 }), { maxLength: 10 }), (ages) => {
        const instants = ages.map((s) => new Date(now.getTime() - s * 1000).toISOString());
        const wait = postingWaitSeconds(instants, now, rate);
        const inWindow = ages.filter((s) => s * 1000 < rate.windowMs).length;
        expect(wait > 0).toBe(inWindow >= rate.max);
        expect(wait).toBeLessThanOrEqual(rate.windowMs / 1000);
      }),
    );
  });
});
