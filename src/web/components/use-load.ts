import { type DependencyList, useCallback, useEffect, useState } from "react";

export type Load<T> =
  | { status: "loading" }
  | { status: "failed"; error: unknown }
  | { status: "loaded"; value: T };

export interface LoadOptions {
  /**
   * Keep what is on screen while a reload runs, so the page does not jump and focus stays on
   * the control the person just used (lists that change in place want this).
   */
  keepWhileReloading?: boolean;
}

/**
 * Loads what a screen shows and reloads it on demand. An answer that arrives after the
 * screen moved on (or asked again) is dropped, so an old answer never overwrites a new one.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  { keepWhileReloading = false }: LoadOptions = {},
) {
  const [state, setState] = useState<Load<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what `load` reads.
  const stableLoad = useCallback(load, deps);

  useEffect(() => {
    let isCurrent = true;
    setState((previous) =>
      keepWhileReloading && previous.status === "loaded" ? previous : { status: "loading" },
    );
    void attempt;
    stableLoad().then(
      (value) => isCurrent && setState({ status: "loaded", value }),
      (error: unknown) => isCurrent && setState({ status: "failed", error }),
    );
    return () => {
      isCurrent = false;
    };
  }, [stableLoad, attempt, keepWhileReloading]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, reload };
}
