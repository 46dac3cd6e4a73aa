import { describe, expect, it, vi } from "vitest";
import { earlyAnswer } from "./early-answer";

describe("an answer asked for as the app starts", () => {
  it("is taken once by the screen that shows it, which then asks afresh", async () => {
    const early = earlyAnswer<string>();
    const load = vi.fn().mockResolvedValueOnce("early").mockResolvedValueOnce("fresh");
    early.ask("alex:2026-12-06", load);
    expect(await early.take("alex:2026-12-06", load)).toBe("early");
    expect(await early.take("alex:2026-12-06", load)).toBe("fresh");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("is not taken for something else, nor asked for once the screen has asked", async () => {
    const early = earlyAnswer<string>();
    const load = vi.fn(async () => "answer");
    early.ask("alex:2026-12-06", load);
    await early.take("alex:2026-12-05", load);
    expect(load).toHaveBeenCalledTimes(2);
    early.ask("alex:2026-12-06", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps an early failure for the screen to show, not as an unhandled rejection", async () => {
    const early = earlyAnswer<string>();
    early.ask("alex", () => Promise.reject(new Error("offline")));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(early.take("alex", async () => "unused")).rejects.toThrow("offline");
  });
});
