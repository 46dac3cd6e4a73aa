import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, passphrase, uniqueEmail } from "../../../../test/support/http-client";
import { ensureDebianPackage } from "../../../../test/support/system-packages";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { localDayOf } from "../../../domain/local-day";
import { writeHistory } from "./care-history";

/** Share of pixels in a greyscale PGM (P5) that are not near-white. */
function inkedShare(pgm: Buffer): number {
  const header = pgm.subarray(0, 64).toString("latin1");
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error("not a PGM");
  const [width, height] = [Number(match[1]), Number(match[2])];
  const pixels = pgm.subarray(match[0].length, match[0].length + width * height);
  let inked = 0;
  for (const value of pixels) if (value < 200) inked += 1;
  return inked / (width * height);
}

describe.each(DIALECTS)("the one-page PDF report on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    try {
      execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    } catch {
      ensureDebianPackage("poppler-utils", "the PDF report test (pdftoppm)");
    }
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("renders a page with the chart and the redisclosure notice, audited once", async () => {
    const sign = async (displayName: string) => {
      const browser = browserFor(t.app);
      const email = uniqueEmail();
      const response = await browser.post("/api/auth/sign-up", {
        email,
        password: passphrase(),
        displayName,
        timeZone: "UTC",
      });
      return { browser, email, id: response.json().id as string };
    };
    const member = await sign("Alex");
    const clinician = await sign("Sam");
    await writeHistory(t.store.db, member.id, localDayOf(new Date(), "UTC"), {
      cravings: [7, 6, 8, 5, 4, 6, 3, 2, 4, 5],
      lapseDaysAgo: [3],
    });
    await member.browser.post("/api/consents", {
      recipientEmail: clinician.email,
      purpose: "Appointment",
      categories: ["checkins", "use"],
      expiresAt: null,
      expiryEvent: "After my next appointment",
      signature: { typedName: "Alex" },
      revocationAcknowledged: true,
    });
    const response = await clinician.browser.get(`/api/members/${member.id}/report.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["x-redisclosure-notice"]).toBeTruthy();
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-pdf-"));
    try {
      fs.writeFileSync(path.join(dir, "report.pdf"), pdf);
      const info = execFileSync("pdfinfo", [path.join(dir, "report.pdf")]).toString();
      expect(info).toMatch(/Pages:\s+1\b/);
      const text = execFileSync("pdftotext", [path.join(dir, "report.pdf"), "-"]).toString();
      expect(text).toContain("42 CFR part 2 prohibits unauthorized use or disclosure");
      expect(text).toContain("Not shared with this reader.");
      execFileSync("pdftoppm", [
        "-r",
        "40",
        "-gray",
        path.join(dir, "report.pdf"),
        path.join(dir, "page"),
      ]);
      const page = fs.readdirSync(dir).find((f) => f.endsWith(".pgm"));
      if (!page) throw new Error("pdftoppm wrote no page");
      expect(inkedShare(fs.readFileSync(path.join(dir, page)))).toBeGreaterThan(0.01);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const log = (await member.browser.get("/api/access-log")).json().events;
    expect(log[0]).toMatchObject({ what: "report", outcome: "allowed" });
    expect(log.filter((e: { what: string }) => e.what === "report")).toHaveLength(1);
  });
});
