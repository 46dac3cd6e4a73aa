import path from "node:path";
import { freePort, startAndWait } from "./processes";
import { type LighthouseScores, lighthouse } from "./web";

/**
 * Lighthouse (mobile) on the pages a person opens most, against the bundle serving `--demo`:
 * sign-in signed out, then Today, the check-in and the craving log signed in as the demo
 * member. Each page is held to the same budget (performance ≥ 90, accessibility 100).
 */
export const LIGHTHOUSE_PAGES = [
  { path: "/sign-in", name: "sign-in", signedIn: false },
  { path: "/", name: "Today", signedIn: true },
  { path: "/checkin", name: "check-in", signedIn: true },
  { path: "/craving", name: "craving", signedIn: true },
] as const;

export function pageName(url: string): string {
  const pathname = new URL(url).pathname;
  return LIGHTHOUSE_PAGES.find((page) => page.path === pathname)?.name ?? pathname;
}

/**
 * Lighthouse now and then fails to record its trace (NO_NAVSTART) on a busy machine. A page
 * gets three tries; if all fail, the run says so in its table and goes on, so a flaky tool
 * never fails `npm test` (which runs the quick bench only to keep the harness alive).
 */
export const LIGHTHOUSE_TRIES = 3;

export interface LighthouseRun {
  scores: LighthouseScores[];
  failures: { url: string; error: string }[];
}

export async function measureLighthouse(options: {
  bundle: string;
  work: string;
  chromium: string;
  serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv;
  say(text: string): void;
  /** Where each page's whole report is written (git-ignored), to read where the time goes. */
  reportDir?: string;
}): Promise<LighthouseRun> {
  const port = await freePort();
  const env = options.serverEnv(path.join(options.work, "demo"), port);
  const server = await startAndWait(
    process.execPath,
    [options.bundle, "serve", "--demo"],
    env,
    `http://127.0.0.1:${port}/api/health`,
    // Seeding the demo people (argon2 hashes, months of history) takes long on a busy machine.
    120_000,
  );
  const base = `http://localhost:${port}`;
  const run: LighthouseRun = { scores: [], failures: [] };
  try {
    const response = await fetch(`${base}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "alex@example.org", password: "river stones hold the path" }),
    });
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    if (!response.ok || !cookie) throw new Error(`demo sign-in answered ${response.status}`);
    for (const page of LIGHTHOUSE_PAGES) {
      options.say(
        `Lighthouse (mobile): ${page.name}${page.signedIn ? ", signed in as the demo member" : ""}`,
      );
      const url = `${base}${page.path}`;
      let lastError = "";
      let scores: LighthouseScores | null = null;
      for (let attempt = 1; attempt <= LIGHTHOUSE_TRIES && !scores; attempt += 1) {
        try {
          scores = await lighthouse(
            url,
            page.signedIn ? cookie : null,
            options.chromium,
            options.reportDir && path.join(options.reportDir, `lighthouse-${page.name}.json`),
          );
        } catch (error) {
          lastError =
            error instanceof Error ? error.message.split("\n").slice(-2).join(" ") : String(error);
          options.say(
            `Lighthouse failed on ${url} (try ${attempt} of ${LIGHTHOUSE_TRIES}): ${lastError}`,
          );
        }
      }
      if (scores) run.scores.push(scores);
      else run.failures.push({ url, error: lastError });
    }
    return run;
  } finally {
    await server.stop();
  }
}
