import { describe, expect, it } from "vitest";
import { renderAttendancePdf } from "./attendance-pdf";

/** The text pdfkit drew: standard fonts write each run as a hex string in the content stream. */
function textOf(pdf: Buffer): string {
  const source = pdf.toString("latin1");
  return [...source.matchAll(/<([0-9a-f]+)>/g)]
    .map((match) => Buffer.from(match[1] ?? "", "hex").toString("latin1"))
    .join("");
}

describe("renderAttendancePdf", () => {
  it("lists each meeting with date, time and signer, the period and the self-report line", async () => {
    const pdf = await renderAttendancePdf(
      {
        memberName: "Alex Doe",
        from: "2026-09-01",
        to: "2026-11-26",
        timeZone: "America/New_York",
        generatedAt: new Date("2026-11-26T15:00:00Z"),
        entries: [
          {
            id: "1",
            meetingId: null,
            meetingName: "Late Night NA",
            at: "2026-11-24T04:30:00.000Z",
            date: "2026-11-23",
            note: null,
            signerName: "Pat",
            createdAt: "",
          },
          {
            id: "2",
            meetingId: null,
            meetingName: "SMART Recovery",
            at: "2026-11-25T23:00:00.000Z",
            date: "2026-11-25",
            note: null,
            signerName: null,
            createdAt: "",
          },
        ],
      },
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = textOf(pdf);
    for (const expected of [
      "Alex Doe",
      "2026-09-01 to 2026-11-26",
      "Late Night NA",
      "2026-11-23",
      "23:30",
      "Pat",
      "SMART Recovery",
      "18:00",
      "self-reported",
      "2026-11-26T15:00:00.000Z",
    ]) {
      expect(text).toContain(expected);
    }
  });
});
