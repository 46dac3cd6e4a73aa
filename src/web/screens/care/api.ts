import type { z } from "zod";
import type { okSchema } from "../../../domain/api/auth";
import {
  type accessLogSchema,
  type CreateConsentRequest,
  type caseloadSchema,
  type clinicalNoteListSchema,
  clinicalNoteRequestSchema,
  type clinicalNoteSchema,
  type consentListSchema,
  type consentSchema,
  createConsentRequestSchema,
  type memberSummarySchema,
  type openSupportRequestSchema,
  type planSuggestionListSchema,
  type planSuggestionSchema,
  suggestPlanStepRequestSchema,
  type supporterViewSchema,
  type supportRequestSchema,
} from "../../../domain/api/care";
import { call, validated } from "../../api";

const id = (value: string) => encodeURIComponent(value);

/** The care team's requests: the member's consents and access log, the clinician's caseload. */
export const careApi = {
  listConsents: () => call<typeof consentListSchema>("GET", "/consents"),
  createConsent: (body: CreateConsentRequest) =>
    call<typeof consentSchema>("POST", "/consents", validated(createConsentRequestSchema, body)),
  revokeConsent: (consentId: string) =>
    call<typeof consentSchema>("POST", `/consents/${id(consentId)}/revoke`, {}),
  accessLog: () => call<typeof accessLogSchema>("GET", "/access-log"),
  caseload: () => call<typeof caseloadSchema>("GET", "/care/caseload"),
  summary: (memberId: string) =>
    call<typeof memberSummarySchema>("GET", `/members/${id(memberId)}/summary`),
  notes: (memberId: string) =>
    call<typeof clinicalNoteListSchema>("GET", `/members/${id(memberId)}/clinical-notes`),
  createNote: (memberId: string, body: string, idempotencyKey: string) =>
    call<typeof clinicalNoteSchema>(
      "POST",
      `/members/${id(memberId)}/clinical-notes`,
      validated(clinicalNoteRequestSchema, { body }),
      { "idempotency-key": idempotencyKey },
    ),
  suggest: (memberId: string, body: SuggestPlanStepRequest, idempotencyKey: string) =>
    call<typeof planSuggestionSchema>(
      "POST",
      `/members/${id(memberId)}/plan-suggestions`,
      validated(suggestPlanStepRequestSchema, body),
      { "idempotency-key": idempotencyKey },
    ),
  supporterView: (memberId: string) =>
    call<typeof supporterViewSchema>("GET", `/members/${id(memberId)}/supporter-view`),
  suggestions: (memberId: string) =>
    call<typeof planSuggestionListSchema>("GET", `/members/${id(memberId)}/plan-suggestions`),
  respond: (memberId: string, suggestionId: string, response: "accept" | "decline") =>
    call<typeof planSuggestionSchema>(
      "POST",
      `/members/${id(memberId)}/plan-suggestions/${id(suggestionId)}/response`,
      { response },
    ),
  /** The member's ask for support; the same key for a retry of the same tap. */
  askForSupport: (memberId: string, idempotencyKey: string) =>
    call<typeof supportRequestSchema>(
      "POST",
      `/members/${id(memberId)}/support-requests`,
      {},
      {
        "idempotency-key": idempotencyKey,
      },
    ),
  openSupportRequest: (memberId: string) =>
    call<typeof openSupportRequestSchema>("GET", `/members/${id(memberId)}/support-requests/open`),
  withdrawSupportRequest: (memberId: string, requestId: string) =>
    call<typeof okSchema>("DELETE", `/members/${id(memberId)}/support-requests/${id(requestId)}`),
};

export { idempotencyKey } from "../../api";

export const reportPdfUrl = (memberId: string) => `/api/members/${id(memberId)}/report.pdf`;
export const fhirUrl = (memberId: string) => `/api/members/${id(memberId)}/fhir`;

export type ConsentList = z.infer<typeof consentListSchema>;
export type SuggestPlanStepRequest = z.infer<typeof suggestPlanStepRequestSchema>;
export type SupporterView = z.infer<typeof supporterViewSchema>;
