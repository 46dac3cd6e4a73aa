import type { z } from "zod";
import type {
  AcceptInviteBody,
  CreateInviteBody,
  inviteSchema,
  Me,
  meSchema,
  okSchema,
  otherSessionsEndedSchema,
  publicConfigSchema,
  SessionInfo,
  SignInBody,
  SignUpBody,
  sessionListSchema,
} from "../domain/api/auth";
import type { ErrorBody } from "../domain/api/errors";

/**
 * The PWA's only door to the server. Answers are typed by the shared zod schemas but not
 * parsed here (the server checked them as it sent them); request bodies are checked with the
 * server's own schemas where a form sends them (`validated`).
 */

export type { PublicConfig as ServerConfig } from "../domain/api/auth";

/** Server error codes, plus two the client makes up: network_error, http_error. */
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

/** A request body: any JSON object, never a zod schema (answers are typed, not parsed; below). */
export type RequestBody = { readonly [key: string]: unknown; _zod?: never };

/**
 * One request to the API. Feature modules (screens/<feature>/api.ts) build on this rather
 * than growing this file. `headers` carries extras such as an Idempotency-Key.
 *
 * The answer's type is named by its schema, as a type only (`call<typeof planSchema>(…)`):
 * the server checks every answer against that same schema as it sends it (its response
 * serializer), so the browser never parses answers and never has to build the schemas
 * before a screen can draw (docs/architecture.md, "zod in the browser").
 */
export async function call<Schema extends z.ZodType>(
  method: Method,
  path: string,
  body?: RequestBody,
  headers?: Record<string, string>,
): Promise<z.output<Schema>> {
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
  return answerOf<z.output<Schema>>(response);
}

/** The answer's JSON, or the ApiError it stands for. Also used for an answer fetched early. */
export async function answerOf<Answer>(response: Response): Promise<Answer> {
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response, payload);
  return payload as Answer;
}

const jsonHeaders = { accept: "application/json", "content-type": "application/json" };

function toApiError(response: Response, payload: unknown): ApiError {
  const retryAfter = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
  const error = isErrorBody(payload) ? payload.error : null;
  if (!error) {
    return new ApiError(
      response.status,
      "http_error",
      response.statusText,
      undefined,
      retryAfterSeconds,
    );
  }
  return new ApiError(response.status, error.code, error.message, error.field, retryAfterSeconds);
}

/** The one error shape (http/error-handler.ts), checked by hand: no schema on the first load. */
function isErrorBody(payload: unknown): payload is ErrorBody {
  if (typeof payload !== "object" || payload === null || !("error" in payload)) return false;
  const { error } = payload;
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string" &&
    "message" in error &&
    typeof error.message === "string" &&
    (!("field" in error) || error.field === undefined || typeof error.field === "string")
  );
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

/**
 * The account forms' body schemas, loaded when a form is first sent: the first load (sign-in,
 * Today) carries no zod at all (docs/architecture.md, "zod in the browser").
 */
const authSchemas = () => import("../domain/api/auth");

export const api = {
  config: () => call<typeof publicConfigSchema>("GET", "/config"),

  /** The signed-in person, or null when nobody is signed in on this browser. */
  async me(): Promise<Me | null> {
    try {
      return await call<typeof meSchema>("GET", "/me");
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  signUp: async (body: SignUpBody) =>
    call<typeof meSchema>(
      "POST",
      "/auth/sign-up",
      validated((await authSchemas()).signUpBodySchema, body),
    ),

  signIn: async (body: SignInBody) =>
    call<typeof meSchema>(
      "POST",
      "/auth/sign-in",
      validated((await authSchemas()).signInBodySchema, body),
    ),

  signOut: () => call<typeof okSchema>("POST", "/auth/sign-out", {}),

  async sessions(): Promise<SessionInfo[]> {
    const list = await call<typeof sessionListSchema>("GET", "/sessions");
    return list.sessions;
  },

  /** Every device but this one, with the password (ASVS 7.4.3). */
  endOtherSessions: (password: string) =>
    call<typeof otherSessionsEndedSchema>("POST", "/sessions/end-others", { password }),

  /** Another device's session takes the password again (ASVS 7.5.2). */
  endSession: (sessionId: string, password: string) =>
    call<typeof okSchema>("DELETE", `/sessions/${encodeURIComponent(sessionId)}`, { password }),

  createInvite: async (body: CreateInviteBody) =>
    call<typeof inviteSchema>(
      "POST",
      "/invites",
      validated((await authSchemas()).createInviteBodySchema, body),
    ),

  acceptInvite: async (body: AcceptInviteBody) =>
    call<typeof meSchema>(
      "POST",
      "/invites/accept",
      validated((await authSchemas()).acceptInviteBodySchema, body),
    ),
};
