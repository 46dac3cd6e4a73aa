import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** ASVS 15.1.2: a release carries a bill of materials of what it ships. */
describe("the SBOM a release carries", () => {
  it("lists every shipped package at its version, and no development tool", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "waymark-sbom-")), "bom.json");
    const { stdout } = await run("node", ["scripts/sbom.mjs", file], { timeout: 120_000 });
    expect(stdout).toContain("written to");
    const bom = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(bom.bomFormat).toBe("CycloneDX");
    const components = new Map<string, string>(
      bom.components.map((c: { name: string; group?: string; version: string }) => [
        c.group ? `${c.group}/${c.name}` : c.name,
        c.version,
      ]),
    );
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    expect(components.get("fastify")).toBe(lock.packages["node_modules/fastify"].version);
    expect(components.has("vitest")).toBe(false);
    expect(components.has("@biomejs/biome")).toBe(false);
  }, 150_000);
});
