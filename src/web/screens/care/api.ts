import type { z } from "zod";
import { okSchema } from "../../../domain/api/auth";
import {
  accessLogSchema,
  type CreateConsentRequest,
  caseloadSchema,
  clinicalNoteListSchema,
  clinicalNoteRequestSchema,
  clinicalNoteSchema,
  consentListSchema,
  consentSchema,
  createConsentRequestSchema,
  memberSummarySchema,
  openSupportRequestSchema,
  planSuggestionListSchema,
  planSuggestionSchema,
  suggestPlanStepRequestSchema,
  supporterViewSchema,
  supportRequestSchema,
} from "../../../domain/api/care";
import { call, validated } from "../../api";

const id = (value: string) => encodeURIComponent(value);

/** The care team's requests: the member's consents and access log, the clinician's caseload. */
export const careApi = {
  listConsents: () => call("GET", "/consents", consentListSchema),
  createConsent: (body: CreateConsentRequest) =>
    call("POST", "/consents", consentSchema, validated(createConsentRequestSchema, body)),
  revokeConsent: (consentId: string) =>
    call("POST", `/consents/${id(consentId)}/revoke`, consentSchema, {}),
  accessLog: () => call("GET", "/access-log", accessLogSchema),
  caseload: () => call("GET", "/care/caseload", caseloadSchema),
  summary: (memberId: string) =>
    call("GET", `/members/${id(memberId)}/summary`, memberSummarySchema),
  notes: (memberId: string) =>
    call("GET", `/members/${id(memberId)}/clinical-notes`, clinicalNoteListSchema),
  createNote: (memberId: string, body: string, idempotencyKey: string) =>
    call(
      "POST",
      `/members/${id(memberId)}/clinical-notes`,
      clinicalNoteSchema,
      validated(clinicalNoteRequestSchema, { body }),
      { "idempotency-key": idempotencyKey },
    ),
  suggest: (memberId: string, body: SuggestPlanStepRequest, idempotencyKey: string) =>
    call(
      "POST",
      `/members/${id(memberId)}/plan-suggestions`,
      planSuggestionSchema,
      validated(suggestPlanStepRequestSchema, body),
      { "idempotency-key": idempotencyKey },
    ),
  supporterView: (memberId: string) =>
    call("GET", `/members/${id(memberId)}/supporter-view`, supporterViewSchema),
  suggestions: (memberId: string) =>
    call("GET", `/members/${id(memberId)}/plan-suggestions`, planSuggestionListSchema),
  respond: (memberId: string, suggestionId: string, response: "accept" | "decline") =>
    call(
      "POST",
      `/members/${id(memberId)}/plan-suggestions/${id(suggestionId)}/response`,
      planSuggestionSchema,
      { response },
    ),
  /** The member's ask for support; the same key for a retry of the same tap. */
  askForSupport: (memberId: string, idempotencyKey: string) =>
    call(
      "POST",
      `/members/${id(memberId)}/support-requests`,
      supportRequestSchema,
      {},
      {
        "idempotency-key": idempotencyKey,
      },
    ),
  openSupportRequest: (memberId: string) =>
    call("GET", `/members/${id(memberId)}/support-requests/open`, openSupportRequestSchema),
  withdrawSupportRequest: (memberId: string, requestId: string) =>
    call("DELETE", `/members/${id(memberId)}/support-requests/${id(requestId)}`, okSchema),
};

export { idempotencyKey } from "../../api";

export const reportPdfUrl = (memberId: string) => `/api/members/${id(memberId)}/report.pdf`;
export const fhirUrl = (memberId: string) => `/api/members/${id(memberId)}/fhir`;

export type ConsentList = z.infer<typeof consentListSchema>;
export type SuggestPlanStepRequest = z.infer<typeof suggestPlanStepRequestSchema>;
export type SupporterView = z.infer<typeof supporterViewSchema>;
