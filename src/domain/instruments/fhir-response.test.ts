import { describe, expect, it } from "vitest";
import { findInstrument } from "./catalog";
import { questionnaireResponseSchema, toQuestionnaireResponse } from "./fhir-response";
import { toQuestionnaire } from "./questionnaire";

const phq9 = findInstrument("phq-9");
if (!phq9) throw new Error("PHQ-9 is missing from the catalog");

const answers = { "1": 1, "2": 2, "3": 0, "4": 3, "5": 1, "6": 0, "7": 2, "8": 1, "9": 0 };

describe("QuestionnaireResponse export", () => {
  it("is a valid R4 QuestionnaireResponse that answers with the Questionnaire's own codings", () => {
    const response = toQuestionnaireResponse(
      phq9,
      { id: "r-1", memberId: "m-1", answers, at: "2026-11-26T14:00:00.000Z", missing: [] },
      "es",
    );
    expect(questionnaireResponseSchema.parse(response)).toEqual(response);
    expect(response).toMatchObject({
      status: "completed",
      subject: { reference: "Patient/m-1" },
      questionnaire: `${toQuestionnaire(phq9, "es").url}|${phq9.version}`,
    });
    const questionnaire = toQuestionnaire(phq9, "es");
    for (const item of response.item) {
      const offered = questionnaire.item.find((each) => each.linkId === item.linkId);
      expect(offered?.answerOption?.map((option) => option.valueCoding)).toContainEqual(
        item.answer[0]?.valueCoding,
      );
    }
    expect(response.item.map((item) => item.linkId)).toEqual(Object.keys(answers));
  });

  it("says a response with unanswered required items is in progress, and leaves them out", () => {
    const { "4": _left, ...partial } = answers;
    const response = toQuestionnaireResponse(
      phq9,
      {
        id: "r-2",
        memberId: "m-1",
        answers: partial,
        at: "2026-11-26T14:00:00.000Z",
        missing: ["4"],
      },
      "en",
    );
    expect(response.status).toBe("in-progress");
    expect(response.item.some((item) => item.linkId === "4")).toBe(false);
  });
});
