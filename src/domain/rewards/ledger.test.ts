import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canRedeem, type LedgerEntry, type LedgerKind, ledgerTotals, signedPoints } from "./ledger";

const kinds: LedgerKind[] = ["earned", "earning_corrected", "redeemed", "redemption_undone"];
const lineArbitrary = fc
  .record({ kind: fc.constantFrom(...kinds), amount: fc.nat(10_000) })
  .map(({ kind, amount }): LedgerEntry => ({ kind, points: signedPoints(kind, amount) }));

describe("the ledger", () => {
  it("adds up earned, redeemed and the balance from its lines", () => {
    const lines: LedgerEntry[] = [
      { kind: "earned", points: 10 },
      { kind: "earned", points: 15 },
      { kind: "earning_corrected", points: -15 },
      { kind: "redeemed", points: -8 },
      { kind: "redemption_undone", points: 8 },
      { kind: "redeemed", points: -5 },
    ];
    expect(ledgerTotals(lines)).toEqual({ earned: 10, redeemed: 5, balance: 5 });
  });

  it("signs every kind the same way, whatever the caller passes", () => {
    expect(signedPoints("earned", -4)).toBe(4);
    expect(signedPoints("redeemed", 4)).toBe(-4);
    expect(signedPoints("earning_corrected", 4)).toBe(-4);
    expect(signedPoints("redemption_undone", -4)).toBe(4);
  });

  it("lets a member spend only what they have", () => {
    expect(canRedeem(10, 10)).toBe(true);
    expect(canRedeem(9, 10)).toBe(false);
    expect(canRedeem(10, 0)).toBe(false);
  });

  it("always has balance = earned − redeemed = the sum of the lines", () => {
    fc.assert(
      fc.property(fc.array(lineArbitrary, { maxLength: 100 }), (lines) => {
        const totals = ledgerTotals(lines);
        expect(totals.balance).toBe(totals.earned - totals.redeemed);
        expect(totals.balance).toBe(lines.reduce((sum, line) => sum + line.points, 0));
      }),
    );
  });
});
