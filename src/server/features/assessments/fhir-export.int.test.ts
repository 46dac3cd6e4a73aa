import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fhirSchemaErrors } from "../../../../test/support/fhir-schema";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { questionnaireResponseSchema } from "../../../domain/instruments/fhir-response";

describe.each(DIALECTS)("FHIR QuestionnaireResponse export on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("exports a member's own response, and refuses others without revealing whether it exists", async () => {
    const member = await signUp(t, "Alex");
    const submitted = await member.browser.post(`/api/members/${member.id}/assessments`, {
      instrument: "gad-7",
      answers: { "1": 1, "2": 1, "3": 2, "4": 0, "5": 1, "6": 3, "7": 0 },
    });
    expect(submitted.statusCode).toBe(201);
    const responseId = submitted.json().id as string;

    const exported = await member.browser.get(
      `/api/members/${member.id}/assessments/${responseId}/fhir?lang=es`,
    );
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toContain("application/fhir+json");
    expect(fhirSchemaErrors(exported.json())).toEqual([]);
    const resource = questionnaireResponseSchema.parse(exported.json());
    expect(resource).toMatchObject({
      id: responseId,
      status: "completed",
      subject: { reference: `Patient/${member.id}` },
      language: "es",
    });
    expect(resource.item).toHaveLength(7);

    const stranger = await signUp(t, "A stranger");
    const known = await stranger.browser.get(
      `/api/members/${member.id}/assessments/${responseId}/fhir`,
    );
    const unknown = await stranger.browser.get(
      `/api/members/${member.id}/assessments/${randomUUID()}/fhir`,
    );
    expect(known.statusCode).toBe(403);
    expect(unknown.statusCode).toBe(403);
    expect(known.json()).toEqual(unknown.json());
    expect(
      (await member.browser.get(`/api/members/${member.id}/assessments/${randomUUID()}/fhir`))
        .statusCode,
    ).toBe(404);
  });
});
