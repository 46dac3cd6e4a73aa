// Bundles the server and CLI into one ES module (dist/server/waymark.js) so `npm start`
// runs plain JavaScript: tsx compiles every file at each start, which took seconds.
// Dependencies are bundled too: resolving and loading hundreds of small modules was most of
// the start-up time. Native addons stay external and load from node_modules; data files are
// copied beside the bundle.
import { copyFileSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

const outdir = "dist/server";
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: ["src/cli/waymark.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // pdfkit reads its font files from its own package folder at run time.
  external: ["better-sqlite3", "@node-rs/argon2", "pg-native", "pdfkit"],
  // Bundled CommonJS packages call require() for Node's built-ins; give the ES module one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  outfile: `${outdir}/waymark.js`,
  sourcemap: true,
  minify: true,
  logLevel: "warning",
});
copyFileSync("src/server/security/common-passwords.txt.gz", `${outdir}/common-passwords.txt.gz`);
