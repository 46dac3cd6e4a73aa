import { beforeAll, describe, expect, it } from "vitest";
import { loadEveryWord } from "../../../../test/support/words";
import type { LedgerLine } from "../../../domain/api/rewards";
import type { I18n } from "../../i18n/context";
import { translate, translateCount } from "../../i18n/translate";
import { ledgerReason, signedPoints } from "./words";

beforeAll(loadEveryWord);

const i18nFor = (locale: "en" | "es"): I18n => ({
  locale,
  t: (key, params) => translate(locale, key, params),
  tCount: (key, count, params) => translateCount(locale, key, count, params),
  formatDateTime: (iso) => iso,
});

const line = (overrides: Partial<LedgerLine>): LedgerLine => ({
  id: "l1",
  kind: "earned",
  points: 15,
  at: "2026-12-03T10:00:00.000Z",
  targetKind: "attended_visit",
  occurredOn: "2026-12-03",
  rewardName: null,
  withheld: 0,
  reversesId: null,
  undoUntil: null,
  ...overrides,
});

describe("ledger lines in words", () => {
  it("names what was verified, and when", () => {
    expect(ledgerReason(line({}), i18nFor("en"))).toBe("Visit attended · Dec 3");
    expect(ledgerReason(line({}), i18nFor("es"))).toMatch(/^Asistencia a la cita · 3 dic/);
  });

  it("says kindly why a verified occasion added no points under the cap", () => {
    const capped = ledgerReason(line({ points: 0, withheld: 20 }), i18nFor("en"));
    expect(capped).toContain("limit was reached");
    expect(capped).toContain("still counts");
    expect(capped).not.toMatch(/fail|dirty|clean|relapse/i);
  });

  it("names corrections and redemptions", () => {
    expect(ledgerReason(line({ kind: "earning_corrected", points: -15 }), i18nFor("en"))).toBe(
      "Correction: Visit attended on Dec 3 was entered by mistake",
    );
    expect(
      ledgerReason(line({ kind: "redeemed", points: -20, rewardName: "Bus pass" }), i18nFor("es")),
    ).toBe("Canjeado: Bus pass");
  });

  it("signs points for reading", () => {
    expect(signedPoints(1500, "en")).toBe("+1,500");
    expect(signedPoints(-20, "en")).toBe("−20");
    expect(signedPoints(0, "en")).toBe("0");
  });
});

describe("words for a missed target", () => {
  it("never shame, in either language", async () => {
    const catalogs = [
      (await import("../../i18n/rewards.en.json")).default,
      (await import("../../i18n/rewards.es.json")).default,
    ];
    for (const catalog of catalogs) {
      for (const text of Object.values(catalog)) {
        expect(text).not.toMatch(
          /\b(fail\w*|dirty|clean|addict\w*|abuser|relapse\w*|sucio|limpio|adicto|recaída|fracas\w*)\b/i,
        );
      }
    }
  });
});
