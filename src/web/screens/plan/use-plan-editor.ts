import { useCallback, useState } from "react";
import type {
  CreateGoalBody,
  PlanGoalWithSteps,
  PlanStep,
  UpdateGoalBody,
  UpdateStepBody,
} from "../../../domain/api/plan";
import type { StepStatus } from "../../../domain/plan";
import { describeError } from "../../components/api-error";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import {
  beforeValues,
  type Direction,
  patchStep,
  recreateGoal,
  recreateStep,
  reorder,
} from "./plan-changes";
import { useLoad } from "./use-load";
import { usePlanApi } from "./use-plan-api";

/** The last change, with what puts things back the way they were. */
export interface LastChange {
  message: string;
  undo: () => Promise<unknown>;
}

const statusMessage: Record<StepStatus, MessageKey> = {
  todo: "plan.toast.stepTodo",
  doing: "plan.toast.stepDoing",
  done: "plan.toast.stepDone",
  dropped: "plan.toast.stepDropped",
};

/**
 * The plan and every change a person can make to it. Each change remembers its `before`
 * values so "Undo" can re-apply them (or re-create what was deleted); the plan is reloaded
 * after every change so positions and counts always match the server.
 */
export function usePlanEditor() {
  const api = usePlanApi();
  const i18n = useI18n();
  const { t } = i18n;
  const { load, reload, retry, setLoad } = useLoad(api.getPlan);
  const [lastChange, setLastChange] = useState<LastChange | null>(null);
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState("");

  const apply = useCallback(
    async (work: () => Promise<LastChange | null>) => {
      setError(undefined);
      try {
        const change = await work();
        setLastChange(change);
        if (change) setAnnouncement("");
      } catch (caught) {
        setError(describeError(caught, i18n).message);
      }
      await reload().catch(() => undefined);
    },
    [i18n, reload],
  );

  const undo = useCallback(async () => {
    const change = lastChange;
    if (!change) return;
    setLastChange(null);
    setError(undefined);
    try {
      await change.undo();
      setAnnouncement(t("plan.toast.undone"));
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    }
    await reload().catch(() => undefined);
  }, [lastChange, reload, i18n, t]);

  /** Shows a step's new status at once; the server's answer follows. */
  const showStepLocally = useCallback(
    (stepId: string, patch: Partial<PlanStep>) =>
      setLoad((current) =>
        current.status === "loaded"
          ? { status: "loaded", data: patchStep(current.data, stepId, patch) }
          : current,
      ),
    [setLoad],
  );

  const actions = {
    setStepStatus: (step: PlanStep, status: StepStatus) => {
      showStepLocally(step.id, { status });
      return apply(async () => {
        await api.updateStep(step.id, { status });
        return {
          message: t(statusMessage[status]),
          undo: () => api.updateStep(step.id, { status: step.status }),
        };
      });
    },
    editStep: (step: PlanStep, patch: UpdateStepBody) =>
      apply(async () => {
        const before = beforeValues(step, patch);
        if (!before) return null;
        await api.updateStep(step.id, patch);
        return { message: t("plan.toast.stepSaved"), undo: () => api.updateStep(step.id, before) };
      }),
    addStep: (goalId: string, title: string) =>
      apply(async () => {
        const step = await api.createStep({ goalId, title });
        return { message: t("plan.toast.stepAdded"), undo: () => api.deleteStep(step.id) };
      }),
    deleteStep: (step: PlanStep) =>
      apply(async () => {
        await api.deleteStep(step.id);
        return { message: t("plan.toast.stepDeleted"), undo: () => recreateStep(api, step) };
      }),
    moveStep: (goal: PlanGoalWithSteps, step: PlanStep, direction: Direction) =>
      apply(() =>
        reorder(goal.steps, step.id, direction, (id, position) =>
          api.updateStep(id, { position }),
        ).then((undo) => undo && { message: t("plan.toast.stepMoved"), undo }),
      ),
    addGoal: (body: CreateGoalBody) =>
      apply(async () => {
        const goal = await api.createGoal(body);
        return { message: t("plan.toast.goalAdded"), undo: () => api.deleteGoal(goal.id) };
      }),
    editGoal: (goal: PlanGoalWithSteps, patch: UpdateGoalBody) =>
      apply(async () => {
        const before = beforeValues(goal, patch);
        if (!before) return null;
        await api.updateGoal(goal.id, patch);
        return { message: t("plan.toast.goalSaved"), undo: () => api.updateGoal(goal.id, before) };
      }),
    deleteGoal: (goal: PlanGoalWithSteps) =>
      apply(async () => {
        await api.deleteGoal(goal.id);
        return { message: t("plan.toast.goalDeleted"), undo: () => recreateGoal(api, goal) };
      }),
    moveGoal: (goals: PlanGoalWithSteps[], goal: PlanGoalWithSteps, direction: Direction) =>
      apply(() =>
        reorder(goals, goal.id, direction, (id, position) => api.updateGoal(id, { position })).then(
          (undo) => undo && { message: t("plan.toast.goalMoved"), undo },
        ),
      ),
  };

  return {
    load,
    retry,
    actions,
    lastChange,
    undo,
    dismiss: () => setLastChange(null),
    error,
    announcement,
  };
}

export type { Direction };
