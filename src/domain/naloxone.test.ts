import { describe, expect, it } from "vitest";
import { NALOXONE_STEPS, type NaloxoneStep, naloxoneExpiry } from "./naloxone";

describe("naloxoneExpiry", () => {
  it("counts days left, warns a month ahead, and says when it has expired", () => {
    expect(naloxoneExpiry("2026-11-26", "2027-04-26")).toEqual({ status: "ok", daysLeft: 151 });
    expect(naloxoneExpiry("2026-11-26", "2026-12-26")).toEqual({
      status: "expires_soon",
      daysLeft: 30,
    });
    expect(naloxoneExpiry("2026-11-26", "2026-11-26")).toEqual({
      status: "expires_soon",
      daysLeft: 0,
    });
    expect(naloxoneExpiry("2026-11-26", "2026-11-20")).toEqual({ status: "expired", daysAgo: 6 });
  });
});

describe("NALOXONE_STEPS", () => {
  const at = (key: NaloxoneStep) => NALOXONE_STEPS.indexOf(key);

  it("follows the nasal spray label: check, give the first dose, call 911, watch and give again, stay", () => {
    expect(at("naloxone.step.checkSigns")).toBe(0);
    expect(at("naloxone.step.spray")).toBeGreaterThan(at("naloxone.step.layOnBack"));
    expect(at("naloxone.step.call911")).toBe(at("naloxone.step.spray") + 1);
    expect(at("naloxone.step.secondDose")).toBeGreaterThan(at("naloxone.step.call911"));
    expect(at("naloxone.step.stay")).toBe(NALOXONE_STEPS.length - 1);
  });

  it("says what to do while they are still not breathing, before waiting for the second dose", () => {
    expect(at("naloxone.step.notBreathing")).toBeGreaterThan(at("naloxone.step.call911"));
    expect(at("naloxone.step.notBreathing")).toBeLessThan(at("naloxone.step.secondDose"));
    // The recovery position is for someone who breathes again, so it comes after both.
    expect(at("naloxone.step.recoveryPosition")).toBeGreaterThan(at("naloxone.step.secondDose"));
  });
});
