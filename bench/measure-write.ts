import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sessionLifetimeFor } from "../src/domain/session-lifetime";
import type { Store } from "../src/server/db/connect";
import { createSession } from "../src/server/security/session";
import { topSelfTime } from "./cpu-profile";
import { type LoadOptions, type LoadResult, runLoad, type SignedInMember } from "./load";
import { freePort, startAndWait } from "./processes";

/**
 * The write path: the floor (node:http + one prepared statement) and Waymark's production
 * bundle, one after the other in the same run, on the same SQLite file and the same requests.
 */
export interface WriteSettings {
  bundle: string;
  warmupSeconds: number;
  /** Write a V8 CPU profile of Waymark under the load into this folder and print its top. */
  profileDir: string | null;
  serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv;
  say(text: string): void;
}

/** Sessions for members spread evenly over the data set, made directly (no argon2, no HTTP). */
export async function signInMembers(store: Store, count: number): Promise<SignedInMember[]> {
  const members = await store.db
    .selectFrom("users")
    .select("id")
    .where("email", "like", "bench-member-%")
    .orderBy("email")
    .execute();
  const step = Math.max(1, Math.floor(members.length / count));
  const signedIn: SignedInMember[] = [];
  for (let index = 0; index < members.length && signedIn.length < count; index += step) {
    const memberId = (members[index] as { id: string }).id;
    const session = await createSession(
      store.db,
      memberId,
      sessionLifetimeFor(["member"]),
      "waymark-bench",
    );
    signedIn.push({ memberId, token: session.token });
  }
  return signedIn;
}

export async function measureFloor(
  dataDir: string,
  members: SignedInMember[],
  load: LoadOptions,
  settings: WriteSettings,
) {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    FLOOR_DB: path.join(dataDir, "waymark.sqlite"),
  };
  const floor = await startAndWait(
    process.execPath,
    ["--import", "tsx", "bench/floor-server.ts"],
    env,
    `http://127.0.0.1:${port}/api/health`,
  );
  try {
    settings.say("write path: the floor (node:http + one prepared statement)");
    return await loadWithWarmup(
      `http://127.0.0.1:${port}`,
      members,
      load,
      settings,
      floor.child.pid,
    );
  } finally {
    await floor.stop();
  }
}

export async function measureWaymark(
  dataDir: string,
  members: SignedInMember[],
  load: LoadOptions,
  settings: WriteSettings,
) {
  const port = await freePort();
  const profileArgs = settings.profileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${settings.profileDir}`]
    : [];
  const server = await startAndWait(
    process.execPath,
    [...profileArgs, settings.bundle, "serve"],
    settings.serverEnv(dataDir, port),
    `http://127.0.0.1:${port}/api/health`,
  );
  let result: WriteResult;
  try {
    settings.say("write path: Waymark (production bundle)");
    const base = `http://127.0.0.1:${port}`;
    const first = members[0] as SignedInMember;
    const probe = await fetch(`${base}/api/members/${first.memberId}/checkins/${load.lastDay}`, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        cookie: `__Host-waymark_session=${first.token}`,
        host: `localhost:${port}`,
      },
      body: JSON.stringify({ mood: 5, craving: 4, used: false }),
    });
    if (!probe.ok) throw new Error(`upsertCheckin answered ${probe.status}: ${await probe.text()}`);
    result = await loadWithWarmup(base, members, load, settings, server.child.pid);
  } finally {
    // SIGTERM lets node write the profile on its way out.
    await server.stop();
  }
  if (settings.profileDir) reportProfile(settings.profileDir, settings.say);
  return result;
}

function reportProfile(dir: string, say: (text: string) => void) {
  const newest = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(dir, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!newest) return say(`no CPU profile was written to ${dir}`);
  say(`CPU profile ${newest}; self time by function, top 40:`);
  for (const line of topSelfTime(JSON.parse(fs.readFileSync(newest, "utf8")), 40)) say(line);
}

/** What autocannon saw, and the server's own CPU time per request during the measured load:
 * on a machine shared with other work, throughput and latency follow the neighbours, while CPU
 * time per request stays close to what the server itself costs. */
export type WriteResult = LoadResult & { serverCpuMsPerRequest: number | null };

async function loadWithWarmup(
  base: string,
  members: SignedInMember[],
  load: LoadOptions,
  settings: WriteSettings,
  pid: number | undefined,
): Promise<WriteResult> {
  await runLoad(base, members.slice().reverse(), {
    ...load,
    durationSeconds: settings.warmupSeconds,
  });
  const cpuBefore = cpuMillisOf(pid);
  const loadResult = await runLoad(base, members, load);
  const cpuAfter = cpuMillisOf(pid);
  const result = {
    ...loadResult,
    serverCpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || loadResult.requests === 0
        ? null
        : (cpuAfter - cpuBefore) / loadResult.requests,
  };
  // A request that times out (10 s) on a loaded machine is counted and reported, not fatal;
  // an error answer or a failed connection is a bug in the server and stops the run.
  if (result.non2xx > 0 || result.errors > result.timeouts) {
    throw new Error(
      `${base}: ${result.non2xx} answers were not 2xx and ${result.errors} failed (${result.timeouts} timed out)`,
    );
  }
  return result;
}

let ticksPerSecond: number | null = null;

/** User + system CPU time of a process so far, from /proc (Linux); null elsewhere. */
function cpuMillisOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at the state, field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime (14), stime (15)
    return (ticks / ticksPerSecond) * 1000;
  } catch {
    return null;
  }
}
