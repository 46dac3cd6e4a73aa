import { spawnSync } from "node:child_process";

/**
 * The full fuzz run (issue 19): `npm test` sends one round of hostile requests per database,
 * the full bench sends `requests` per database. Its verdict is the test's own (no 5xx, no row
 * changed by a refusal, no other member's data in an answer); the bench records it and the
 * time it took.
 */
export interface FuzzResult {
  requestsPerDatabase: number;
  passed: boolean;
  seconds: number;
}

export function runFuzz(requests: number): FuzzResult {
  const started = Date.now();
  const outcome = spawnSync(
    "npx",
    ["vitest", "run", "--project", "int", "test/fuzz/openapi.fuzz.int.test.ts"],
    { stdio: "inherit", env: { ...process.env, WAYMARK_FUZZ_REQUESTS: String(requests) } },
  );
  return {
    requestsPerDatabase: requests,
    passed: outcome.status === 0,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}
