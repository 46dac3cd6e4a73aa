import path from "node:path";
import { describe, expect, it } from "vitest";
import { initialSizes } from "../../bench/web";

/**
 * What a phone downloads before the first screen (issue 9's budget: 150 KB of gzip
 * JavaScript), measured on the build the journeys run against (`npm run build` first), the
 * same way the bench reports it. Sizes do not depend on the machine's load, so unlike the
 * bench's timings this one fails the suite.
 */
const BUDGET_KB = 150;
const sizes = () => initialSizes(path.resolve("dist/web"));
const listing = (files: { file: string; gzipKb: number }[]) =>
  files.map(({ file, gzipKb }) => `${file} ${gzipKb.toFixed(1)} KB`).join("\n");

describe("the first load", () => {
  it(`stays within ${BUDGET_KB} KB of gzip JavaScript`, () => {
    const { jsGzipKb, files } = sizes();
    expect(jsGzipKb, listing(files)).toBeLessThanOrEqual(BUDGET_KB);
  });

  it("carries no feature's words and no Spanish: they load with their screens", () => {
    const { files } = sizes();
    // Word sets build to /assets/<set>.<locale>-<hash>.js, the shell's Spanish to es-<hash>.js.
    const words = files.filter(({ file }) => /\/(?:[a-z-]+\.)?(en|es)-[\w-]+\.js$/.test(file));
    expect(words, listing(files)).toEqual([]);
  });
});
