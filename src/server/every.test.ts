import { afterEach, describe, expect, it, vi } from "vitest";
import { every } from "./every";

describe("every", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs on each tick, never two passes at once, and goes on after a failure", async () => {
    vi.useFakeTimers();
    let running = 0;
    let most = 0;
    let passes = 0;
    const errors: unknown[] = [];
    let release: () => void = () => undefined;
    const job = every(
      1000,
      async () => {
        passes += 1;
        running += 1;
        most = Math.max(most, running);
        if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
        running -= 1;
        if (passes === 2) throw new Error("feed down");
      },
      (error) => errors.push(error),
    );
    await vi.advanceTimersByTimeAsync(3000); // the first pass is still running: ticks 2, 3 wait
    expect(passes).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(1000); // pass 2 fails
    await vi.advanceTimersByTimeAsync(1000); // pass 3 runs anyway
    expect(passes).toBe(3);
    expect(most).toBe(1);
    expect(errors).toHaveLength(1);
    job.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(passes).toBe(3);
  });
});
