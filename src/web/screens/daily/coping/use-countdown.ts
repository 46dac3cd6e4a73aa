import { useCallback, useEffect, useRef, useState } from "react";

export type CountdownStatus = "idle" | "running" | "paused" | "done";

/**
 * A countdown measured against the clock (not by counting ticks), so a phone that sleeps a
 * few seconds or a busy main thread never makes the timer drift.
 */
export function useCountdown(durationMs: number, tickMs = 1000) {
  const [status, setStatus] = useState<CountdownStatus>("idle");
  const [elapsedMs, setElapsedMs] = useState(0);
  // Elapsed time before the current run, and when the current run started.
  const banked = useRef(0);
  const runStartedAt = useRef(0);

  useEffect(() => {
    if (status !== "running") return;
    const tick = () => {
      const elapsed = banked.current + Date.now() - runStartedAt.current;
      if (elapsed >= durationMs) {
        banked.current = durationMs;
        setElapsedMs(durationMs);
        setStatus("done");
      } else {
        setElapsedMs(elapsed);
      }
    };
    const timer = setInterval(tick, tickMs);
    return () => clearInterval(timer);
  }, [status, durationMs, tickMs]);

  const start = useCallback(() => {
    banked.current = 0;
    runStartedAt.current = Date.now();
    setElapsedMs(0);
    setStatus("running");
  }, []);
  const pause = useCallback(() => {
    banked.current += Date.now() - runStartedAt.current;
    setElapsedMs(banked.current);
    setStatus("paused");
  }, []);
  const resume = useCallback(() => {
    runStartedAt.current = Date.now();
    setStatus("running");
  }, []);
  const stop = useCallback(() => setStatus("done"), []);

  return {
    status,
    elapsedMs,
    remainingMs: Math.max(0, durationMs - elapsedMs),
    progress: Math.min(1, elapsedMs / durationMs),
    start,
    pause,
    resume,
    stop,
  };
}

/** "12:05" — minutes and seconds left. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}
