import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port";

/**
 * Runs the real `waymark serve` in a child process, on a free port with a throwaway data
 * directory, exactly as a self-hoster would start it. Used by the end-to-end journeys.
 */
export interface RunningServer {
  /** http://localhost:PORT — "localhost" so browsers accept the server's Secure cookies. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL), as a power cut or OOM kill would, keeping the data. */
  crash(): Promise<void>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export async function startServer(
  opts: { env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "waymark-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    PORT: String(port),
    WAYMARK_DATA_DIR: dataDir,
  };
  delete env.WAYMARK_SECURE_COOKIES;

  const child = spawn(process.execPath, ["dist/server/waymark.js", "serve"], {
    cwd: repoRoot,
    env,
    // Its own process group, so stop() ends everything the server started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  child.stdout?.resume();

  const url = `http://localhost:${port}`;
  const stop = async () => {
    await stopProcessGroup(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`waymark serve did not start: ${reason}\n--- stderr ---\n${stderr}`);
  }
  const crash = async () => {
    if (child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup(child.pid, "SIGKILL");
    await exited;
  };
  return { url, dataDir, stop, crash };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`it exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`GET /api/health did not answer within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.pid as number, "SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
