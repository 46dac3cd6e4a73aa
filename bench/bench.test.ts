import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { findInstrument } from "../src/domain/instruments/catalog";
import { insertStatement, type Row } from "./batch-writer";
import { calendarFor } from "./generator";
import { failureReason, medianRun } from "./lighthouse-pages";
import { checkinRequest } from "./load";
import { memberRows } from "./member-history";
import { memberSeed, mulberry32, uuidFrom } from "./prng";
import { progressLine } from "./progress-bar";
import { table, verdict } from "./report";
import { percentile, summarize } from "./stats";
import { gzipKilobytes, initialAssetsOf, type LighthouseScores } from "./web";

describe("the seeded random source", () => {
  it("gives the same numbers for the same seed and different ones for another", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const value of draw(7)) expect(value >= 0 && value < 1).toBe(true);
  });

  it("derives a member's seed from the run's seed and the member alone", () => {
    expect(memberSeed(1, 7)).toBe(memberSeed(1, 7));
    expect(memberSeed(1, 7)).not.toBe(memberSeed(1, 8));
    expect(memberSeed(1, 7)).not.toBe(memberSeed(2, 7));
  });

  it("draws UUIDs of version 4 shape, repeatably", () => {
    const id = uuidFrom(mulberry32(3));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFrom(mulberry32(3))).toBe(id);
  });
});

describe("a bench member's history", () => {
  const calendar = calendarFor("2026-06-30", 120);
  const historyOf = (seed: number) => {
    const rows: { table: string; row: Row }[] = [];
    const plan = {
      index: 0,
      email: "m@bench.waymark.invalid",
      days: 120,
      passwordHash: "hash",
      organizationId: "org",
      clinicianId: "clinician",
      withDoses: true,
    };
    memberRows(mulberry32(seed), plan, calendar, (table, row) => rows.push({ table, row }));
    return rows;
  };

  it("is the same for the same seed", () => {
    expect(historyOf(9)).toEqual(historyOf(9));
  });

  it("checks in on most days, at most once a day, inside the calendar", () => {
    const checkins = historyOf(11).filter((r) => r.table === "checkins");
    const days = checkins.map((r) => r.row.local_day as string);
    expect(new Set(days).size).toBe(days.length);
    expect(checkins.length).toBeGreaterThan(40);
    expect(checkins.length).toBeLessThanOrEqual(120);
    for (const day of days) expect(day >= "2026-03-03" && day <= "2026-06-30").toBe(true);
    for (const { row } of checkins) {
      expect(row.craving).toBeGreaterThanOrEqual(0);
      expect(row.craving).toBeLessThanOrEqual(10);
    }
  });

  it("grants its clinician check-ins, use, medication and assessments", () => {
    const grant = historyOf(5).find((r) => r.table === "consent_grants");
    expect(JSON.parse(grant?.row.categories as string)).toEqual([
      "checkins",
      "use",
      "medication",
      "assessments",
    ]);
  });

  it("answers a BAM and a PHQ-9 about monthly, each scored by the app's instrument", () => {
    const responses = historyOf(7).filter((r) => r.table === "assessment_responses");
    const of = (instrument: string) => responses.filter((r) => r.row.instrument_id === instrument);
    // 120 days: four of each are due; a member who checks in less skips some.
    for (const instrument of ["bam", "phq-9"]) {
      expect(of(instrument).length).toBeGreaterThanOrEqual(2);
      expect(of(instrument).length).toBeLessThanOrEqual(4);
    }
    for (const { row } of responses) {
      const def = findInstrument(row.instrument_id as string);
      const answers = JSON.parse(row.answers as string);
      expect(JSON.parse(row.score as string)).toEqual(def?.score(answers));
      expect(row.entered_by).toBe(row.member_id);
      expect((row.at as string) >= "2026-03-03").toBe(true);
    }
  });

  it("reports a month of use in the BAM that follows it", () => {
    const bamUseScore = (row: Row) =>
      (JSON.parse(row.score as string).subscales as { code: string; score: number }[]).find(
        (subscale) => subscale.code === "use",
      )?.score;
    const day = 86_400_000;
    const scored: number[] = [];
    for (let seed = 100; seed < 140; seed += 1) {
      const rows = historyOf(seed);
      const usedAt = rows
        .filter((r) => r.table === "checkins" && r.row.used === 1)
        .map((r) => Date.parse(r.row.created_at as string));
      for (const { row } of rows) {
        if (row.instrument_id !== "bam") continue;
        const at = Date.parse(row.at as string);
        // A check-in that said "used" within the 29 days before (or that evening) is in its month.
        const usedThatMonth = usedAt.some((t) => t > at - 29 * day && t < at + 4 * 3_600_000);
        const score = bamUseScore(row) as number;
        if (usedThatMonth) expect(score).toBeGreaterThan(0);
        scored.push(score);
      }
    }
    expect(scored.some((score) => score > 0)).toBe(true);
    expect(scored.some((score) => score === 0)).toBe(true);
  });
});

describe("percentiles", () => {
  it("uses the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it("summarizes unsorted samples", () => {
    const summary = summarize([5, 1, 4, 2, 3]);
    expect(summary).toMatchObject({ samples: 5, mean: 3, p50: 3, p99: 5, max: 5 });
  });

  it("refuses to invent a figure from no samples", () => {
    expect(() => percentile([], 50)).toThrow();
  });
});

describe("the initial web assets", () => {
  const html = `<!doctype html><html><head>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-def.js">
    <link rel="stylesheet" crossorigin href="/assets/index-123.css">
    <link rel="icon" href="/icon.svg" type="image/svg+xml" />
    <link rel="manifest" href="/manifest.webmanifest" />
  </head><body><div id="root"></div></body></html>`;

  it("are the entry script, its modulepreloads and the stylesheets", () => {
    expect(initialAssetsOf(html)).toEqual({
      scripts: ["/assets/index-abc.js", "/assets/vendor-def.js"],
      styles: ["/assets/index-123.css"],
    });
  });

  it("are measured gzip-compressed, in KB", () => {
    const content = "const waymark = 1;\n".repeat(2000);
    expect(gzipKilobytes(content)).toBeCloseTo(zlib.gzipSync(content).length / 1024, 6);
    expect(gzipKilobytes(content)).toBeLessThan(content.length / 1024 / 10);
  });
});

describe("the report", () => {
  it("judges a figure against its budget", () => {
    expect(
      verdict({
        measure: "p99",
        value: 24,
        unit: "ms",
        budget: { kind: "max", limit: 25, strict: true },
      }),
    ).toBe("ok");
    expect(
      verdict({
        measure: "p99",
        value: 25,
        unit: "ms",
        budget: { kind: "max", limit: 25, strict: true },
      }),
    ).toBe("MISSED");
    expect(
      verdict({ measure: "ratio", value: 50, unit: "%", budget: { kind: "min", limit: 50 } }),
    ).toBe("ok");
    expect(verdict({ measure: "none", value: null, unit: "" })).toBe("-");
  });

  it("prints the budget beside the figure", () => {
    const printed = table([
      {
        measure: "cold start",
        value: 480,
        unit: "ms",
        budget: { kind: "max", limit: 1000, strict: true },
      },
    ]);
    expect(printed).toContain("480 ms");
    expect(printed).toContain("< 1000 ms");
    expect(printed).toContain("ok");
  });

  it("draws the seeder's progress line", () => {
    const line = progressLine({
      membersDone: 250,
      membersTotal: 1000,
      rows: 50_000,
      elapsedMs: 2000,
    });
    expect(line).toContain(" 25%");
    expect(line).toContain("25,000 rows/s");
  });
});

describe("the load", () => {
  it("sends each request for another member or another day", () => {
    const members = [
      { memberId: "a", token: "ta" },
      { memberId: "b", token: "tb" },
    ];
    const options = { daySpread: 30, lastDay: "2026-06-30" };
    const paths = Array.from(
      { length: 60 },
      (_, index) => checkinRequest(index, members, options).path,
    );
    expect(new Set(paths).size).toBe(60);
    expect(checkinRequest(1, members, options).cookie).toBe("__Host-waymark_session=tb");
  });
});

describe("multi-row inserts", () => {
  it("number PostgreSQL's placeholders and keep SQLite's", () => {
    const rows = [
      [1, "x"],
      [2, null],
    ];
    expect(insertStatement("postgres", "t", ["a", "b"], rows).sql).toBe(
      'insert into "t" ("a","b") values ($1,$2),($3,$4)',
    );
    const sqlite = insertStatement("sqlite", "t", ["a", "b"], rows);
    expect(sqlite.sql).toBe('insert into "t" ("a","b") values (?,?),(?,?)');
    expect(sqlite.parameters).toEqual([1, "x", 2, null]);
  });
});

describe("a page's Lighthouse figure over several runs", () => {
  const run = (performance: number): LighthouseScores => ({
    url: "/",
    finalUrl: "/",
    performance,
    accessibility: 100,
    metrics: {},
    findings: [],
  });

  it("is the median run's, whichever order the runs came in", () => {
    expect(medianRun([run(72), run(94), run(81), run(88), run(79)])?.performance).toBe(81);
    expect(medianRun([run(90)])?.performance).toBe(90);
  });

  it("takes the lower middle of an even count, and nothing of no runs", () => {
    expect(medianRun([run(95), run(70)])?.performance).toBe(70);
    expect(medianRun([])).toBeNull();
  });
});

describe("why a Lighthouse run failed", () => {
  it("is the CLI's runtime error, not the braces that close its report", () => {
    const output = [
      "lighthouse exited with 1",
      "Runtime error encountered: The page did not paint any content. (NO_FCP) iVBORw0KGgo",
      "{",
      '  "runtimeError": { "code": "NO_FCP" }',
      "}",
    ].join("\n");
    expect(failureReason(new Error(output))).toBe(
      "Runtime error encountered: The page did not paint any content. (NO_FCP)",
    );
  });

  it("is the last two lines of any other failure", () => {
    expect(failureReason(new Error("spawn\nENOENT: no chromium\nat launch"))).toBe(
      "ENOENT: no chromium at launch",
    );
    expect(failureReason("gone")).toBe("gone");
  });
});
