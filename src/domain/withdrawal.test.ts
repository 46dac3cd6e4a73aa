import { describe, expect, it } from "vitest";
import {
  getWithdrawalCourse,
  hoursSinceLastUse,
  opioidTypeSchema,
  phaseAt,
  WITHDRAWAL_SOURCES,
} from "./withdrawal";

describe("withdrawal course", () => {
  it("draws short-acting withdrawal from WHO 2009: onset 8–24 h, acute to day 10, then protracted", () => {
    const course = getWithdrawalCourse("short-acting");
    expect(
      course.bands.map((band) => [band.phase, band.fromHours, band.toHours, band.sourceId]),
    ).toEqual([
      ["onset", 8, 24, "who2009"],
      ["acute", 24, 240, "who2009"],
      ["protracted", 240, null, "samhsaProtracted"],
    ]);
  });

  it("draws methadone withdrawal later and longer: onset 12–48 h, acute to day 20", () => {
    const course = getWithdrawalCourse("methadone");
    expect(course.bands.map((band) => [band.phase, band.fromHours, band.toHours])).toEqual([
      ["onset", 12, 48],
      ["acute", 48, 480],
      ["protracted", 480, null],
    ]);
  });

  it("draws no timed band for a buprenorphine taper and says why", () => {
    const course = getWithdrawalCourse("buprenorphine-taper");
    expect(course.bands).toEqual([]);
    expect(course.noteKeys).toEqual(["withdrawal.course.buprenorphine-taper"]);
    expect(course.sources.map((source) => source.id)).toContain("tip63");
  });

  it("names a source for every band and every help sign, and lists each source it uses", () => {
    for (const type of opioidTypeSchema.options) {
      const course = getWithdrawalCourse(type);
      const listed = course.sources.map((source) => source.id);
      for (const band of course.bands) expect(listed).toContain(band.sourceId);
      for (const sign of course.helpSigns) {
        expect(sign.sourceIds.length).toBeGreaterThan(0);
        for (const id of sign.sourceIds) expect(listed).toContain(id);
      }
      expect(course.toleranceKey).toBe("withdrawal.tolerance");
    }
    for (const source of Object.values(WITHDRAWAL_SOURCES))
      expect(source.url).toMatch(/^https:\/\//);
  });

  it("lists seizures, confusion and chest pain among the signs to get medical help now", () => {
    for (const type of opioidTypeSchema.options) {
      const signs = getWithdrawalCourse(type).helpSigns.map((sign) => sign.key);
      expect(signs).toContain("withdrawal.help.seizureConfusionChestPain");
    }
  });

  it("finds the phase for an hour since last use", () => {
    const course = getWithdrawalCourse("short-acting");
    expect(phaseAt(course, 2)).toBeNull();
    expect(phaseAt(course, 8)).toBe("onset");
    expect(phaseAt(course, 24)).toBe("acute");
    expect(phaseAt(course, 100)).toBe("acute");
    expect(phaseAt(course, 24 * 30)).toBe("protracted");
    expect(phaseAt(getWithdrawalCourse("buprenorphine-taper"), 50)).toBeNull();
  });

  it("measures hours since last use to one decimal, never below zero", () => {
    const last = new Date("2026-01-01T00:00:00Z");
    expect(hoursSinceLastUse(last, new Date("2026-01-02T06:30:00Z"))).toBe(30.5);
    expect(hoursSinceLastUse(last, new Date("2025-12-31T23:00:00Z"))).toBe(0);
  });
});
