import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../../test/support/people";
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

/** The page count, the text and the inked share of page 1 (pdfinfo, pdftotext, pdftoppm). */
function readPdf(pdf: Buffer): { pages: number; text: string; inked: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-pdf-"));
  try {
    const file = path.join(dir, "report.pdf");
    fs.writeFileSync(file, pdf);
    const info = execFileSync("pdfinfo", [file]).toString();
    const text = execFileSync("pdftotext", [file, "-"]).toString();
    execFileSync("pdftoppm", [
      "-r",
      "40",
      "-gray",
      "-f",
      "1",
      "-l",
      "1",
      file,
      path.join(dir, "page"),
    ]);
    const page = fs.readdirSync(dir).find((f) => f.endsWith(".pgm"));
    if (!page) throw new Error("pdftoppm wrote no page");
    return {
      pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
      text,
      inked: inkedShare(fs.readFileSync(path.join(dir, page))),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
    const member = await signUp(t, "Alex");
    const clinician = await signUp(t, "Sam");
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

    const { pages, text, inked } = readPdf(pdf);
    expect(pages).toBe(1);
    expect(text).toContain("42 CFR part 2 prohibits unauthorized use or disclosure");
    expect(text).toContain("Not shared with this reader.");
    expect(text).toMatch(/Craving \(0-10/);
    expect(text).toMatch(/Mood \(0-10/);
    expect(inked).toBeGreaterThan(0.01);
    const log = (await member.browser.get("/api/access-log")).json().events;
    expect(log[0]).toMatchObject({ what: "report", outcome: "allowed" });
    expect(log.filter((e: { what: string }) => e.what === "report")).toHaveLength(1);
  });

  it("gives the member their own copy: dated file name, prescriptions, no audit, no notice", async () => {
    const { browser, id: memberId } = await signUp(t, "Alex");
    const today = localDayOf(new Date(), "UTC");
    await writeHistory(t.store.db, memberId, today, { cravings: [4] });
    const regimen = await browser.request({
      method: "PUT",
      url: `/api/members/${memberId}/regimen`,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({
        medication: "buprenorphine_naloxone",
        doseAmount: 16,
        schedule: { kind: "daily", times: ["09:00"] },
      }),
    });
    expect(regimen.statusCode).toBe(201);

    const response = await browser.get(`/api/members/${memberId}/report.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(
      `inline; filename="waymark-summary-${today}.pdf"`,
    );
    expect(response.headers["x-redisclosure-notice"]).toBeUndefined();
    const { pages, text, inked } = readPdf(response.rawPayload);
    expect(pages).toBe(1);
    expect(text).toContain("buprenorphine/naloxone 16 mg every day at 09:00");
    expect(text).not.toContain("Not shared with this reader.");
    expect(text).not.toContain("42 CFR part 2");
    expect(inked).toBeGreaterThan(0.01);
    expect((await browser.get("/api/access-log")).json().events).toEqual([]);
  });
});
