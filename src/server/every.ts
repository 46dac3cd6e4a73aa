/**
 * Runs `pass` every `intervalMs` until stopped: the background work of `serve` (reminders,
 * meeting feeds). Passes never overlap — a slow one makes the next tick wait its turn — and a
 * failed pass is reported and the next one tries again. The timer does not keep the process
 * alive on its own.
 */
export function every(
  intervalMs: number,
  pass: () => Promise<unknown>,
  onError?: (error: unknown) => void,
): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await pass();
    } catch (error) {
      onError?.(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
