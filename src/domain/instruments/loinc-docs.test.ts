import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INSTRUMENTS } from "./catalog";

/** The paragraph of docs/clinical-sources.md that lists the LOINC codes Waymark sends. */
function documentedLoincParagraph(): string {
  const docs = readFileSync(new URL("../../../docs/clinical-sources.md", import.meta.url), "utf8");
  const start = docs.indexOf("LOINC codes are used only for");
  expect(start, "the LOINC paragraph").toBeGreaterThan(-1);
  return docs.slice(start, docs.indexOf("\n\n", start));
}

describe("the LOINC codes in the clinical sources", () => {
  const used = new Set(
    INSTRUMENTS.flatMap((def) => [
      def.loinc?.code,
      def.totalScoreLoinc?.code,
      ...def.items.map((item) => item.loinc?.code),
    ]).filter((code) => code !== undefined),
  );

  it("name only codes the instruments use, and every panel code they use", () => {
    const paragraph = documentedLoincParagraph();
    const named = paragraph.match(/\b\d{4,6}-\d\b/g) ?? [];
    for (const code of named) expect(used.has(code), `${code} named in the docs`).toBe(true);
    for (const def of INSTRUMENTS) {
      if (def.loinc) expect(named, `${def.id} panel`).toContain(def.loinc.code);
      if (def.totalScoreLoinc) expect(named, `${def.id} total`).toContain(def.totalScoreLoinc.code);
    }
  });
});
