// Writes the list of every file of this build into dist/web/sw.js (issue 15), so the service
// worker caches all of it at install — lazily loaded screens and every set of words in both
// languages — and a new build (a new list, a new id) replaces the old build's cache. Runs
// after `vite build`, before scripts/compress-web.mjs.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = "dist/web";
const worker = path.join(root, "sw.js");
const placeholder = 'const BUILD = { id: "development", files: [] };';

function* files(dir) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

const served = [...files(root)]
  .filter((file) => file !== worker && !/\.(gz|br|map)$/.test(file))
  .map((file) => `/${path.relative(root, file).split(path.sep).join("/")}`)
  .sort();
const hash = createHash("sha256");
for (const file of served) hash.update(file).update(readFileSync(path.join(root, file)));
const build = { id: hash.digest("hex").slice(0, 16), files: served };

const source = readFileSync(worker, "utf8");
if (!source.includes(placeholder)) throw new Error(`${worker} has no BUILD placeholder`);
writeFileSync(worker, source.replace(placeholder, `const BUILD = ${JSON.stringify(build)};`));
const kilobytes =
  served.reduce((sum, file) => sum + statSync(path.join(root, file)).size, 0) / 1024;
console.log(
  `service worker precaches ${served.length} files (${kilobytes.toFixed(0)} kB) of build ${build.id}`,
);
