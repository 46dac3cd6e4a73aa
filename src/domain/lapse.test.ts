import { describe, expect, it } from "vitest";
import { lapseSafety } from "./lapse";

describe("safety after a lapse", () => {
  it("names the Never Use Alone line and puts tolerance first after days without use", () => {
    const afterBreak = lapseSafety(30);
    expect(afterBreak.neverUseAlone.display).toBe("800-484-3731");
    expect(afterBreak.messageKeys[0]).toBe("lapse.safety.tolerance");
    expect(afterBreak.daysWithoutUseBefore).toBe(30);
    const ongoing = lapseSafety(0);
    expect(ongoing.messageKeys[0]).toBe("lapse.safety.fentanyl");
    expect(ongoing.messageKeys).toContain("lapse.safety.tolerance");
    expect(ongoing.returnMessageKeys).toContain("lapse.return.notAFailure");
  });

  it("names the added risk of mixing (alcohol, benzodiazepines, xylazine) before naloxone", () => {
    for (const safety of [lapseSafety(0), lapseSafety(12)]) {
      const at = (key: string) => safety.messageKeys.indexOf(key);
      expect(at("lapse.safety.mixing")).toBeGreaterThan(at("lapse.safety.fentanyl"));
      expect(at("lapse.safety.mixing")).toBeLessThan(at("lapse.safety.naloxone"));
      expect(safety.messageKeys).toHaveLength(6);
    }
  });
});
