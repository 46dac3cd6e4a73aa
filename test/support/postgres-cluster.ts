import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findPostgresTool } from "../../src/server/db/postgres-tools";
import { freePort } from "./free-port";
import { ensureDebianPackage } from "./system-packages";

/**
 * A throwaway PostgreSQL cluster for the integration tests: initdb in a temp dir, started
 * with pg_ctl on a free loopback port, removed afterwards. PostgreSQL refuses to run as root,
 * so under root the cluster belongs to the `postgres` system user.
 */
export interface Cluster {
  url: string;
  stop(): void;
}

export async function startCluster(): Promise<Cluster> {
  const initdb = findOrInstall("initdb");
  const pgCtl = findPostgresTool("pg_ctl");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-pg-"));
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const runAs = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  if (runAs.length) execFileSync("chown", ["-R", "postgres", dir]);
  const exec = (command: string, args: string[]) => {
    const [program, ...rest] = [...runAs, command, ...args];
    execFileSync(program as string, rest, { stdio: "pipe" });
  };
  exec(initdb, ["-D", dataDir, "-A", "trust", "-U", "waymark", "--no-sync", "-E", "UTF8"]);
  // Durability settings are off only because this cluster is thrown away after the run.
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  exec(pgCtl, ["-D", dataDir, "-l", path.join(dir, "log"), "-o", serverOptions, "-w", "start"]);
  return {
    url: `postgres://waymark@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        exec(pgCtl, ["-D", dataDir, "-m", "immediate", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function findOrInstall(tool: string): string {
  try {
    return findPostgresTool(tool);
  } catch {
    ensureDebianPackage("postgresql", "The integration tests on PostgreSQL");
    return findPostgresTool(tool);
  }
}
