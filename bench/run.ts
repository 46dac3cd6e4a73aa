import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSqlite, openStore } from "../src/server/db/connect";
import { startCluster } from "../test/support/postgres-cluster";
import { runFuzz } from "./fuzz";
import {
  LIGHTHOUSE_RUNS,
  type LighthouseRun,
  measureLighthouse,
  pageName,
} from "./lighthouse-pages";
import type { LoadOptions } from "./load";
import { measureGroupCommit } from "./measure-group-commit";
import { measureReads } from "./measure-reads";
import { measureFloor, measureWaymark, signInMembers, type WriteSettings } from "./measure-write";
import { freePort, run, startAndWait } from "./processes";
import { type Line, table } from "./report";
import { median } from "./stats";
import { initialSizes } from "./web";

/**
 * `npm run bench [-- --quick] [-- --no-lighthouse] [-- --no-postgres] [-- --no-fuzz]`: seeds
 * throwaway databases, measures the budgets of issue 9 on loopback, writes
 * bench/results/latest.json and prints the table. Numbers are judged by people, never by CI.
 *
 * On a shared machine, measure only what you need: `--only=write` (floor and Waymark, side
 * by side), `--only=reads` (progress and caseload), `--only=cold`, `--only=web` (sizes and
 * Lighthouse), `--only=fuzz` (full runs only), or several (`--only=write,reads`).
 * `--profile` writes a CPU profile of Waymark under the write load to
 * bench/results/profiles and prints its top functions; `--load-seconds=N` lengthens the load.
 */
const args = process.argv.slice(2);
const argv = new Set(args);
const option = (name: string) =>
  args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
const quick = argv.has("--quick");
const MODE = quick
  ? { members: 1_000, days: 60, sessions: 200, loadSeconds: 3, warmupSeconds: 1, calls: 100 }
  : { members: 10_000, days: 365, sessions: 2_000, loadSeconds: 10, warmupSeconds: 2, calls: 500 };
const PARTS = ["write", "reads", "cold", "web", "fuzz"] as const;
const only = option("only")?.split(",") ?? [...PARTS];
const unknownPart = only.find((part) => !(PARTS as readonly string[]).includes(part));
if (unknownPart) throw new Error(`--only takes ${PARTS.join(", ")}; not ${unknownPart}`);
const wants = (part: (typeof PARTS)[number]) => only.includes(part);
const LOAD_SECONDS = Number(option("load-seconds") ?? MODE.loadSeconds);
const LONG_HISTORY_DAYS = 3_650;
const FUZZ_REQUESTS = 10_000;
const SEED = 1;
const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const BUNDLE = path.resolve("dist/server/waymark.js");
const WEB_DIR = path.resolve("dist/web");
const PROFILE_DIR = path.resolve("bench/results/profiles");
const lastDay = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const say = (text: string) => process.stderr.write(`bench: ${text}\n`);

async function main() {
  const startedAt = new Date();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-bench-"));
  const results: Record<string, unknown> = {
    startedAt: startedAt.toISOString(),
    mode: quick ? "quick" : "full",
    command: `npm run bench${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`,
    machine: machine(),
    git: gitState(),
    dataSet: {
      members: MODE.members,
      days: MODE.days,
      longHistoryDays: LONG_HISTORY_DAYS,
      seed: SEED,
    },
  };
  const lines: Line[] = [];
  try {
    await ensureBuilt();
    const sqliteDir = path.join(work, "sqlite");
    if (wants("write") || wants("reads") || wants("cold"))
      results.seedSqlite = await seed({ WAYMARK_DATA_DIR: sqliteDir });

    if (wants("write")) {
      const store = openSqlite(path.join(sqliteDir, "waymark.sqlite"));
      const signedIn = await signInMembers(store, MODE.sessions);
      await store.close();
      const load: LoadOptions = {
        connections: 50,
        durationSeconds: LOAD_SECONDS,
        daySpread: MODE.days,
        lastDay,
      };
      const settings: WriteSettings = {
        bundle: BUNDLE,
        warmupSeconds: MODE.warmupSeconds,
        profileDir: argv.has("--profile") ? PROFILE_DIR : null,
        serverEnv,
        say,
      };
      const floor = await measureFloor(sqliteDir, signedIn, load, settings);
      const waymark = await measureWaymark(sqliteDir, signedIn, load, settings);
      const groupCommit = await measureGroupCommit(sqliteDir, signedIn, load, quick ? 500 : 2_000);
      results.writePath = { connections: 50, seconds: LOAD_SECONDS, floor, waymark, groupCommit };
      lines.push(
        { measure: "write: floor req/s", value: floor.requestsPerSecond, unit: "" },
        { measure: "write: Waymark req/s", value: waymark.requestsPerSecond, unit: "" },
        {
          measure: "write: Waymark / floor",
          value: (waymark.requestsPerSecond / floor.requestsPerSecond) * 100,
          unit: "%",
          budget: { kind: "min", limit: 50 },
        },
        { measure: "write: Waymark p50", value: waymark.p50, unit: "ms" },
        {
          measure: "write: Waymark p99",
          value: waymark.p99,
          unit: "ms",
          budget: { kind: "max", limit: 25, strict: true },
        },
        { measure: "write: floor p99", value: floor.p99, unit: "ms" },
        {
          measure: "write: fsyncs per check-in (in process, 50 at once)",
          value: groupCommit.fsyncsPerCheckin,
          unit: "",
          note: `${groupCommit.fsyncs} for ${groupCommit.requests}; the floor: 1 each`,
        },
        {
          measure: "write: server CPU per request, floor",
          value: floor.serverCpuMsPerRequest,
          unit: "ms",
        },
        {
          measure: "write: server CPU per request, Waymark",
          value: waymark.serverCpuMsPerRequest,
          unit: "ms",
        },
        {
          measure: "write: timed out (floor, Waymark)",
          value: null,
          unit: "",
          note: `${floor.timeouts}, ${waymark.timeouts} of ${floor.requests}, ${waymark.requests}`,
        },
      );
    }

    if (wants("reads")) {
      say("measuring progress and caseload on SQLite");
      const store = openSqlite(path.join(sqliteDir, "waymark.sqlite"));
      results.sqlite = await measureReads(store, MODE.calls, sqliteDir);
      await store.close();
      lines.push(...readLines("SQLite", results.sqlite as ReadResults));
      if (!argv.has("--no-postgres")) {
        const cluster = await startCluster();
        try {
          results.seedPostgres = await seed({ DATABASE_URL: cluster.url });
          say("measuring progress and caseload on PostgreSQL");
          const pgStore = openStore({ databaseUrl: cluster.url, dataDir: work });
          results.postgres = await measureReads(pgStore, MODE.calls, work);
          await pgStore.close();
          lines.push(...readLines("PostgreSQL", results.postgres as ReadResults));
        } finally {
          cluster.stop();
        }
      }
    }

    if (wants("cold")) {
      const coldStarts = await measureColdStarts(sqliteDir, 5);
      results.coldStart = { samplesMs: coldStarts, medianMs: median(coldStarts) };
      lines.push({
        measure: "cold start (median of 5)",
        value: median(coldStarts),
        unit: "ms",
        budget: { kind: "max", limit: 1000, strict: true },
      });
    }

    if (wants("web")) {
      const sizes = initialSizes(WEB_DIR);
      results.webSizes = sizes;
      lines.push(
        {
          measure: "initial JS gzip",
          value: sizes.jsGzipKb,
          unit: "KB",
          budget: { kind: "max", limit: 150 },
        },
        { measure: "initial CSS gzip", value: sizes.cssGzipKb, unit: "KB" },
      );
      if (argv.has("--no-lighthouse")) {
        lines.push({
          measure: "Lighthouse",
          value: null,
          unit: "",
          note: "skipped (--no-lighthouse)",
        });
      } else {
        const lighthouse = await measureLighthouse({
          bundle: BUNDLE,
          work,
          chromium: CHROMIUM,
          serverEnv,
          say,
          runs: quick ? 1 : LIGHTHOUSE_RUNS,
          reportDir: "bench/results",
        });
        results.lighthouse = lighthouse.scores;
        results.lighthouseFailures = lighthouse.failures;
        lines.push(...lighthouseLines(lighthouse));
      }
    }
    // Hostile requests from the OpenAPI document, in full (npm test sends one round).
    if (wants("fuzz") && !quick && !argv.has("--no-fuzz")) results.fuzz = runFuzz(FUZZ_REQUESTS);
    results.lines = lines;
  } finally {
    results.finishedAt = new Date().toISOString();
    results.seconds = (Date.now() - startedAt.getTime()) / 1000;
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync("bench/results/latest.json", `${JSON.stringify(results, null, 2)}\n`);
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(
    `\nWaymark bench (${results.mode}, ${(results.seconds as number).toFixed(0)} s) — bench/results/latest.json\n\n${table(lines)}\n`,
  );
}

type ReadResults = Awaited<ReturnType<typeof measureReads>>;

function readLines(name: string, reads: ReadResults): Line[] {
  return [
    { measure: `progress 10 y (${name}) p50`, value: reads.progress.p50, unit: "ms" },
    {
      measure: `progress 10 y (${name}) p99`,
      value: reads.progress.p99,
      unit: "ms",
      budget: { kind: "max", limit: 20, strict: true },
    },
    {
      measure: `caseload ${reads.caseloadMembers} (${name}) p50`,
      value: reads.caseload.p50,
      unit: "ms",
    },
    {
      measure: `caseload ${reads.caseloadMembers} (${name}) p95`,
      value: reads.caseload.p95,
      unit: "ms",
      budget: { kind: "max", limit: 100, strict: true },
      note: `getCaseload of ${MODE.members.toLocaleString("en-US")} members`,
    },
    {
      measure: `caseload ${reads.caseloadMembers} (${name}) p99`,
      value: reads.caseload.p99,
      unit: "ms",
    },
  ];
}

function lighthouseLines(lighthouse: LighthouseRun): Line[] {
  const lines: Line[] = [];
  for (const page of lighthouse.scores) {
    const name = pageName(page.url);
    lines.push(
      {
        measure: `Lighthouse ${name} performance`,
        value: page.performance,
        unit: "",
        budget: { kind: "min", limit: 90 },
        ...(page.runs && page.runs.length > 1 ? { note: `median of ${page.runs.join(", ")}` } : {}),
      },
      {
        measure: `Lighthouse ${name} accessibility`,
        value: page.accessibility,
        unit: "",
        budget: { kind: "min", limit: 100 },
      },
    );
  }
  for (const failure of lighthouse.failures) {
    lines.push({
      measure: `Lighthouse ${pageName(failure.url)}`,
      value: null,
      unit: "",
      note: `not measured: Lighthouse failed (${failure.error})`,
    });
  }
  return lines;
}

/** Measures what `npm start` ships: the same build (web app, its pre-compressed assets, the
 * server bundle) is made fresh at every run, so a stale or partial dist/ cannot skew a figure. */
async function ensureBuilt() {
  say("building what npm start ships (vite build, precache-web, compress-web, build-server)");
  await run(path.resolve("node_modules/.bin/vite"), ["build", "--logLevel", "warn"]);
  await run(process.execPath, ["scripts/precache-web.mjs"]);
  await run(process.execPath, ["scripts/compress-web.mjs"]);
  await run(process.execPath, ["scripts/build-server.mjs"]);
}

async function seed(env: Record<string, string>) {
  const started = Date.now();
  const args = [
    BUNDLE,
    "seed-bench",
    "--members",
    String(MODE.members),
    "--days",
    String(MODE.days),
  ];
  args.push(
    "--seed",
    String(SEED),
    "--long-history",
    String(LONG_HISTORY_DAYS),
    "--last-day",
    lastDay,
  );
  say(
    `seeding ${env.DATABASE_URL ? "PostgreSQL" : "SQLite"}: ${MODE.members} members × ${MODE.days} days`,
  );
  const output = await run(
    process.execPath,
    args,
    { ...process.env, ...env },
    { passStderr: true },
  );
  const result = JSON.parse(output.trim().split("\n").at(-1) as string) as {
    rows: Record<string, number>;
  };
  const rows = Object.values(result.rows).reduce((sum, count) => sum + count, 0);
  const seconds = (Date.now() - started) / 1000;
  return { seconds, rows, rowsPerSecond: rows / seconds, tables: result.rows };
}

async function measureColdStarts(dataDir: string, times: number): Promise<number[]> {
  say(`cold start × ${times}`);
  const samples: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const port = await freePort();
    const server = await startAndWait(
      process.execPath,
      [BUNDLE, "serve"],
      serverEnv(dataDir, port),
      `http://127.0.0.1:${port}/api/health`,
    );
    samples.push(server.readyMs);
    await server.stop();
  }
  return samples;
}

function serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    WAYMARK_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  return env;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

function gitState() {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      encoding: "utf8",
    }).trim();
    const dirty =
      execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim() !== "";
    return { commit, dirty };
  } catch {
    return null;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
