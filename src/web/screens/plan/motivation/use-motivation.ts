import { useCallback, useState } from "react";
import type { Motivation, MotivationUpdate } from "../../../../domain/motivation";
import { describeError } from "../../../components/api-error";
import { useI18n } from "../../../i18n/context";
import { useLoad } from "../use-load";
import { usePlanApi } from "../use-plan-api";
import type { LastChange } from "../use-plan-editor";

/** The motivation document, saved a section at a time; each save can be undone once. */
export function useMotivation() {
  const api = usePlanApi();
  const i18n = useI18n();
  const { load, retry, setLoad } = useLoad(api.getMotivation);
  const [lastChange, setLastChange] = useState<LastChange | null>(null);
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState("");

  const write = useCallback(
    async (update: MotivationUpdate) => {
      const saved = await api.updateMotivation(update);
      setLoad({ status: "loaded", data: saved });
    },
    [api, setLoad],
  );

  /** Saves the sections in `update`; `message` names the change in the undo toast. */
  const save = useCallback(
    async (update: MotivationUpdate, message: string): Promise<boolean> => {
      if (load.status !== "loaded") return false;
      const current: Motivation = load.data;
      const previous: MotivationUpdate = {};
      if (update.reasons) previous.reasons = current.reasons;
      if (update.motivators) previous.motivators = current.motivators;
      if (update.lettingGo) previous.lettingGo = current.lettingGo;
      if (update.decisionalBalance) previous.decisionalBalance = current.decisionalBalance;
      setError(undefined);
      try {
        await write(update);
        setLastChange({ message, undo: () => write(previous) });
        return true;
      } catch (caught) {
        setError(describeError(caught, i18n).message);
        return false;
      }
    },
    [load, write, i18n],
  );

  const undo = useCallback(async () => {
    const change = lastChange;
    if (!change) return;
    setLastChange(null);
    try {
      await change.undo();
      setAnnouncement(i18n.t("plan.toast.undone"));
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    }
  }, [lastChange, i18n]);

  return {
    load,
    retry,
    save,
    error,
    lastChange,
    undo,
    announcement,
    dismiss: () => setLastChange(null),
  };
}
