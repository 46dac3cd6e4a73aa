import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, passphrase, uniqueEmail } from "../../../../test/support/http-client";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { localDayOf } from "../../../domain/local-day";
import { writeHistory } from "./care-history";

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies of known shape
type Json = Record<string, any>;

/** The R4 elements each exported resource must have (cardinality 1..1 in the spec). */
const REQUIRED: Record<string, string[]> = {
  Patient: [],
  Observation: ["status", "code"],
  QuestionnaireResponse: ["status"],
  Goal: ["lifecycleStatus", "description", "subject"],
  CarePlan: ["status", "intent", "subject"],
};

describe.each(DIALECTS)("the FHIR export on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("exports only the granted categories as an R4 collection whose references resolve", async () => {
    const sign = async (displayName: string) => {
      const browser = browserFor(t.app);
      const email = uniqueEmail();
      const response = await browser.post("/api/auth/sign-up", {
        email,
        password: passphrase(),
        displayName,
        timeZone: "UTC",
      });
      return { browser, email, id: response.json().id as string };
    };
    const member = await sign("Alex");
    const clinician = await sign("Sam");
    await writeHistory(t.store.db, member.id, localDayOf(new Date(), "UTC"), {
      cravings: [6, 5],
      bamRisk: [3, 4, 5],
    });
    const url = `/api/members/${member.id}/fhir`;
    expect((await clinician.browser.get(url)).statusCode).toBe(403);
    await member.browser.post("/api/consents", {
      recipientEmail: clinician.email,
      purpose: "Continuity of care",
      categories: ["profile", "checkins"],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      signature: { typedName: "Alex" },
      revocationAcknowledged: true,
    });
    const response = await clinician.browser.get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/fhir+json");
    expect(response.headers["x-redisclosure-notice"]).toBeTruthy();
    const bundle = response.json() as Json;
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const types = bundle.entry.map((e: Json) => e.resource.resourceType);
    expect(new Set(types)).toEqual(new Set(["Patient", "Observation"]));
    expect(types.filter((type: string) => type === "Observation")).toHaveLength(4);
    checkBundle(bundle);

    const own = (await member.browser.get(url)).json() as Json;
    expect(own.entry.map((e: Json) => e.resource.resourceType)).toContain("QuestionnaireResponse");
    checkBundle(own);
  });
});

function checkBundle(bundle: Json) {
  const ids = new Set<string>();
  for (const entry of bundle.entry as Json[]) {
    const resource = entry.resource as Json;
    expect(resource.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(entry.fullUrl).toMatch(new RegExp(`/${resource.resourceType}/${resource.id}$`));
    for (const field of REQUIRED[resource.resourceType] ?? ["unknown resource type"]) {
      expect(resource[field], `${resource.resourceType}.${field}`).toBeDefined();
    }
    ids.add(`${resource.resourceType}/${resource.id}`);
  }
  // Every reference points at a resource in the bundle.
  const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
  for (const reference of references) {
    expect(ids).toContain(reference.slice('"reference":"'.length, -1));
  }
}
