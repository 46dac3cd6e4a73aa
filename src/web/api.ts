import type { z } from "zod";
import {
  type AcceptInviteBody,
  acceptInviteBodySchema,
  type CreateInviteBody,
  createInviteBodySchema,
  inviteSchema,
  type Me,
  meSchema,
  okSchema,
  publicConfigSchema,
  type SessionInfo,
  type SignInBody,
  type SignUpBody,
  sessionListSchema,
  signInBodySchema,
  signUpBodySchema,
} from "../domain/api/auth";
import { errorBodySchema } from "../domain/api/errors";

/**
 * The PWA's only door to the server. In development and tests every response is checked
 * against the shared zod schemas, so a mismatch fails loudly here instead of as `undefined`
 * deep in a screen; the production build trusts what the server already checked.
 */

export type { PublicConfig as ServerConfig } from "../domain/api/auth";

/** Server error codes, plus three the client makes up: network_error, bad_response, http_error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** From the Retry-After header on 429, in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One request to the API. Feature modules (screens/<feature>/api.ts) build on this rather
 * than growing this file. `headers` carries extras such as an Idempotency-Key.
 */
export async function call<Schema extends z.ZodType>(
  method: Method,
  path: string,
  responseSchema: Schema,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<z.infer<Schema>> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: "same-origin",
      // A JSON content type makes every write a non-simple request, which other origins
      // cannot send without a CORS preflight the server never grants.
      headers: {
        ...(body === undefined ? { accept: "application/json" } : jsonHeaders),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network_error", "Network request failed");
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response, payload);
  // The server checks every answer against this same schema as it sends it (its response
  // serializer), so the production build trusts answers and spends a cheap phone's CPU on
  // drawing; development and tests check again, so a mismatch still fails loudly.
  if (import.meta.env.PROD) return payload as z.infer<Schema>;
  const parsed = responseSchema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(response.status, "bad_response", `Unexpected response from ${path}`);
  }
  return parsed.data;
}

const jsonHeaders = { accept: "application/json", "content-type": "application/json" };

function toApiError(response: Response, payload: unknown): ApiError {
  const retryAfter = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
  const parsed = errorBodySchema.safeParse(payload);
  if (!parsed.success) {
    return new ApiError(
      response.status,
      "http_error",
      response.statusText,
      undefined,
      retryAfterSeconds,
    );
  }
  const { code, message, field } = parsed.data.error;
  return new ApiError(response.status, code, message, field, retryAfterSeconds);
}

/**
 * Checks a request body with the same schema the server uses, so obvious mistakes (an email
 * without "@") are shown at once and offline, in the same shape as a server validation error.
 */
export function validated<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
): z.infer<Schema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path[0];
  throw new ApiError(
    400,
    "validation_error",
    parsed.error.message,
    typeof field === "string" ? field : undefined,
  );
}

/** An Idempotency-Key: random and unguessable (getRandomValues also works on plain http,
 * where randomUUID does not). Keep one per tap, so a retry of the same tap is the same write. */
export function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export const api = {
  config: () => call("GET", "/config", publicConfigSchema),

  /** The signed-in person, or null when nobody is signed in on this browser. */
  async me(): Promise<Me | null> {
    try {
      return await call("GET", "/me", meSchema);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  signUp: (body: SignUpBody) =>
    call("POST", "/auth/sign-up", meSchema, validated(signUpBodySchema, body)),

  signIn: (body: SignInBody) =>
    call("POST", "/auth/sign-in", meSchema, validated(signInBodySchema, body)),

  signOut: () => call("POST", "/auth/sign-out", okSchema, {}),

  async sessions(): Promise<SessionInfo[]> {
    const list = await call("GET", "/sessions", sessionListSchema);
    return list.sessions;
  },

  endSession: (sessionId: string) =>
    call("DELETE", `/sessions/${encodeURIComponent(sessionId)}`, okSchema),

  createInvite: (body: CreateInviteBody) =>
    call("POST", "/invites", inviteSchema, validated(createInviteBodySchema, body)),

  acceptInvite: (body: AcceptInviteBody) =>
    call("POST", "/invites/accept", meSchema, validated(acceptInviteBodySchema, body)),
};
