import fs from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * Reads a V8 CPU profile (`node --cpu-prof`) without a flame graph: self time summed per
 * function and per source file or package, mapped back through the bundle's source map so a
 * minified name reads as `src/server/security/session.ts:83`.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function topSelfTime(profile: CpuProfile, count: number): string[] {
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((nodeId, index) => {
    selfMicros.set(nodeId, (selfMicros.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...selfMicros.values()].reduce((sum, micros) => sum + micros, 0) || 1;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const where = locator();
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (micros === 0) continue;
    const place = where(node.callFrame);
    byFunction.set(place.function, (byFunction.get(place.function) ?? 0) + micros);
    byFile.set(place.file, (byFile.get(place.file) ?? 0) + micros);
  }
  const lines = (map: Map<string, number>, limit: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, micros]) => `${((micros / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  return [
    `${(total / 1e6).toFixed(1)} s sampled; by function:`,
    ...lines(byFunction, count),
    "by file or package:",
    ...lines(byFile, Math.ceil(count / 2)),
  ];
}

/** Source-mapped names, with node_modules collapsed to the package and builtins named. */
function locator() {
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (url: string) => {
    if (!maps.has(url)) {
      let map: SourceMap | null = null;
      try {
        const file = fileURLToPath(url);
        map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
      } catch {
        map = null;
      }
      maps.set(url, map);
    }
    return maps.get(url) ?? null;
  };
  return (frame: ProfileNode["callFrame"]) => {
    const name = frame.functionName || "(anonymous)";
    if (!frame.url) return { function: name, file: name.startsWith("(") ? name : "(native)" };
    const map = frame.url.startsWith("file:") ? mapFor(frame.url) : null;
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
    const source =
      entry && "originalSource" in entry ? shorten(entry.originalSource) : shorten(frame.url);
    const line = entry && "originalLine" in entry ? entry.originalLine + 1 : frame.lineNumber + 1;
    const original = entry && "name" in entry && entry.name ? entry.name : name;
    return { function: `${original} ${source}:${line}`, file: packageOf(source) };
  };
}

function shorten(source: string): string {
  const at = source.lastIndexOf("node_modules/");
  if (at >= 0) return source.slice(at + "node_modules/".length);
  const src = source.indexOf("src/");
  if (src >= 0) return source.slice(src);
  return source.replace(/^node:/, "node:");
}

function packageOf(source: string): string {
  if (source.startsWith("src/")) return source;
  if (source.startsWith("node:")) return "node: (built-ins)";
  const parts = source.split("/");
  return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? source);
}
