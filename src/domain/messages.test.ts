import { describe, expect, it } from "vitest";
import { secondsUntilNextWindow, sendWindowStart, unreadCount } from "./messages";

describe("message limits", () => {
  it("puts instants of one 10-minute window in the same window", () => {
    expect(sendWindowStart(new Date("2026-12-05T18:00:00Z"))).toBe("2026-12-05T18:00:00.000Z");
    expect(sendWindowStart(new Date("2026-12-05T18:09:59.999Z"))).toBe("2026-12-05T18:00:00.000Z");
    expect(sendWindowStart(new Date("2026-12-05T18:10:00Z"))).toBe("2026-12-05T18:10:00.000Z");
  });

  it("says how long until the next window, never zero", () => {
    expect(secondsUntilNextWindow(new Date("2026-12-05T18:09:00Z"))).toBe(60);
    expect(secondsUntilNextWindow(new Date("2026-12-05T18:09:59.999Z"))).toBe(1);
    expect(secondsUntilNextWindow(new Date("2026-12-05T18:00:00Z"))).toBe(600);
  });

  it("counts only the other side's messages after what was read", () => {
    const thread = [
      { seq: 1, fromMe: false },
      { seq: 2, fromMe: true },
      { seq: 3, fromMe: false },
      { seq: 4, fromMe: false },
    ];
    expect(unreadCount(thread, 0)).toBe(3);
    expect(unreadCount(thread, 3)).toBe(1);
    expect(unreadCount(thread, 4)).toBe(0);
  });
});
