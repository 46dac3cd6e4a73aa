import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium (or CHROME_PATH), headless, with everything that phones home turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface ExpectedHttpError {
  /** Path of the request, e.g. "/api/me". */
  path: string;
  status: number;
}

/**
 * Records what a page does that a journey must not allow: requests to any origin but ours
 * (Waymark makes no third-party requests at all) and console errors or uncaught exceptions.
 * Chromium logs every 4xx response as a console error; the ones a journey expects (such as
 * GET /api/me answering 401 before sign-in) are named in `expected` and left out.
 */
export function watchPage(page: Page, origin: string, expected: ExpectedHttpError[] = []) {
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];

  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.origin !== origin) foreignRequests.push(request.url());
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (isExpectedHttpError(message.text(), message.location().url, expected)) return;
    consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`Uncaught: ${error.message}`));

  return { foreignRequests, consoleErrors };
}

function isExpectedHttpError(text: string, url: string, expected: ExpectedHttpError[]): boolean {
  if (!url) return false;
  const path = new URL(url).pathname;
  return expected.some(
    (error) =>
      error.path === path &&
      text.startsWith(
        `Failed to load resource: the server responded with a status of ${error.status}`,
      ),
  );
}

/** Runs axe-core on the page as it is now and lists each violation with where it was found. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
}
