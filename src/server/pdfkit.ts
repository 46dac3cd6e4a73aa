/**
 * pdfkit, loaded on first use through a specifier the bundler cannot follow: it stays in
 * node_modules (its font files are read from beside its own code), and its import — fonts,
 * line-breaking tables inflated at load — costs nothing at start-up (docs/performance.md).
 * Every PDF Waymark writes (care summary, attendance record) gets its class here.
 */
const PDFKIT = "pdfkit";

export async function loadPdfDocument(): Promise<typeof import("pdfkit")> {
  return ((await import(PDFKIT)) as { default: typeof import("pdfkit") }).default;
}
