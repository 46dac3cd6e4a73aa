import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { okSchema } from "../../../domain/api/auth";
import {
  accessLogSchema,
  askForSupportRequestSchema,
  caseloadSchema,
  clinicalNoteListSchema,
  clinicalNoteRequestSchema,
  clinicalNoteSchema,
  consentIdParamsSchema,
  consentListSchema,
  consentSchema,
  createConsentRequestSchema,
  memberSummarySchema,
  openSupportRequestSchema,
  planSuggestionListSchema,
  planSuggestionSchema,
  respondToSuggestionRequestSchema,
  suggestionParamsSchema,
  suggestPlanStepRequestSchema,
  supporterViewSchema,
  supportRequestParamsSchema,
  supportRequestSchema,
} from "../../../domain/api/care";
import { memberIdParamsSchema } from "../../../domain/api/members";
import { REDISCLOSURE_NOTICE } from "../../../domain/consent";
import type { AppContext } from "../../app-context";
import { writeOnceFor } from "../../http/idempotency";
import { actorOf, requireActor } from "../../security/session";
import * as caseload from "./caseload-service";
import * as consents from "./consent-service";
import { fhirBundle } from "./fhir-export";
import * as notes from "./notes-service";
import { REDISCLOSURE_HEADER } from "./redisclosure";
import { renderReportPdf } from "./report-pdf";
import * as suggestions from "./suggestions-service";
import * as summary from "./summary-service";
import { notifySupportersOfAsk, SUPPORT_REQUEST_NOTIFY_DELAY_MS } from "./support-request-notify";
import * as supportRequests from "./support-request-service";
import * as supporter from "./supporter-service";

/** The care team: consents and the access log (the member's), caseload and member detail. */
export function careRoutes({ db, config }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Pushes for asks wait a little so "Take it back" also stops them (support-request-notify).
    const pendingNotices = new Set<ReturnType<typeof setTimeout>>();
    app.addHook("onClose", async () => {
      for (const timer of pendingNotices) clearTimeout(timer);
    });
    app.post(
      "/api/consents",
      {
        preHandler: requireActor,
        schema: {
          operationId: "createConsent",
          tags: ["care"],
          body: createConsentRequestSchema,
          response: { 201: consentSchema },
        },
      },
      async (request, reply) => {
        const consent = await consents.createConsent(db, actorOf(request), request.body);
        return reply.code(201).send(consent);
      },
    );
    app.get(
      "/api/consents",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listConsents",
          tags: ["care"],
          response: { 200: consentListSchema },
        },
      },
      async (request) => consents.listConsents(db, actorOf(request)),
    );
    app.post(
      "/api/consents/:consentId/revoke",
      {
        preHandler: requireActor,
        schema: {
          operationId: "revokeConsent",
          tags: ["care"],
          params: consentIdParamsSchema,
          response: { 200: consentSchema },
        },
      },
      async (request) => consents.revokeConsent(db, actorOf(request), request.params.consentId),
    );
    app.get(
      "/api/access-log",
      {
        preHandler: requireActor,
        schema: { operationId: "getAccessLog", tags: ["care"], response: { 200: accessLogSchema } },
      },
      async (request) => consents.getAccessLog(db, actorOf(request)),
    );
    app.get(
      "/api/care/caseload",
      {
        preHandler: requireActor,
        schema: { operationId: "getCaseload", tags: ["care"], response: { 200: caseloadSchema } },
      },
      async (request, reply) => {
        const result = await caseload.getCaseload(db, actorOf(request));
        if (result.members.length > 0) reply.header(REDISCLOSURE_HEADER, REDISCLOSURE_NOTICE);
        return result;
      },
    );
    app.get(
      "/api/members/:memberId/summary",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getMemberSummary",
          tags: ["care"],
          params: memberIdParamsSchema,
          response: { 200: memberSummarySchema },
        },
      },
      async (request) => summary.getMemberSummary(db, actorOf(request), request.params.memberId),
    );
    app.post(
      "/api/members/:memberId/clinical-notes",
      {
        preHandler: requireActor,
        preValidation: async (request) => {
          const { memberId } = request.params as { memberId: string };
          await notes.refuseNoteWithoutGrant(db, actorOf(request), memberId);
        },
        schema: {
          operationId: "createClinicalNote",
          tags: ["care"],
          params: memberIdParamsSchema,
          body: clinicalNoteRequestSchema,
          response: { 201: clinicalNoteSchema },
        },
      },
      async (request, reply) => {
        const result = await notes.createClinicalNote(
          db,
          actorOf(request),
          request.params.memberId,
          request.body.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    app.get(
      "/api/members/:memberId/clinical-notes",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listClinicalNotes",
          tags: ["care"],
          params: memberIdParamsSchema,
          response: { 200: clinicalNoteListSchema },
        },
      },
      async (request) => notes.listClinicalNotes(db, actorOf(request), request.params.memberId),
    );
    app.get(
      "/api/members/:memberId/supporter-view",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getSupporterView",
          tags: ["care"],
          params: memberIdParamsSchema,
          response: { 200: supporterViewSchema },
        },
      },
      async (request) => supporter.getSupporterView(db, actorOf(request), request.params.memberId),
    );
    app.get(
      "/api/members/:memberId/report.pdf",
      {
        preHandler: requireActor,
        schema: { operationId: "getReportPdf", tags: ["care"], params: memberIdParamsSchema },
      },
      async (request, reply) => {
        const now = new Date();
        const memberSummary = await summary.getMemberSummary(
          db,
          actorOf(request),
          request.params.memberId,
          now,
          "report",
        );
        const pdf = await renderReportPdf(memberSummary, now);
        // Named by the member's local day the summary ends on, for a browser's download.
        return reply
          .type("application/pdf")
          .header(
            "content-disposition",
            `inline; filename="waymark-summary-${memberSummary.to}.pdf"`,
          )
          .send(pdf);
      },
    );
    app.get(
      "/api/members/:memberId/fhir",
      {
        preHandler: requireActor,
        schema: { operationId: "exportFhir", tags: ["care"], params: memberIdParamsSchema },
      },
      async (request, reply) => {
        const now = new Date();
        const exported = await summary.getMemberExport(
          db,
          actorOf(request),
          request.params.memberId,
          now,
        );
        return reply
          .type("application/fhir+json")
          .header(
            "content-disposition",
            `attachment; filename="waymark-record-${exported.summary.to}.json"`,
          )
          .send(JSON.stringify(fhirBundle(exported.summary, exported, now)));
      },
    );
    app.post(
      "/api/members/:memberId/plan-suggestions",
      {
        preHandler: requireActor,
        preValidation: async (request) => {
          const { memberId } = request.params as { memberId: string };
          await suggestions.refuseSuggestionWithoutGrant(db, actorOf(request), memberId);
        },
        schema: {
          operationId: "suggestPlanStep",
          tags: ["care"],
          params: memberIdParamsSchema,
          body: suggestPlanStepRequestSchema,
          response: { 201: planSuggestionSchema },
        },
      },
      async (request, reply) => {
        const result = await suggestions.suggestPlanStep(
          db,
          actorOf(request),
          request.params.memberId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    app.get(
      "/api/members/:memberId/plan-suggestions",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listPlanSuggestions",
          tags: ["care"],
          params: memberIdParamsSchema,
          response: { 200: planSuggestionListSchema },
        },
      },
      async (request) =>
        suggestions.listPlanSuggestions(db, actorOf(request), request.params.memberId),
    );
    app.post(
      "/api/members/:memberId/plan-suggestions/:suggestionId/response",
      {
        preHandler: requireActor,
        schema: {
          operationId: "respondToSuggestion",
          tags: ["care"],
          params: suggestionParamsSchema,
          body: respondToSuggestionRequestSchema,
          response: { 200: planSuggestionSchema },
        },
      },
      async (request) =>
        suggestions.respondToSuggestion(
          db,
          actorOf(request),
          request.params.memberId,
          request.params.suggestionId,
          request.body.response,
        ),
    );
    app.post(
      "/api/members/:memberId/support-requests",
      {
        preHandler: requireActor,
        schema: {
          operationId: "askForSupport",
          tags: ["care"],
          params: memberIdParamsSchema,
          body: askForSupportRequestSchema,
          response: { 200: supportRequestSchema, 201: supportRequestSchema },
        },
      },
      async (request, reply) => {
        const { memberId } = request.params;
        const result = await supportRequests.askForSupport(
          db,
          actorOf(request),
          memberId,
          writeOnceFor(db, request),
          new Date(),
          (ask) => {
            const timer = setTimeout(() => {
              pendingNotices.delete(timer);
              const options = { dataDir: config.dataDir, publicUrl: config.publicUrl };
              notifySupportersOfAsk(db, memberId, ask.id, options).catch((error: unknown) =>
                app.log.error({ err: error }, "could not notify supporters of an ask"),
              );
            }, SUPPORT_REQUEST_NOTIFY_DELAY_MS);
            timer.unref();
            pendingNotices.add(timer);
          },
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );
    app.get(
      "/api/members/:memberId/support-requests/open",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getOpenSupportRequest",
          tags: ["care"],
          params: memberIdParamsSchema,
          response: { 200: openSupportRequestSchema },
        },
      },
      async (request) =>
        supportRequests.getOpenSupportRequest(db, actorOf(request), request.params.memberId),
    );

    app.delete(
      "/api/members/:memberId/support-requests/:requestId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "withdrawSupportRequest",
          tags: ["care"],
          params: supportRequestParamsSchema,
          response: { 200: okSchema },
        },
      },
      async (request, reply) => {
        const { memberId, requestId } = request.params;
        const result = await supportRequests.withdrawSupportRequest(
          db,
          actorOf(request),
          memberId,
          requestId,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );
  };
}
