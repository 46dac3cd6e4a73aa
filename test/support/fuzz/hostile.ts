import fc from "fast-check";

/**
 * What an attacker or a broken client sends instead of what the schema asks for: injection
 * strings, path tricks, control characters, huge and deeply nested values, wrong types.
 * None of it may cause a 5xx, change a row or reveal another member's data.
 */
const HOSTILE_STRINGS = [
  "",
  " ",
  "' OR '1'='1' --",
  "'; DROP TABLE users; --",
  '"},"role":"admin","x":{"',
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "\u0000",
  "\u202e\u0041\u0042",
  "\ud800",
  "😀".repeat(50),
  "a".repeat(70_000),
  "__proto__",
  "constructor",
  "NaN",
  "-1",
  "1e309",
  "9007199254740993",
  "00000000-0000-0000-0000-000000000000",
  "2026-02-30",
  "24:61",
  "9999-12-31T23:59:59.999Z",
  "javascript:alert(1)",
  "file:///etc/passwd",
  "http://169.254.169.254/latest/meta-data/",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell-style probe, literally.
  "${jndi:ldap://127.0.0.1/a}",
  "{{7*7}}",
  "%s%s%s%n",
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: "binary" }) },
);

const deeplyNested = fc.integer({ min: 50, max: 400 }).map((depth) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
});

/** Any JSON value at all, weighted toward the kinds that break careless code. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER + 2,
      [],
      {},
      [null],
      { __proto__: { admin: true } },
      { constructor: { prototype: { admin: true } } },
    ),
  },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: fc.array(fc.integer(), { minLength: 1_000, maxLength: 2_000 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A valid body spoiled one way: a field dropped, a field replaced, a field added, or all of it. */
export function spoiled(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), hostileValue, fc.constantFrom("drop", "replace", "add", "whole"))
    .map(([body, pick, replacement, how]) => {
      if (how === "whole" || typeof body !== "object" || body === null || Array.isArray(body)) {
        return replacement;
      }
      const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys.length > 0 ? (keys[pick % keys.length] as string) : "extra";
      if (how === "drop") delete copy[key];
      else if (how === "replace") copy[key] = replacement;
      else copy[`extra_${pick % 7}`] = replacement;
      return copy;
    });
}

/** Raw payloads that are not JSON at all, or not the JSON they claim to be. */
export const malformedPayload = fc.constantFrom(
  "{",
  '{"a":}',
  "[1,2,",
  "null",
  '"just a string"',
  "\u0000\u0001\u0002",
  '{"__proto__":{"isAdmin":true}}',
  "a=1&b=2",
  "x".repeat(70 * 1024),
);

export const hostileContentType = fc.constantFrom(
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-7",
  "application/xml",
);
