import { describe, expect, it } from "vitest";
import { intakeAnswersSchema } from "../../../../domain/intake";
import { EMPTY_DRAFT, parseAmount, skipAnswer, toIntakeBody } from "./intake-draft";

describe("intake draft", () => {
  it("sends nothing for questions left alone", () => {
    expect(toIntakeBody(EMPTY_DRAFT)).toEqual({});
  });

  it("turns answers into the body the server accepts", () => {
    const body = toIntakeBody({
      ...EMPTY_DRAFT,
      stage: "getting_ready",
      treatment: ["methadone", "counseling"],
      domains: ["legal"],
      whatMattersMost: "  My daughter  ",
      supportPeople: [
        { name: "Ana", role: "sister" },
        { name: " ", role: "friend" },
        { name: "Luis", role: "" },
      ],
      recoveryStart: "2026-01-05",
      costPerDay: "40,50",
      hasCourtDates: true,
      stableHousing: false,
      hasChildren: false,
    });
    expect(body).toEqual({
      stage: "getting_ready",
      treatment: ["methadone", "counseling"],
      domains: ["legal"],
      whatMattersMost: "My daughter",
      supportPeople: [{ name: "Ana", role: "sister" }, { name: "Luis" }],
      recoveryStart: "2026-01-05",
      costPerDay: 40.5,
      hasCourtDates: true,
      unstableHousing: true,
      hasChildren: false,
    });
    expect(intakeAnswersSchema.safeParse(body).success).toBe(true);
  });

  it("reads amounts typed the English or the Spanish way", () => {
    expect(parseAmount("$20")).toBe(20);
    expect(parseAmount("12.5")).toBe(12.5);
    expect(parseAmount("12,50")).toBe(12.5);
    expect(parseAmount("1,200")).toBe(1200);
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("a lot")).toBeNull();
  });

  it("forgets a skipped answer", () => {
    const answered = { ...EMPTY_DRAFT, hasCourtDates: true, treatment: ["detox" as const] };
    expect(skipAnswer(answered, "hasCourtDates").hasCourtDates).toBeNull();
    expect(skipAnswer(answered, "treatment").treatment).toEqual([]);
  });
});
