import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { memberIdParamsSchema } from "../../../domain/api/members";
import {
  attendanceBodySchema,
  attendanceListSchema,
  attendanceRangeQuerySchema,
  attendanceSchema,
  meetingImportBodySchema,
  meetingImportResultSchema,
  meetingSchema,
  meetingSearchQuerySchema,
  meetingSearchSchema,
  memberMeetingParamsSchema,
  saveMeetingBodySchema,
} from "../../../domain/api/support";
import type { AppContext } from "../../app-context";
import { writeOnceFor } from "../../http/idempotency";
import { actorOf, requireActor } from "../../security/session";
import * as attendance from "./attendance-service";
import { FEED_MAX_BYTES } from "./feed-fetch";
import { importMeetingFeed } from "./meeting-import";
import * as meetings from "./meetings-service";

/** Meetings (import, hand entry, search, favourites) and attendance with its PDF record. */
export function meetingRoutes({ db, config }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/meetings/imports",
      {
        preHandler: requireActor,
        // A whole region's feed is far bigger than the app's usual small JSON bodies.
        bodyLimit: FEED_MAX_BYTES,
        schema: {
          operationId: "importMeetingFeed",
          tags: ["meetings"],
          body: meetingImportBodySchema,
          response: { 201: meetingImportResultSchema },
        },
      },
      async (request, reply) => {
        const result = await importMeetingFeed(
          db,
          config,
          actorOf(request),
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 201).send(result.body);
      },
    );

    app.post(
      "/api/members/:memberId/meetings",
      {
        preHandler: requireActor,
        schema: {
          operationId: "createMeeting",
          tags: ["meetings"],
          params: memberIdParamsSchema,
          // One row in the Meeting Guide shape (name, day, time, types, address, …).
          body: z.record(z.string(), z.unknown()),
          response: { 201: meetingSchema },
        },
      },
      async (request, reply) => {
        const result = await meetings.createMeeting(
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
      "/api/members/:memberId/meetings",
      {
        preHandler: requireActor,
        schema: {
          operationId: "searchMeetings",
          tags: ["meetings"],
          params: memberIdParamsSchema,
          querystring: meetingSearchQuerySchema,
          response: { 200: meetingSearchSchema },
        },
      },
      async (request) =>
        meetings.searchMeetings(db, actorOf(request), request.params.memberId, request.query),
    );

    app.put(
      "/api/members/:memberId/saved-meetings/:meetingId",
      {
        preHandler: requireActor,
        schema: {
          operationId: "saveMeeting",
          tags: ["meetings"],
          params: memberMeetingParamsSchema,
          body: saveMeetingBodySchema,
          response: { 200: meetingSchema },
        },
      },
      async (request, reply) => {
        const result = await meetings.saveMeeting(
          db,
          actorOf(request),
          request.params.memberId,
          request.params.meetingId,
          request.body,
          writeOnceFor(db, request),
        );
        return reply.code(result.statusCode as 200).send(result.body);
      },
    );

    app.post(
      "/api/members/:memberId/attendance",
      {
        preHandler: requireActor,
        schema: {
          operationId: "logAttendance",
          tags: ["meetings"],
          params: memberIdParamsSchema,
          body: attendanceBodySchema,
          response: { 201: attendanceSchema },
        },
      },
      async (request, reply) => {
        const result = await attendance.logAttendance(
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
      "/api/members/:memberId/attendance",
      {
        preHandler: requireActor,
        schema: {
          operationId: "listAttendance",
          tags: ["meetings"],
          params: memberIdParamsSchema,
          querystring: attendanceRangeQuerySchema,
          response: { 200: attendanceListSchema },
        },
      },
      async (request) =>
        attendance.listAttendance(db, actorOf(request), request.params.memberId, request.query),
    );

    app.get(
      "/api/members/:memberId/attendance.pdf",
      {
        preHandler: requireActor,
        schema: {
          operationId: "getAttendancePdf",
          tags: ["meetings"],
          params: memberIdParamsSchema,
          querystring: attendanceRangeQuerySchema,
        },
      },
      async (request, reply) => {
        const pdf = await attendance.getAttendancePdf(
          db,
          actorOf(request),
          request.params.memberId,
          request.query,
        );
        return reply
          .type("application/pdf")
          .header("content-disposition", 'attachment; filename="attendance.pdf"')
          .send(pdf);
      },
    );
  };
}
