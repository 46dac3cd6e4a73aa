/**
 * The budgets of issue 9 and the table each run prints: every figure beside the budget it
 * is held to. A missed budget is printed, never hidden; `npm run bench` does not fail on it.
 */
export interface Budget {
  /** "max": the figure must stay at or below; "min": at or above. */
  kind: "max" | "min";
  limit: number;
  /** Strictly below/above the limit (p99 < 25 ms) rather than at most/at least. */
  strict?: boolean;
}

export interface Line {
  measure: string;
  value: number | null;
  unit: string;
  budget?: Budget;
  note?: string;
}

export type Verdict = "ok" | "MISSED" | "-";

export function verdict(line: Line): Verdict {
  if (!line.budget || line.value === null) return "-";
  const { kind, limit, strict } = line.budget;
  if (kind === "max") return (strict ? line.value < limit : line.value <= limit) ? "ok" : "MISSED";
  return (strict ? line.value > limit : line.value >= limit) ? "ok" : "MISSED";
}

export function describeBudget(budget: Budget | undefined, unit: string): string {
  if (!budget) return "";
  const sign = budget.kind === "max" ? (budget.strict ? "<" : "≤") : budget.strict ? ">" : "≥";
  return `${sign} ${budget.limit}${unit ? ` ${unit}` : ""}`;
}

export function formatValue(value: number | null): string {
  if (value === null) return "n/a";
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A plain-text table (also valid Markdown) of measure, value, budget and verdict. */
export function table(lines: readonly Line[]): string {
  const rows = lines.map((line) => [
    line.measure,
    `${formatValue(line.value)}${line.value === null ? "" : line.unit ? ` ${line.unit}` : ""}`,
    describeBudget(line.budget, line.unit),
    verdict(line),
    line.note ?? "",
  ]);
  const header = ["measure", "value", "budget", "verdict", "note"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  );
  const render = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(" | ")} |`;
  return [
    render(header),
    render(widths.map((width) => "-".repeat(width))),
    ...rows.map(render),
  ].join("\n");
}
