import fs from "node:fs";
import path from "node:path";
import { freePort, startAndWait } from "./processes";
import { BELOW_THE_PAGE, type LighthouseScores, lighthouse } from "./web";

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
 * gets two tries beyond its runs; if none succeeds, the run says so in its table and goes on,
 * so a flaky tool never fails `npm test` (which runs the quick bench only to keep the harness
 * alive).
 */
export const LIGHTHOUSE_TRIES = 3;

/**
 * On this two-core machine a page's tasks share the cores with Chromium's compositor and its
 * browser process (and, at a lower priority, with Lighthouse and the server: BELOW_THE_PAGE),
 * so one run's blocking time can still be twice the next one's for the same build
 * (docs/performance.md). Lighthouse's own advice is the median of several runs: the full
 * bench takes the median of five; the quick one in `npm test` keeps one, to stay short.
 */
export const LIGHTHOUSE_RUNS = 5;

/** The run with the median performance score (the lower middle one of an even count). */
export function medianRun(runs: readonly LighthouseScores[]): LighthouseScores | null {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

/**
 * One line on why a run failed. The Lighthouse CLI says it on stderr ("Runtime error
 * encountered: … (CODE)") before the JSON report it still prints, whose last lines are only
 * braces; what follows the code on that line is report data, not words.
 */
export function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const runtime = error.message.match(/Runtime error encountered:[^\n]*?\([A-Z_]+\)/);
  return runtime?.[0] ?? error.message.split("\n").slice(-2).join(" ").slice(0, 300);
}

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
  /** Runs per page; the page's figures are its median run's (medianRun). */
  runs: number;
  /** Where each page's whole report is written (git-ignored), to read where the time goes. */
  reportDir?: string;
}): Promise<LighthouseRun> {
  const port = await freePort();
  const env = options.serverEnv(path.join(options.work, "demo"), port);
  const [nice, ...niceArgs] = BELOW_THE_PAGE;
  const server = await startAndWait(
    nice,
    [...niceArgs, process.execPath, options.bundle, "serve", "--demo"],
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
      // Each run's whole report, and the median run's again under the page's own name.
      const reportFile = (run: number | null) =>
        options.reportDir &&
        path.join(
          options.reportDir,
          `lighthouse-${page.name}${run === null ? "" : `-${run}`}.json`,
        );
      let lastError = "";
      const runs: LighthouseScores[] = [];
      for (
        let attempt = 1;
        runs.length < options.runs && attempt <= options.runs + LIGHTHOUSE_TRIES - 1;
        attempt += 1
      ) {
        try {
          runs.push(
            await lighthouse(
              url,
              page.signedIn ? cookie : null,
              options.chromium,
              reportFile(runs.length + 1),
            ),
          );
        } catch (error) {
          lastError = failureReason(error);
          options.say(`Lighthouse failed on ${url} (try ${attempt}): ${lastError}`);
        }
      }
      const median = medianRun(runs);
      const medianReport = median && reportFile(runs.indexOf(median) + 1);
      if (medianReport) fs.copyFileSync(medianReport, reportFile(null) as string);
      if (median) {
        run.scores.push({ ...median, runs: runs.map((one) => one.performance) });
        options.say(
          `  performance per run: ${runs.map((one) => one.performance).join(", ")} (median ${median.performance})`,
        );
      } else run.failures.push({ url, error: lastError });
    }
    return run;
  } finally {
    await server.stop();
  }
}
