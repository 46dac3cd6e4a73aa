import type { MemberSummary } from "../../../domain/api/care";
import { REDISCLOSURE_NOTICE } from "../../../domain/consent";
import { eachLocalDay } from "../../../domain/local-day";

/**
 * The one-page appointment summary as a PDF. pdfkit is loaded on first use through a
 * specifier the bundler cannot follow, so it stays in node_modules (its font files are read
 * from beside its own code) and costs nothing at start-up.
 */
const PDFKIT = "pdfkit";

export async function renderReportPdf(summary: MemberSummary, now: Date): Promise<Buffer> {
  const PDFDocument = ((await import(PDFKIT)) as { default: typeof import("pdfkit") }).default;
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
    chart(doc, days, [
      {
        label: "craving",
        color: "#c0392b",
        values: days.map((d) => byDay.get(d)?.craving ?? null),
      },
      { label: "mood", color: "#2471a3", values: days.map((d) => byDay.get(d)?.mood ?? null) },
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

  doc.moveDown(2).fontSize(9).fillColor("#000").text(REDISCLOSURE_NOTICE, { oblique: true });
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

/** A small line chart of 0–10 ratings, one line per series, gaps where a day is missing. */
function chart(
  doc: Doc,
  days: string[],
  series: { label: string; color: string; values: (number | null)[] }[],
) {
  const left = doc.page.margins.left;
  const top = doc.y + 6;
  const width = 360;
  const height = 70;
  doc.rect(left, top, width, height).lineWidth(0.5).strokeColor("#999").stroke();
  const x = (index: number) => left + (index / Math.max(days.length - 1, 1)) * width;
  const y = (value: number) => top + height - (value / 10) * height;
  for (const line of series) {
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
  }
  doc
    .fontSize(8)
    .fillColor("#555")
    .text(
      series.map((s) => `${s.label} (${s.color === "#c0392b" ? "red" : "blue"})`).join("  ·  "),
      left + width + 8,
      top,
    )
    .fillColor("#000")
    .fontSize(10);
  doc.x = left;
  doc.y = top + height + 8;
}
