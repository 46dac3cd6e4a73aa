import type { LedgerLine, Occasion, Target } from "../../../domain/api/rewards";
import { ledgerKindSchema, REDEMPTION_UNDO_MS } from "../../../domain/rewards/ledger";
import {
  nextOccasionPoints,
  type RewardSettings,
  streakOf,
} from "../../../domain/rewards/schedule";
import { outcomesOf, type TargetKind, targetKindSchema } from "../../../domain/rewards/targets";
import type { RewardLedgerTable, RewardTargetTable } from "../../db/tables/rewards";
import type { occasionsOf } from "./queries";

/** Rows as the API shows them: shared by the member's view and the answers to writes. */

type OccasionRow = Awaited<ReturnType<typeof occasionsOf>>[number];

const RECENT_OCCASIONS = 10;

export function occasionView(
  row: OccasionRow,
  all: readonly OccasionRow[],
  points: number,
): Occasion {
  const correction = all.find(
    (other) => other.outcome === "correction" && other.corrects_id === row.id,
  );
  return {
    id: row.id,
    targetId: row.target_id,
    occurredOn: row.occurred_on,
    outcome: row.outcome === "met" ? "met" : "missed",
    points,
    recordedAt: row.recorded_at,
    recordedBy: { id: row.recorded_by, displayName: row.display_name },
    correctedAt: correction?.recorded_at ?? null,
  };
}

/** Points each occasion added, from the "earned" lines that name it. */
export function pointsByOccasion(ledger: readonly RewardLedgerTable[]): Map<string, number> {
  const points = new Map<string, number>();
  for (const line of ledger) {
    if (line.kind === "earned" && line.occasion_id) points.set(line.occasion_id, line.points);
  }
  return points;
}

export function targetView(
  target: RewardTargetTable,
  occasions: readonly OccasionRow[],
  settings: RewardSettings | null,
  points: Map<string, number>,
): Target {
  const own = occasions.filter((row) => row.target_id === target.id);
  const history = outcomesOf(
    own.map((row) => ({ id: row.id, outcome: row.outcome, correctsId: row.corrects_id })),
  );
  const recorded = own.filter((row) => row.outcome !== "correction");
  return {
    id: target.id,
    organizationId: target.organization_id,
    kind: kindOf(target.kind),
    timesPerWeek: target.times_per_week,
    note: target.note,
    createdAt: target.created_at,
    endedAt: target.ended_at,
    streak: streakOf(history),
    nextPoints: settings ? nextOccasionPoints(settings.schedule, history) : 0,
    recentOccasions: recorded
      .slice(-RECENT_OCCASIONS)
      .reverse()
      .map((row) => occasionView(row, own, points.get(row.id) ?? 0)),
  };
}

export function ledgerLineView(
  line: RewardLedgerTable,
  occasions: ReadonlyMap<string, { occurredOn: string; targetKind: TargetKind }>,
  reversed: ReadonlySet<string>,
  now: Date,
): LedgerLine {
  const occasion = line.occasion_id ? occasions.get(line.occasion_id) : undefined;
  const undoUntil = new Date(Date.parse(line.created_at) + REDEMPTION_UNDO_MS);
  const undoable = line.kind === "redeemed" && !reversed.has(line.id) && undoUntil > now;
  return {
    id: line.id,
    kind: ledgerKindSchema.parse(line.kind),
    points: line.points,
    at: line.created_at,
    targetKind: occasion?.targetKind ?? null,
    occurredOn: occasion?.occurredOn ?? null,
    rewardName: line.reward_name,
    withheld: line.withheld,
    reversesId: line.reverses_id,
    undoUntil: undoable ? undoUntil.toISOString() : null,
  };
}

export function kindOf(stored: string): TargetKind {
  return targetKindSchema.parse(stored);
}
