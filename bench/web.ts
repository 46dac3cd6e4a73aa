import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { Launcher } from "chrome-launcher";
import { run, stopChild } from "./processes";

/**
 * The web measures: what a phone downloads before the first screen (the entry script, its
 * modulepreloads and the stylesheets named by index.html), gzip-compressed like Vite's own
 * report (zlib's default level); and Lighthouse's mobile scores through Debian's Chromium.
 */
export interface InitialAssets {
  scripts: string[];
  styles: string[];
}

export function initialAssetsOf(html: string): InitialAssets {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attribute = (name: string) =>
      new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1] ?? null;
    if (/^<script/i.test(tag)) {
      const src = attribute("src");
      if (src && attribute("type") === "module") scripts.push(src);
      continue;
    }
    const rel = attribute("rel");
    const href = attribute("href");
    if (!href) continue;
    if (rel === "modulepreload") scripts.push(href);
    if (rel === "stylesheet") styles.push(href);
  }
  return { scripts, styles };
}

export function gzipKilobytes(content: Buffer | string): number {
  return zlib.gzipSync(content).length / 1024;
}

export interface WebSizes {
  jsGzipKb: number;
  cssGzipKb: number;
  files: { file: string; gzipKb: number }[];
}

export function initialSizes(webDir: string): WebSizes {
  const { scripts, styles } = initialAssetsOf(
    fs.readFileSync(path.join(webDir, "index.html"), "utf8"),
  );
  const measure = (urlPath: string) => {
    const file = path.join(webDir, urlPath.replace(/^\//, ""));
    return { file: urlPath, gzipKb: gzipKilobytes(fs.readFileSync(file)) };
  };
  const scriptFiles = scripts.map(measure);
  const styleFiles = styles.map(measure);
  const sum = (files: { gzipKb: number }[]) => files.reduce((total, f) => total + f.gzipKb, 0);
  return {
    jsGzipKb: sum(scriptFiles),
    cssGzipKb: sum(styleFiles),
    files: [...scriptFiles, ...styleFiles],
  };
}

/**
 * The script files a chunk needs before it runs: itself and what it imports statically,
 * transitively (dynamic `import()`s load later and are left out). `chunk` is the name Vite
 * gives it before the hash, e.g. "CheckinScreen" for assets/CheckinScreen-<hash>.js.
 */
export function staticClosure(assetsDir: string, chunk: string): string[] {
  const files = fs.readdirSync(assetsDir).filter((file) => file.endsWith(".js"));
  const start = files.find((file) => new RegExp(`^${chunk}-[\\w-]{8}\\.js$`).test(file));
  if (!start) throw new Error(`no chunk named ${chunk} in ${assetsDir}`);
  const seen = new Set<string>();
  const waiting = [start];
  for (let file = waiting.pop(); file; file = waiting.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(path.join(assetsDir, file), "utf8");
    for (const [, imported] of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) {
      if (imported) waiting.push(imported);
    }
  }
  return [...seen];
}

/** zod's classes keep their names in a minified build. */
export function carriesZod(code: string): boolean {
  return /\$ZodType|ZodError/.test(code);
}

export interface LighthouseScores {
  url: string;
  finalUrl: string;
  performance: number;
  accessibility: number;
  metrics: Record<string, number>;
  /** Performance audits that scored below 0.9, worst first: where the time goes. */
  findings: { id: string; score: number; value: string }[];
  /** The page as it looked at the end (data: URL of a JPEG), to check what was measured. */
  finalScreenshot?: string;
  /** Every run's performance score, when the page was measured more than once. */
  runs?: number[];
}

interface LighthouseAudit {
  score: number | null;
  displayValue?: string;
  numericValue?: number;
  scoreDisplayMode?: string;
  details?: { data?: string };
}

/**
 * The processes that are not the phone run at a lower priority than Chromium: the Lighthouse
 * CLI (which takes about half a core as it records the page) and the demo server. On these
 * two cores they otherwise preempt the page's own tasks, and Lighthouse reads a task's wall
 * time, waits included, as the page's work: one build's blocking time on Today ran from 250
 * to 1,140 ms (docs/performance.md). Lighthouse's own advice is to run it where nothing else
 * competes with the browser; on a phone, the page has the CPU to itself. All three run in the
 * bench's own session, or the priorities would not apply (launchChromium).
 */
export const BELOW_THE_PAGE = ["nice", "-n", "10"] as const;

/**
 * Lighthouse's default mobile run (emulated phone, simulated slow 4G and CPU), in a Chromium
 * launched here at normal priority, the CLI at BELOW_THE_PAGE's. `reportPath` keeps the whole
 * report (every audit, the main thread's tasks) for reading after the run.
 */
export async function lighthouse(
  url: string,
  cookie: string | null,
  chromePath: string,
  reportPath?: string,
): Promise<LighthouseScores> {
  const chrome = await launchChromium(chromePath);
  const cli = path.resolve("node_modules/lighthouse/cli/index.js");
  const [nice, ...niceArgs] = BELOW_THE_PAGE;
  const args = [
    ...niceArgs,
    process.execPath,
    cli,
    url,
    `--port=${chrome.port}`,
    "--quiet",
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance,accessibility",
  ];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  let output: string;
  try {
    output = await run(nice, args);
  } finally {
    await chrome.stop();
  }
  if (reportPath) {
    fs.mkdirSync(path.dirname(reportPath), { recursive: true });
    fs.writeFileSync(reportPath, output);
  }
  const report = JSON.parse(output);
  const audits = report.audits as Record<string, LighthouseAudit>;
  const score = (category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);
  const metric = (id: string) => audits[id]?.numericValue as number;
  const performanceIds = (report.categories.performance?.auditRefs ?? []).map(
    (ref: { id: string }) => ref.id,
  ) as string[];
  const findings = Object.entries(audits)
    .filter(([id, audit]) => {
      const relevant = performanceIds.includes(id) || audit.scoreDisplayMode === "metricSavings";
      return relevant && audit.score !== null && audit.score < 0.9;
    })
    .map(([id, audit]) => ({ id, score: audit.score as number, value: audit.displayValue ?? "" }))
    .sort((a, b) => a.score - b.score);
  return {
    url,
    finalUrl: report.finalDisplayedUrl ?? report.finalUrl,
    performance: score("performance"),
    accessibility: score("accessibility"),
    metrics: {
      firstContentfulPaintMs: metric("first-contentful-paint"),
      largestContentfulPaintMs: metric("largest-contentful-paint"),
      totalBlockingTimeMs: metric("total-blocking-time"),
      cumulativeLayoutShift: metric("cumulative-layout-shift"),
    },
    findings,
    finalScreenshot: audits["final-screenshot"]?.details?.data,
  };
}

/**
 * Chromium's helper processes can still write into the profile for a moment after its main
 * process exits (ENOTEMPTY on `Default`): rmSync retries with a growing wait (about 11 s in
 * all), and a profile that still will not go is reported and left, rather than throwing away
 * the finished Lighthouse run it came from.
 */
function removeProfile(profile: string) {
  try {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    process.stderr.write(`bench: could not remove ${profile}: ${(error as Error).message}\n`);
  }
}

/**
 * Chromium with the flags Lighthouse's own launcher uses, in the bench's own session.
 * chrome-launcher starts it detached, as the leader of a new session, and with the kernel's
 * autogroup scheduling (on here) each session is weighed as one: the page's processes then
 * got at most half the CPU however low the tools' priority was, and `nice` did nothing for it.
 */
async function launchChromium(chromePath: string) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-lighthouse-"));
  const child = spawn(
    chromePath,
    [
      ...Launcher.defaultFlags(),
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: "ignore" },
  );
  const stop = async () => {
    await stopChild(child);
    removeProfile(profile);
  };
  // Chromium writes the port it chose to DevToolsActivePort once it listens.
  const portFile = path.join(profile, "DevToolsActivePort");
  for (let waited = 0; waited < 30_000; waited += 50) {
    const port = fs.existsSync(portFile) && fs.readFileSync(portFile, "utf8").split("\n")[0];
    if (port) return { port: Number(port), stop };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`Chromium (${chromePath}) did not open its DevTools port`);
}
