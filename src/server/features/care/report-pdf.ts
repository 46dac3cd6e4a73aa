import type { MemberSummary } from "../../../domain/api/care";
import { eachLocalDay } from "../../../domain/local-day";
import { loadPdfDocument } from "../../pdfkit";
import { regimenText } from "./regimen-text";

/** The one-page appointment summary as a PDF (pdfkit loads on first use, server/pdfkit.ts). */

export async function renderReportPdf(summary: MemberSummary, now: Date): Promise<Buffer> {
  const PDFDocument = await loadPdfDocument();
  const doc = new PDFDocument({ size: "LETTER", margin: 48, info: { Title: "Waymark summary" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on("end", () => resolve(Buffer.concat(chunks))),
  );

  const name = summary.member.displayName ?? "Member";
  doc.fontSize(18).text(`Waymark summary: ${name}`);
  doc
    .fontSize(10)
    .fillColor("#555")
    .text(`${summary.from} to ${summary.to} · prepared ${now.toISOString().slice(0, 10)}`);
  doc.moveDown().fillColor("#000");

  const days = eachLocalDay(summary.from, summary.to);
  section(doc, "Check-ins", () => {
    if (!summary.checkins) return notShared(doc);
    doc.text(`${summary.checkins.length} of ${days.length} days checked in.`);
    const byDay = new Map(summary.checkins.map((c) => [c.day, c]));
    charts(doc, days, [
      {
        title: "Craving (0-10, higher is stronger)",
        color: "#c0392b",
        values: days.map((d) => byDay.get(d)?.craving ?? null),
      },
      {
        title: "Mood (0-10, higher is better)",
        color: "#2471a3",
        values: days.map((d) => byDay.get(d)?.mood ?? null),
      },
    ]);
  });
  section(doc, "Lapses and returns", () => {
    if (!summary.lapses) return notShared(doc);
    doc.text(
      summary.lapses.length === 0
        ? "No lapse recorded in this period."
        : `${summary.lapses.length} recorded: ${summary.lapses.map((l) => l.day).join(", ")}.`,
    );
  });
  section(doc, "Medication", () => {
    if (!summary.doses) return notShared(doc);
    const logged = summary.doses.taken + summary.doses.missed;
    const adherence =
      logged === 0
        ? "no doses logged"
        : `${Math.round((summary.doses.taken / logged) * 100)}% taken`;
    doc.text(`${summary.doses.taken} taken, ${summary.doses.missed} missed (${adherence}).`);
    for (const regimen of summary.regimens ?? []) {
      const when = regimen.until ? `${regimen.from} to ${regimen.until}` : `since ${regimen.from}`;
      const status = regimen.status === "intended" ? `from ${regimen.from}` : when;
      doc.text(`As prescribed (recorded by the member): ${regimenText(regimen)}, ${status}.`);
    }
  });
  section(doc, "Assessments", () => {
    if (!summary.assessments) return notShared(doc);
    if (summary.assessments.length === 0) doc.text("None in this period.");
    for (const a of summary.assessments) {
      doc.text(
        `${a.at.slice(0, 10)}  ${a.instrumentId.toUpperCase()}  ${a.total ?? "subscales only"}`,
      );
    }
  });
  section(doc, "Plan", () => {
    if (!summary.plan) return notShared(doc);
    const done = summary.plan.steps.filter((s) => s.status === "done").length;
    doc.text(
      `${summary.plan.goals.length} goals; ${done} of ${summary.plan.steps.length} steps done.`,
    );
  });

  // A recipient's copy carries the Part 2 notice (42 CFR §2.32); the member's own copy is theirs.
  if (summary.redisclosureNotice) {
    doc
      .moveDown(2)
      .fontSize(9)
      .fillColor("#000")
      .text(summary.redisclosureNotice, { oblique: true });
  }
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

function section(doc: Doc, title: string, body: () => void) {
  doc.moveDown(0.6).fontSize(13).fillColor("#000").text(title);
  doc.fontSize(10);
  body();
}

function notShared(doc: Doc) {
  doc.fillColor("#777").text("Not shared with this reader.").fillColor("#000");
}

/**
 * Small line charts of 0–10 ratings side by side, one per series, each titled (so they read in
 * grey print too), with a dot on every day that has a value and a gap where a day is missing.
 */
function charts(
  doc: Doc,
  days: string[],
  series: { title: string; color: string; values: (number | null)[] }[],
) {
  const left = doc.page.margins.left;
  const top = doc.y + 6;
  const gap = 28;
  const width = 230;
  const height = 60;
  series.forEach((line, position) => {
    const x0 = left + 14 + position * (width + gap + 14);
    const chartTop = top + 12;
    doc.fontSize(8).fillColor("#333").text(line.title, x0, top, { width, lineBreak: false });
    doc.fillColor("#777").text("10", x0 - 14, chartTop - 3, { lineBreak: false });
    doc.text("0", x0 - 9, chartTop + height - 6, { lineBreak: false });
    doc.rect(x0, chartTop, width, height).lineWidth(0.5).strokeColor("#999").stroke();
    const x = (index: number) => x0 + (index / Math.max(days.length - 1, 1)) * width;
    const y = (value: number) => chartTop + height - (value / 10) * height;
    doc.lineWidth(1.5).strokeColor(line.color);
    let drawing = false;
    line.values.forEach((value, index) => {
      if (value === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(x(index), y(value));
      else doc.moveTo(x(index), y(value));
      drawing = true;
    });
    doc.stroke();
    line.values.forEach((value, index) => {
      if (value !== null) doc.circle(x(index), y(value), 1.6).fillColor(line.color).fill();
    });
    doc
      .fontSize(7)
      .fillColor("#777")
      .text(days[0] ?? "", x0, chartTop + height + 2, { lineBreak: false })
      .text(days.at(-1) ?? "", x0 + width - 40, chartTop + height + 2, {
        width: 40,
        align: "right",
        lineBreak: false,
      });
  });
  doc.fillColor("#000").fontSize(10);
  doc.x = left;
  doc.y = top + 12 + height + 14;
}
