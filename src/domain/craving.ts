/**
 * Cravings and the coping tools used in the moment. A craving rises, peaks and falls; the
 * record of which tool was followed by the craving passing lets a person see what works
 * for them ("urge surfing was followed by the craving passing 7 of 9 times").
 *
 * Plain lists, not zod enums: the craving log's code loads them in the browser, which must
 * not build schemas to draw a form. The server's schemas derive from them (domain/api/daily.ts).
 */
export const TRIGGER_KINDS = ["people", "places", "feelings", "things", "times", "other"] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const COPING_TOOLS = [
  "urge_surfing",
  "delay_distract",
  "halt_check",
  "call_someone",
  "reasons",
  "breathing",
] as const;
export type CopingTool = (typeof COPING_TOOLS)[number];

export interface CopingUseOutcome {
  tool: CopingTool;
  /** Whether the craving passed after this use; null when the person did not say. */
  passed: boolean | null;
}

export interface CopingToolStats {
  tool: CopingTool;
  uses: number;
  passedCount: number;
  notPassedCount: number;
}

/** Per tool, in the toolkit's order, every tool listed (a tool never used shows 0 of 0). */
export function copingStatsOf(outcomes: readonly CopingUseOutcome[]): CopingToolStats[] {
  return COPING_TOOLS.map((tool) => {
    const forTool = outcomes.filter((outcome) => outcome.tool === tool);
    return {
      tool,
      uses: forTool.length,
      passedCount: forTool.filter((outcome) => outcome.passed === true).length,
      notPassedCount: forTool.filter((outcome) => outcome.passed === false).length,
    };
  });
}
