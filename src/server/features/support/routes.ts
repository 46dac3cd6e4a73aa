import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { okSchema } from "../../../domain/api/auth";
import { memberIdParamsSchema } from "../../../domain/api/members";
import {
  contactBodySchema,
  contactListSchema,
  contactSchema,
  crisisParamsSchema,
  crisisQuerySchema,
  crisisResourcesSchema,
  memberContactParamsSchema,
  naloxoneBodySchema,
  naloxoneSchema,
  naloxoneStateSchema,
  setCrisisResourcesBodySchema,
} from "../../../domain/api/support";
import type { AppContext } from "../../app-context";
import { writeOnceFor } from "../../http/idempotency";
import { actorOf, requireActor } from "../../security/session";
import * as contacts from "./contacts-service";
import * as crisis from "./crisis-service";
import { meetingRoutes } from "./meeting-routes";

/** The support side: people, meetings and attendance (meeting-routes.ts), crisis lines. */
export function supportRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;

  return async (app) => {
    await app.register(meetingRoutes(context));

    app.get(
      "/api/members/:memberId/contacts",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listContacts",
          tags: ["support"],
          params: memberIdParamsSchema,
          response: { 200: contactListSchema },
        },
      },
      async (request) => contacts.listContacts(db, actorOf(request), request.params.memberId),
    );

    app.post(
      "/api/members/:memberId/contacts",
      {
        preHandler: requireActor,
        schema: {
          operationId: "createContact",
          tags: ["support"],
          params: memberIdParamsSchema,
          body: contactBodySchema,
          response: { 201: contactSchema },
        },
      },
      async (request, reply) => {
        const result = await contacts.createContact(
          db,
          actorOf(request),
          request.params.memberId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );

    app.put(
      "/api/members/:memberId/contacts/:contactId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "updateContact",
          tags: ["support"],
          params: memberContactParamsSchema,
          body: contactBodySchema,
          response: { 200: contactSchema },
        },
      },
      async (request, reply) => {
        const { memberId, contactId } = request.params;
        const result = await contacts.updateContact(
          db,
          actorOf(request),
          memberId,
          contactId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );

    app.delete(
      "/api/members/:memberId/contacts/:contactId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "deleteContact",
          tags: ["support"],
          params: memberContactParamsSchema,
          response: { 200: okSchema },
        },
      },
      async (request) =>
        contacts.deleteContact(
          db,
          actorOf(request),
          request.params.memberId,
          request.params.contactId,
        ),
    );

    // Public: someone in crisis may not be signed in (the web app also caches these offline).
    app.get(
      "/api/crisis-resources",
      {
        schema: {
          operationId: "getCrisisResources",
          tags: ["crisis"],
          querystring: crisisQuerySchema,
          response: { 200: crisisResourcesSchema },
        },
      },
      async (request) =>
        crisis.getCrisisResources(db, request.actor, request.query.locale, request.query.region),
    );

    app.put(
      "/api/organizations/:organizationId/crisis-resources/:region",
      {
        preHandler: requireActor,
        schema: {
          operationId: "setCrisisResources",
          tags: ["crisis"],
          params: crisisParamsSchema,
          body: setCrisisResourcesBodySchema,
          response: { 200: crisisResourcesSchema },
        },
      },
      async (request) =>
        crisis.setCrisisResources(
          db,
          actorOf(request),
          request.params.organizationId,
          request.params.region,
          request.body.resources,
        ),
    );

    app.get(
      "/api/members/:memberId/naloxone",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getNaloxone",
          tags: ["crisis"],
          params: memberIdParamsSchema,
          response: { 200: naloxoneStateSchema },
        },
      },
      async (request) => crisis.getNaloxone(db, actorOf(request), request.params.memberId),
    );

    app.put(
      "/api/members/:memberId/naloxone",
      {
        preHandler: requireActor,
        schema: {
          operationId: "setNaloxone",
          tags: ["crisis"],
          params: memberIdParamsSchema,
          body: naloxoneBodySchema,
          response: { 200: naloxoneSchema },
        },
      },
      async (request) =>
        crisis.setNaloxone(db, actorOf(request), request.params.memberId, request.body),
    );
  };
}
