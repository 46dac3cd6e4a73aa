import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorBody } from "../../domain/api/errors";
import { AppError } from "../errors";

/**
 * One place turns every failure into `{ error: { code, message } }` with the right status.
 * Client mistakes get a 4xx that says what to fix; anything else is our bug, logged, and
 * answered with a 500 that reveals nothing.
 */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: "malformed_json",
    message: "The request body is not valid JSON.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: "malformed_json",
    message: "The request body is empty but JSON was declared.",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: "payload_too_large",
    message: "The request body is too large.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: "unsupported_media_type",
    message: "Send the request body as application/json.",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: "bad_request",
    message: "The request's Content-Length does not match its body.",
  },
};

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return send(reply, error.statusCode, error.code, error.message, error.field);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const field = first?.instancePath.replace(/^\//, "").replaceAll("/", ".") || undefined;
    const where = error.validationContext === "body" ? "" : ` in the ${error.validationContext}`;
    const message = field
      ? `Check "${field}"${where}: ${first?.message ?? "it is not valid"}.`
      : `The request${where} is not valid: ${first?.message ?? "check it and try again"}.`;
    return send(reply, 400, "validation_error", message, field);
  }
  const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (known) return send(reply, known.status, known.code, known.message);
  if (error.statusCode === 429) {
    return send(
      reply,
      429,
      "rate_limited",
      "Too many tries from this device. Please wait and try again.",
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(reply, error.statusCode, "bad_request", error.message);
  }
  request.log.error({ err: error }, "unhandled error");
  return send(reply, 500, "internal_error", "Something went wrong on our side. Please try again.");
}

function send(reply: FastifyReply, status: number, code: string, message: string, field?: string) {
  const body: ErrorBody = { error: { code, message, ...(field ? { field } : {}) } };
  return reply.code(status).type("application/json").send(body);
}
