import { createHash } from "node:crypto";

/** What the FHIR export files share: the resource shape, Waymark's namespace, stable ids. */
export type Resource = Record<string, unknown> & { resourceType: string; id: string };

export const WAYMARK = "https://waymark.invalid/fhir";

export const PART_2_CODING = {
  system: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  code: "42CFRPart2",
  display: "42 CFR Part 2",
};

/** A FHIR id (at most 64 of [A-Za-z0-9-.]) that is stable for the same Waymark record. */
export function fhirId(kind: string, ...parts: string[]): string {
  const digest = createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 40);
  return `${kind}-${digest}`.slice(0, 64);
}
