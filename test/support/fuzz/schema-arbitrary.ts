import fc from "fast-check";

/**
 * Values that a JSON Schema from our OpenAPI document accepts, as fast-check arbitraries, so
 * that the fuzzer's requests get past validation and reach the services, not only the
 * validator. It covers what zod's JSON Schema output uses in our document (types, enums,
 * bounds, patterns, formats, anyOf/oneOf, objects and arrays); anything else yields any JSON.
 */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

/** Long enough to reach a field's limit now and then; short enough to keep runs quick. */
const LONGEST_STRING = 300;
const LONGEST_ARRAY = 6;
/** Local days ('YYYY-MM-DD'): a pattern alone would make mostly impossible dates. */
const LOCAL_DAY_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

export function arbitraryFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, depth + 1)));
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => arbitraryFor({ ...schema, type }, depth + 1)));
  }
  switch (schema.type) {
    case "string":
      return stringFor(schema);
    case "integer":
      return fc.integer({ min: lowest(schema, -1_000_000), max: highest(schema, 1_000_000) });
    case "number":
      return fc.double({
        min: lowest(schema, -1_000_000),
        max: highest(schema, 1_000_000),
        noNaN: true,
      });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(arbitraryFor(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? LONGEST_ARRAY, LONGEST_ARRAY),
      });
    case "object":
      return objectFor(schema, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    record[name] = arbitraryFor(property, depth + 1);
  }
  const required = (schema.required ?? []).filter((name) => name in properties);
  return fc.record(record, { requiredKeys: required });
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, LONGEST_STRING));
  const byFormat = formatted(schema.pattern === LOCAL_DAY_PATTERN ? "date" : schema.format);
  if (byFormat) return byFormat;
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((s) => s.length >= minLength && s.length <= maxLength);
  }
  return fc.string({ minLength, maxLength, unit: "grapheme" });
}

function formatted(format: string | undefined): fc.Arbitrary<string> | null {
  switch (format) {
    case "date-time":
      return fc
        .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date(), noInvalidDate: true })
        .map((d) => d.toISOString());
    case "date":
      return fc
        .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date(), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "email":
      return fc.emailAddress();
    case "uuid":
      return fc.uuid();
    case "uri":
      // Only loopback, on the discard port: a fuzzed feed or push address must never make
      // the server reach anywhere but this machine.
      return fc.webSegment().map((segment) => `http://127.0.0.1:9/${segment}`);
    default:
      return null;
  }
}

function lowest(schema: JsonSchema, fallback: number): number {
  if (schema.minimum !== undefined) return schema.minimum;
  if (schema.exclusiveMinimum !== undefined) return schema.exclusiveMinimum + 1;
  return fallback;
}

function highest(schema: JsonSchema, fallback: number): number {
  if (schema.maximum !== undefined) return schema.maximum;
  if (schema.exclusiveMaximum !== undefined) return schema.exclusiveMaximum - 1;
  return fallback;
}
