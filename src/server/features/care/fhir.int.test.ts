import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fhirSchemaErrors } from "../../../../test/support/fhir-schema";
import type { Browser } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { addLocalDays, localDayOf } from "../../../domain/local-day";
import { writeHistory } from "./care-history";

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies of known shape
type Json = Record<string, any>;

/** The R4 elements each exported resource must have (cardinality 1..1 in the spec). */
const REQUIRED: Record<string, string[]> = {
  Patient: [],
  Observation: ["status", "code"],
  QuestionnaireResponse: ["status"],
  MedicationStatement: ["status", "subject"],
  Goal: ["lifecycleStatus", "description", "subject"],
  CarePlan: ["status", "intent", "subject"],
  Consent: ["status", "scope", "category"],
};

describe("the R4 schema check itself", () => {
  const observation = {
    resourceType: "Observation",
    id: "craving-1",
    status: "final",
    code: { text: "Daily craving rating (0-10)" },
    valueInteger: 4,
  };

  it("accepts a valid resource and Bundle", () => {
    expect(fhirSchemaErrors(observation)).toEqual([]);
    expect(
      fhirSchemaErrors({
        resourceType: "Bundle",
        type: "collection",
        entry: [{ resource: observation }],
      }),
    ).toEqual([]);
  });

  it("fails a bad code, an unknown element and a bad date, naming each", () => {
    const errors = fhirSchemaErrors({ ...observation, status: "bogus", colour: "red" });
    expect(errors).toHaveLength(2);
    expect(errors.join("\n")).toMatch(/Observation \/status: must be equal to one of/);
    expect(errors.join("\n")).toMatch(/additional properties \(colour\)/);
    expect(fhirSchemaErrors({ ...observation, effectiveDateTime: "26 November 2026" })[0]).toMatch(
      /effectiveDateTime: must match pattern/,
    );
  });

  it("fails a Bundle whose entry is broken, pointing at the entry", () => {
    const errors = fhirSchemaErrors({
      resourceType: "Bundle",
      type: "collection",
      entry: [
        { resource: observation },
        { resource: { ...observation, status: "bogus" } },
        { resource: { resourceType: "Mystery", id: "x" } },
      ],
    });
    expect(errors[0]).toMatch(/^entry\[1\] Observation \/status/);
    expect(errors[1]).toBe('entry[2] unknown resourceType "Mystery"');
    expect(errors).toHaveLength(2);
  });
});

describe.each(DIALECTS)("the FHIR export on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const sign = (displayName: string) => signUp(t, displayName);
  const share = (member: { browser: Browser }, email: string, categories: string[], extra = {}) =>
    member.browser.post("/api/consents", {
      recipientEmail: email,
      purpose: "Continuity of care",
      categories,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      signature: { typedName: "Alex" },
      revocationAcknowledged: true,
      ...extra,
    });
  const accessLog = async (member: { browser: Browser }) =>
    (await member.browser.get("/api/access-log")).json().events as Json[];

  /** A member with a month of everything: check-ins, a BAM, a plan, two prescriptions. */
  async function memberWithHistory() {
    const member = await sign("Alex");
    const today = localDayOf(new Date(), "UTC");
    await writeHistory(t.store.db, member.id, today, { cravings: [6, 5], bamRisk: [3, 4, 5] });
    const base = `/api/members/${member.id}`;
    const goal = await member.browser.post(`${base}/plan/goals`, {
      domain: "physical_health",
      title: "Sleep better",
    });
    expect(goal.statusCode).toBe(201);
    const step = await member.browser.post(`${base}/plan/steps`, {
      goalId: goal.json().id,
      title: "Phone off at 22:00",
    });
    expect(step.statusCode).toBe(201);
    const regimen = {
      medication: "methadone",
      doseAmount: 60,
      doseUnit: "mg",
      schedule: { kind: "daily", times: ["08:00"] },
      prescriber: "Dr. Okafor",
    };
    const first = await member.browser.put(`${base}/regimen`, {
      ...regimen,
      effectiveDate: addLocalDays(today, -10),
    });
    expect(first.statusCode).toBe(201);
    const second = await member.browser.put(`${base}/regimen`, {
      ...regimen,
      doseAmount: 70,
      effectiveDate: addLocalDays(today, -3),
    });
    expect(second.statusCode).toBe(200);
    const gad7 = await member.browser.post(`${base}/assessments`, {
      instrument: "gad-7",
      answers: { "1": 1, "2": 1, "3": 2, "4": 0, "5": 1, "6": 3, "7": 0 },
    });
    expect(gad7.statusCode).toBe(201);
    // A withdrawal score: filed under "withdrawal", not "assessments".
    const sows = await member.browser.post(`${base}/assessments`, {
      instrument: "sows",
      answers: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [String(i + 1), 2])),
    });
    expect(sows.statusCode).toBe(201);
    return { ...member, today };
  }

  it("exports only the granted categories as a schema-valid R4 collection whose references resolve", async () => {
    const member = await sign("Alex");
    const clinician = await sign("Sam");
    await writeHistory(t.store.db, member.id, localDayOf(new Date(), "UTC"), {
      cravings: [6, 5],
      bamRisk: [3, 4, 5],
    });
    const url = `/api/members/${member.id}/fhir`;
    expect((await clinician.browser.get(url)).statusCode).toBe(403);
    await share(member, clinician.email, ["profile", "checkins"]);
    const response = await clinician.browser.get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/fhir+json");
    expect(response.headers["x-redisclosure-notice"]).toBeTruthy();
    const bundle = response.json() as Json;
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const types = bundle.entry.map((e: Json) => e.resource.resourceType);
    expect(new Set(types)).toEqual(new Set(["Patient", "Observation", "Consent"]));
    expect(types.filter((type: string) => type === "Observation")).toHaveLength(4);
    checkBundle(bundle);

    const own = (await member.browser.get(url)).json() as Json;
    expect(own.entry.map((e: Json) => e.resource.resourceType)).toContain("QuestionnaireResponse");
    checkBundle(own);
  });

  it("gives a clinician with a broad grant every resource, the prescriptions and the consent, audited once", async () => {
    const member = await memberWithHistory();
    const clinician = await sign("Sam");
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const categories = ["profile", "checkins", "plan", "medication", "assessments"];
    const grant = await share(member, clinician.email, categories, { expiresAt });
    expect(grant.statusCode).toBe(201);
    const before = (await accessLog(member)).length;

    const response = await clinician.browser.get(`/api/members/${member.id}/fhir`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-redisclosure-notice"]).toBeTruthy();
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="waymark-record-${member.today}.json"`,
    );
    const bundle = response.json() as Json;
    checkBundle(bundle);
    const byType = resourcesByType(bundle);
    expect(Object.keys(byType).sort()).toEqual([
      "CarePlan",
      "Consent",
      "Goal",
      "MedicationStatement",
      "Observation",
      "Patient",
      "QuestionnaireResponse",
    ]);

    // The GAD-7 with its answers as codings; the BAM of the period (written without answers);
    // no SOWS: withdrawal scores were not granted.
    const responses = byType.QuestionnaireResponse as Json[];
    expect(responses.map((r) => r.questionnaire.split(":").at(-1).split("|")[0]).sort()).toEqual([
      "bam",
      "gad-7",
    ]);
    const gad7 = responses.find((r) => r.questionnaire.includes("gad-7")) as Json;
    expect(gad7.item).toHaveLength(7);
    expect(gad7.item[5].answer[0].valueCoding.code).toBe("3");
    expect(gad7.subject.reference).toMatch(/^Patient\/patient-/);

    // Two prescriptions: the first stopped when the new dose took effect, the second active.
    const statements = byType.MedicationStatement as Json[];
    expect(statements.map((s) => s.status)).toEqual(["stopped", "active"]);
    expect(statements[1]).toMatchObject({
      medicationCodeableConcept: {
        coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "6813" }],
        text: "methadone",
      },
      effectivePeriod: { start: addLocalDays(member.today, -3) },
      dosage: [
        {
          text: "70 mg every day at 08:00 (as prescribed, recorded by the member)",
          doseAndRate: [{ doseQuantity: { value: 70, unit: "mg", code: "mg" } }],
        },
      ],
    });
    expect(statements[0]?.effectivePeriod).toEqual({
      start: addLocalDays(member.today, -10),
      end: addLocalDays(member.today, -3),
    });

    // The one grant this read went through, as a Part 2 privacy consent.
    expect(byType.Consent).toHaveLength(1);
    const consent = (byType.Consent as Json[])[0] as Json;
    expect(consent).toMatchObject({
      status: "active",
      scope: { coding: [{ code: "patient-privacy" }] },
      category: [{ coding: [{ system: "http://loinc.org", code: "59284-0" }] }],
      patient: { reference: `Patient/${(byType.Patient as Json[])[0]?.id}` },
      dateTime: grant.json().signature.signedAt,
      identifier: [{ value: grant.json().id }],
      policyRule: { coding: [{ code: "42CFRPart2" }] },
      provision: {
        type: "permit",
        period: { start: grant.json().createdAt, end: grant.json().expiresAt },
        actor: [{ reference: { identifier: { value: clinician.id }, display: "Sam" } }],
      },
    });
    expect(consent.provision.code.map((c: Json) => c.coding[0].code).sort()).toEqual(
      [...categories].sort(),
    );
    expect(consent.policy[0].uri).toContain("part-2");

    const log = await accessLog(member);
    expect(log).toHaveLength(before + 1);
    expect(log[0]).toMatchObject({ what: "fhir", outcome: "allowed", who: { id: clinician.id } });
  });

  it("lets the member download their own record: no audit, no notice, a Consent per live grant", async () => {
    const member = await memberWithHistory();
    const clinician = await sign("Sam");
    const counselor = await sign("Robin");
    const kept = await share(member, clinician.email, ["checkins"], {
      expiresAt: null,
      expiryEvent: "When I leave the program",
    });
    // A change the prescriber already made, from next week: the current dose stays active.
    const next = await member.browser.put(`/api/members/${member.id}/regimen`, {
      medication: "buprenorphine",
      doseAmount: 16,
      doseUnit: "mg",
      schedule: { kind: "weekdays", days: ["mon", "thu"], times: ["09:00"] },
      effectiveDate: addLocalDays(member.today, 7),
    });
    expect(next.statusCode).toBe(200);
    const revoked = await share(member, counselor.email, ["plan"]);
    await member.browser.post(`/api/consents/${revoked.json().id}/revoke`);
    const before = (await accessLog(member)).length;

    const response = await member.browser.get(`/api/members/${member.id}/fhir`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-redisclosure-notice"]).toBeUndefined();
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="waymark-record-${member.today}.json"`,
    );
    const bundle = response.json() as Json;
    checkBundle(bundle);
    const byType = resourcesByType(bundle);
    const statements = byType.MedicationStatement as Json[];
    expect(statements.map((s) => s.status)).toEqual(["stopped", "active", "intended"]);
    expect(statements[1]?.effectivePeriod.end).toBe(addLocalDays(member.today, 7));
    expect(statements[2]).toMatchObject({
      medicationCodeableConcept: { coding: [{ code: "1819" }], text: "buprenorphine" },
      dosage: [{ timing: { repeat: { dayOfWeek: ["mon", "thu"], timeOfDay: ["09:00:00"] } } }],
    });
    // The member's own record has the withdrawal score too.
    expect(byType.QuestionnaireResponse).toHaveLength(3);
    expect(byType.Consent).toHaveLength(1);
    const consent = (byType.Consent as Json[])[0] as Json;
    expect(consent.identifier[0].value).toBe(kept.json().id);
    // No end date: the consent ends with an event, which the narrative names.
    expect(consent.provision.period).toEqual({ start: kept.json().createdAt });
    expect(consent.text.div).toContain("When I leave the program");
    expect(await accessLog(member)).toHaveLength(before);
  });
});

function resourcesByType(bundle: Json): Record<string, Json[]> {
  const byType: Record<string, Json[]> = {};
  for (const { resource } of bundle.entry as Json[]) {
    const list = byType[resource.resourceType] ?? [];
    list.push(resource);
    byType[resource.resourceType] = list;
  }
  return byType;
}

function checkBundle(bundle: Json) {
  expect(fhirSchemaErrors(bundle)).toEqual([]);
  // FHIR JSON rules the schema does not check: no empty arrays, objects or strings, no nulls.
  const empty: string[] = [];
  const walk = (value: unknown, at: string) => {
    if (value === null || value === "") empty.push(at);
    else if (Array.isArray(value)) {
      if (value.length === 0) empty.push(at);
      for (const [index, item] of value.entries()) walk(item, `${at}[${index}]`);
    } else if (typeof value === "object") {
      if (Object.keys(value).length === 0) empty.push(at);
      for (const [key, item] of Object.entries(value)) walk(item, `${at}.${key}`);
    }
  };
  walk(bundle, "Bundle");
  expect(empty.join(", ")).toBe("");
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
