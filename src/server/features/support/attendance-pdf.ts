import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { Attendance } from "../../../domain/api/support";
import { loadPdfDocument } from "../../pdfkit";

export interface AttendanceRecord {
  memberName: string;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: Date;
  entries: Attendance[];
}

/**
 * A plain, printable attendance record: who, which period, each meeting with date, time and
 * signer, when it was made, and a plain statement that unsigned entries are self-reported.
 * `compress: false` keeps the text readable in tests.
 */
export async function renderAttendancePdf(
  record: AttendanceRecord,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  // Loaded on first use, not at start-up (server/pdfkit.ts).
  const PDFDocument = await loadPdfDocument();
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 54,
    compress: options.compress ?? true,
    info: { Title: `Meeting attendance — ${record.memberName}`, Producer: "Waymark" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const zone = tz(record.timeZone);

  doc.font("Helvetica-Bold").fontSize(18).text("Meeting attendance record");
  doc.moveDown(0.5).font("Helvetica").fontSize(11);
  doc.text(`Name: ${record.memberName}`);
  doc.text(`Period: ${record.from} to ${record.to}`);
  doc.text(`Meetings attended: ${record.entries.length}`);
  doc.text(`Times shown in ${record.timeZone}.`);
  doc.moveDown();

  const columns = [
    { title: "Date", x: 54, width: 80 },
    { title: "Time", x: 134, width: 50 },
    { title: "Meeting", x: 184, width: 220 },
    { title: "Signed by", x: 404, width: 150 },
  ];
  const header = () => {
    const y = doc.y;
    doc.font("Helvetica-Bold");
    for (const column of columns) doc.text(column.title, column.x, y, { width: column.width });
    doc.font("Helvetica").moveDown(0.3);
    doc.moveTo(54, doc.y).lineTo(558, doc.y).stroke();
    doc.moveDown(0.3);
  };
  header();
  if (record.entries.length === 0) doc.text("No meetings were logged in this period.", 54);
  for (const entry of record.entries) {
    if (doc.y > 700) {
      doc.addPage();
      header();
    }
    const at = new Date(entry.at);
    const cells = [
      entry.date,
      format(at, "HH:mm", { in: zone }),
      entry.meetingName,
      entry.signerName ?? "self-reported",
    ];
    const y = doc.y;
    let bottom = y;
    cells.forEach((cell, index) => {
      const column = columns[index];
      if (!column) return;
      doc.text(cell, column.x, y, { width: column.width });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 4;
  }

  doc.moveDown(2).x = 54;
  doc
    .fontSize(9)
    .text(
      "Entries are self-reported by the member unless a signer's name is shown. " +
        "A signer's name was typed by the member; Waymark does not verify it.",
      54,
      doc.y,
      { width: 504 },
    );
  doc.text(`Generated ${record.generatedAt.toISOString()} by Waymark.`, 54);
  doc.end();
  return done;
}
