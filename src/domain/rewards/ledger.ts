import { z } from "zod";

/**
 * The points ledger is append-only: a line is never changed or removed, a mistake is put right
 * by a new line that reverses it. The balance is always the sum of the lines.
 */
export const ledgerKindSchema = z.enum([
  /** Points for a verified occasion (0 when the yearly cap was reached). */
  "earned",
  /** Reverses an "earned" line whose verification was entered by mistake. */
  "earning_corrected",
  /** Points spent on a reward from the clinic's list. */
  "redeemed",
  /** Gives back the points of a redemption the member took back. */
  "redemption_undone",
]);
export type LedgerKind = z.infer<typeof ledgerKindSchema>;

export interface LedgerEntry {
  kind: LedgerKind;
  /** Signed: positive adds to the balance, negative takes from it. */
  points: number;
}

export interface LedgerTotals {
  /** Points earned, less any corrected by mistake. */
  earned: number;
  /** Points spent, less any given back. */
  redeemed: number;
  balance: number;
}

export function ledgerTotals(lines: readonly LedgerEntry[]): LedgerTotals {
  let earned = 0;
  let redeemed = 0;
  for (const line of lines) {
    if (line.kind === "earned" || line.kind === "earning_corrected") earned += line.points;
    else redeemed -= line.points;
  }
  return { earned, redeemed, balance: earned - redeemed };
}

/** The signed points of a new line, so a caller never gets a sign wrong. */
export function signedPoints(kind: LedgerKind, amount: number): number {
  const magnitude = Math.abs(amount);
  return kind === "earned" || kind === "redemption_undone" ? magnitude : -magnitude;
}

/** A redemption may spend only what is there; corrections can leave a balance below zero. */
export function canRedeem(balance: number, cost: number): boolean {
  return cost > 0 && balance >= cost;
}

/** How long a member may take a redemption back themselves (before the clinic hands it over). */
export const REDEMPTION_UNDO_MS = 15 * 60_000;
