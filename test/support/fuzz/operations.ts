import fc from "fast-check";
import {
  hostileContentType,
  hostileString,
  hostileValue,
  malformedPayload,
  spoiled,
} from "./hostile";
import { arbitraryFor, type JsonSchema } from "./schema-arbitrary";

/** One operation of the OpenAPI document, as the fuzzer needs it. */
export interface Operation {
  operationId: string;
  method: string;
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export function operationsOf(document: {
  paths: Record<string, Record<string, OpenApiOperation>>;
}): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const pick = (where: string) =>
        parameters
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, schema: p.schema ?? {} }));
      return {
        operationId: operation.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: pick("path"),
        queryParams: pick("query"),
        body: operation.requestBody?.content?.["application/json"]?.schema ?? null,
      };
    }),
  );
}

/** A request ready for Fastify's inject. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/**
 * Requests for one operation: path and query values that are valid, known ids (of this
 * member, of another member, of anything in the database) or hostile; bodies that are
 * valid, spoiled, hostile, not JSON, or sent under another content type.
 */
export function requestsFor(
  operation: Operation,
  ids: { members: readonly string[]; known: readonly string[] },
): fc.Arbitrary<FuzzRequest> {
  const pathValue = (name: string, schema: JsonSchema) =>
    fc.oneof(
      // Aim at real members most of the time: that is where a leak would be.
      { weight: name === "memberId" ? 12 : 0, arbitrary: fc.constantFrom(...ids.members) },
      { weight: 3, arbitrary: fc.constantFrom(...ids.known) },
      { weight: 3, arbitrary: arbitraryFor(schema).map(String) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: hostileString.filter((s) => s.length > 0 && s.length < 2_000) },
    );
  const path = fc
    .tuple(...operation.pathParams.map((p) => pathValue(p.name, p.schema)))
    .map((values) => {
      let index = 0;
      return operation.path.replace(/\{\w+\}/g, () => segment(String(values[index++])));
    });
  const query = fc
    .tuple(
      ...operation.queryParams.map((p) =>
        fc.option(
          fc.oneof(
            { weight: 3, arbitrary: arbitraryFor(p.schema) },
            { weight: 1, arbitrary: hostileValue },
          ),
          { freq: 2 },
        ),
      ),
    )
    .map((values) => {
      const search = new URLSearchParams();
      operation.queryParams.forEach((p, i) => {
        const value = values[i];
        if (value === null || value === undefined) return;
        search.set(p.name, typeof value === "object" ? JSON.stringify(value) : String(value));
      });
      const text = search.toString();
      return text ? `?${text}` : "";
    });
  const idempotencyKey = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: hostileString.filter((s) => !/[\r\n]/.test(s) && s.length < 300) },
  );
  const valid = operation.body ? arbitraryFor(operation.body) : fc.constant({});
  const body = fc.oneof(
    { weight: operation.body ? 4 : 1, arbitrary: valid.map(json) },
    { weight: 3, arbitrary: spoiled(valid).map(json) },
    { weight: 1, arbitrary: hostileValue.map(json) },
    { weight: 1, arbitrary: malformedPayload.map((payload) => ({ payload, type: JSON_TYPE })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, hostileContentType)
        .map(([value, type]) => ({ payload: JSON.stringify(value), type })),
    },
    { weight: operation.body ? 1 : 4, arbitrary: fc.constant(null) },
  );
  return fc
    .record({ path, query, body, idempotencyKey })
    .map(({ path, query, body, idempotencyKey }) => {
      const headers: Record<string, string> = {};
      if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey;
      const request: FuzzRequest = { method: operation.method, url: `${path}${query}`, headers };
      if (body && operation.method !== "GET") {
        headers["content-type"] = body.type;
        request.payload = body.payload;
      }
      return request;
    });
}

const JSON_TYPE = "application/json";

/** A path segment; a lone surrogate goes as the bytes of broken UTF-8, as a hostile client sends. */
function segment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .split(/([\ud800-\udfff])/)
      .map((part) => (/^[\ud800-\udfff]$/.test(part) ? "%ED%A0%80" : encodeURIComponent(part)))
      .join("");
  }
}

function json(value: unknown): { payload: string; type: string } {
  return { payload: JSON.stringify(value) ?? "null", type: JSON_TYPE };
}
