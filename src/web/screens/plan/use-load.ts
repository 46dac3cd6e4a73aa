import { useCallback, useEffect, useState } from "react";

export type Load<T> =
  | { status: "loading" }
  | { status: "failed"; error: unknown }
  | { status: "loaded"; data: T };

/**
 * Loads data for a screen, with a reload that keeps showing the old data while it runs
 * (so a list does not flash to a spinner after every change).
 */
export function useLoad<T>(fetcher: () => Promise<T>) {
  const [load, setLoad] = useState<Load<T>>({ status: "loading" });

  const reload = useCallback(async () => {
    try {
      const data = await fetcher();
      setLoad({ status: "loaded", data });
    } catch (error) {
      setLoad((current) => (current.status === "loaded" ? current : { status: "failed", error }));
      throw error;
    }
  }, [fetcher]);

  const retry = useCallback(() => {
    setLoad({ status: "loading" });
    reload().catch(() => undefined);
  }, [reload]);

  useEffect(() => {
    reload().catch(() => undefined);
  }, [reload]);

  return { load, reload, retry, setLoad };
}
