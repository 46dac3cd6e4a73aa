import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { startCluster } from "./postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** Starts one PostgreSQL cluster for the whole integration run; each test file makes its own database. */
export default async function setup(project: TestProject) {
  // A few tests start the real bundled server (test/support/server-process.ts); build it fresh.
  execFileSync(process.execPath, ["scripts/build-server.mjs"], { stdio: "inherit" });
  const cluster = await startCluster();
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
