import { useEffect, useRef } from "react";
import { addEscapePress } from "../../domain/device-lock";
import { useI18n } from "../i18n/context";
import { quickExit } from "./quick-exit";

/** One tap in the header, beside "Get help now", on every screen (locked or not). */
export function QuickExitButton() {
  const { t } = useI18n();
  useTripleEscapeExit();
  return (
    <button type="button" className="quick-exit" onClick={quickExit}>
      {t("protection.quickExit")}
    </button>
  );
}

/** Escape three times in quick succession also leaves, from anywhere in the app. */
export function useTripleEscapeExit(): void {
  const presses = useRef<number[]>([]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const next = addEscapePress(presses.current, Date.now());
      presses.current = next.presses;
      if (next.exit) quickExit();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
