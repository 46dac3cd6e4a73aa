import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { carriesZod, initialSizes, staticClosure } from "../../bench/web";

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

describe("the screens opened in a hard moment", () => {
  // Building zod and the schemas held up the first draw on a slow phone (issue 16); the
  // forms load the server's body schemas when they are sent (screens/daily/api.ts).
  const assets = path.resolve("dist/web/assets");
  it.each(["CheckinScreen", "CravingScreen", "today-cards"])("%s draws without zod", (chunk) => {
    const files = staticClosure(assets, chunk);
    const withZod = files.filter((file) =>
      carriesZod(fs.readFileSync(path.join(assets, file), "utf8")),
    );
    expect(withZod, files.join("\n")).toEqual([]);
  });
});
