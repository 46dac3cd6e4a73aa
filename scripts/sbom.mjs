// The software bill of materials for a release (ASVS 15.1.2): every package the server and the
// web app ship with, at its exact version, as CycloneDX JSON, made by npm itself from the lock
// file. `npm run sbom [FILE]` writes dist/waymark.cdx.json by default. A runtime dependency npm
// leaves out (tsx, shared with the dev tools, is one) is named, so the release notes can say so.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const target = process.argv[2] ?? "dist/waymark.cdx.json";
const run = spawnSync("npm", ["sbom", "--sbom-format", "cyclonedx", "--omit", "dev"], {
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
  timeout: 120_000,
});
if (run.status !== 0) {
  console.error(`npm sbom failed: ${run.stderr.trim().split("\n").pop()}`);
  process.exit(1);
}
const bom = JSON.parse(run.stdout);
const listed = new Set((bom.components ?? []).map((component) => component.name));
const manifest = JSON.parse(fs.readFileSync("package.json", "utf8"));
const missing = Object.keys(manifest.dependencies ?? {}).filter((name) => {
  const bare = name.startsWith("@") ? name.split("/")[1] : name;
  return !listed.has(name) && !listed.has(bare);
});
if (missing.length > 0) console.log(`npm's SBOM leaves out: ${missing.join(", ")}`);
fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
fs.writeFileSync(target, `${JSON.stringify(bom, null, 2)}\n`);
console.log(`SBOM: ${listed.size} packages, CycloneDX ${bom.specVersion}, written to ${target}`);
