import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type WordSetName, wordSets } from "./catalogs";

/**
 * Words load in sets (catalogs.ts): the shell's with the entry, each feature's with its
 * screens. A screen that shows a key whose set has not loaded would draw the key itself, so
 * this test reads the code the way the bundler splits it — the entry is main.tsx and what it
 * imports; every `import("…")` starts a chunk — and checks that each key a module names is in
 * the shell's set or in a set loaded before that chunk draws (`lazyWithWords([...sets], …)`
 * on the way to it). Keys are found as string literals, `${…}.suffix` bases and `prefix.${…}`
 * templates, the ways Waymark's code names them.
 */
const WEB = path.resolve("src/web");
const SOURCES = [WEB, path.resolve("src/domain")];

/**
 * Modules that name keys for other code to show, with the sets those keys must be in: such a
 * module may be bundled with any screen (schemas import it), but only these sets' screens
 * show its keys.
 */
const KEYS_SHOWN_WITH: Record<string, WordSetName[]> = {
  // The access log's lines: the server runs describeAccess and sends the key; AccessLogScreen
  // (care/routes.tsx) loads these three sets.
  "src/domain/consent.ts": ["care", "peerGroup", "secondFactor"],
  // Goal and step templates, shown by the plan's screens only.
  "src/domain/plan-templates.ts": ["plan"],
};

interface Module {
  file: string;
  staticImports: string[];
  lazyImports: { target: string; sets: WordSetName[] }[];
  literals: string[];
  templatePrefixes: string[];
}

const modules = new Map<string, Module | null>();

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (/\.(ts|tsx)$/.test(candidate) && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function read(file: string): Module | null {
  if (modules.has(file)) return modules.get(file) ?? null;
  if (!SOURCES.some((root) => file.startsWith(root))) {
    modules.set(file, null);
    return null;
  }
  const code = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join("\n");
  const staticImports: string[] = [];
  for (const match of code.matchAll(/^\s*(?:import|export)\s+([^;]*?)\s*from\s+"([^"]+)"/gm)) {
    const clause = match[1] ?? "";
    const typeOnly =
      clause.startsWith("type ") ||
      (/^\{[^}]*\}$/.test(clause) &&
        clause
          .slice(1, -1)
          .split(",")
          .every((s) => /^\s*(type\s|$)/.test(s)));
    const target = resolveImport(file, match[2] ?? "");
    if (!typeOnly && target) staticImports.push(target);
  }
  const lazyImports: Module["lazyImports"] = [];
  const declared = new Map<string, WordSetName[]>();
  for (const match of code.matchAll(
    /lazyWithWords\(\s*\[([^\]]*)\]\s*,\s*\(\)\s*=>\s*import\(\s*"([^"]+)"\s*\)/g,
  )) {
    const sets = [...(match[1] ?? "").matchAll(/"(\w+)"/g)].map((m) => m[1] as WordSetName);
    declared.set(match[2] ?? "", sets);
  }
  for (const match of code.matchAll(/import\(\s*"([^"]+)"\s*\)/g)) {
    const target = resolveImport(file, match[1] ?? "");
    if (target) lazyImports.push({ target, sets: declared.get(match[1] ?? "") ?? [] });
  }
  const literals = [...code.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g)].map(
    (m) => m[1] ?? m[2] ?? "",
  );
  const templatePrefixes: string[] = [];
  for (const match of code.matchAll(/`([^`]*)`/g)) {
    const template = match[1] ?? "";
    if (!template.includes("${")) literals.push(template);
    else templatePrefixes.push(template.slice(0, template.indexOf("${")));
  }
  const module = { file, staticImports, lazyImports, literals, templatePrefixes };
  modules.set(file, module);
  return module;
}

function closure(root: string): Module[] {
  const seen = new Map<string, Module>();
  const stack = [root];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    const module = read(file);
    if (!module) continue;
    seen.set(file, module);
    stack.push(...module.staticImports);
  }
  return [...seen.values()];
}

let keysBySet: Map<WordSetName, Set<string>>;
let setOfKey: Map<string, WordSetName>;

beforeAll(async () => {
  keysBySet = new Map();
  setOfKey = new Map();
  for (const name of Object.keys(wordSets) as WordSetName[]) {
    const words = (await wordSets[name].en()).default;
    keysBySet.set(name, new Set(Object.keys(words)));
    for (const key of Object.keys(words)) setOfKey.set(key, name);
  }
});

/** The keys a module names, with the set each belongs to. */
function keysNamedBy(module: Module): string[] {
  const named = new Set<string>();
  const allKeys = [...setOfKey.keys()];
  for (const literal of module.literals) {
    if (setOfKey.has(literal)) named.add(literal);
    else if (/^[\w-]+(\.[\w-]+)+$/.test(literal)) {
      for (const key of allKeys) if (key.startsWith(`${literal}.`)) named.add(key);
    }
  }
  for (const prefix of module.templatePrefixes) {
    if (!prefix.includes(".")) continue;
    for (const key of allKeys) if (key.startsWith(prefix)) named.add(key);
  }
  return [...named];
}

interface Miss {
  file: string;
  key: string;
  set: WordSetName | undefined;
}

function misses(list: Module[], allowed: ReadonlySet<WordSetName>): Miss[] {
  const found: Miss[] = [];
  for (const module of list) {
    const shownWith = KEYS_SHOWN_WITH[path.relative(process.cwd(), module.file)];
    for (const key of keysNamedBy(module)) {
      const set = setOfKey.get(key);
      if (set === undefined || set === "shell") continue;
      if (shownWith ? shownWith.includes(set) : allowed.has(set)) continue;
      found.push({ file: path.relative(WEB, module.file), key, set });
    }
  }
  return found;
}

describe("words a screen shows", () => {
  it("are in the shell's set when the entry's code shows them", () => {
    const entry = closure(path.join(WEB, "main.tsx"));
    expect(entry.length).toBeGreaterThan(50);
    expect(misses(entry, new Set())).toEqual([]);
  });

  it("are loaded with the lazy chunk that shows them", () => {
    const entry = closure(path.join(WEB, "main.tsx"));
    const entryFiles = new Set(entry.map((module) => module.file));
    const found: (Miss & { screen: string })[] = [];
    const visited = new Set<string>();
    const visit = (target: string, allowed: ReadonlySet<WordSetName>) => {
      const id = `${target}|${[...allowed].sort().join(",")}`;
      if (visited.has(id)) return;
      visited.add(id);
      const chunk = closure(target).filter((module) => !entryFiles.has(module.file));
      const screen = path.relative(WEB, target);
      found.push(...misses(chunk, allowed).map((miss) => ({ screen, ...miss })));
      for (const module of chunk) {
        for (const next of module.lazyImports)
          visit(next.target, new Set([...allowed, ...next.sets]));
      }
    };
    for (const module of entry) {
      for (const next of module.lazyImports) visit(next.target, new Set(next.sets));
    }
    expect(visited.size).toBeGreaterThan(40);
    expect(found).toEqual([]);
  });
});
