import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { ensureDebianPackage } from "./system-packages";

/**
 * End-to-end journeys run what ships: the built web app and the bundled server
 * (dist/server/waymark.js), driven in Debian's Chromium (or CHROME_PATH), which is installed
 * when missing. The server bundle takes about a second, so it is rebuilt here every run and
 * can never be stale; the web build is `npm run build`'s job.
 */
export default function setup() {
  if (!fs.existsSync("dist/web/index.html")) {
    throw new Error("The web app is not built. Run `npm run build` before the end-to-end tests.");
  }
  execFileSync(process.execPath, ["scripts/build-server.mjs"], { stdio: "inherit" });
  if (process.env.CHROME_PATH) {
    if (!fs.existsSync(process.env.CHROME_PATH)) {
      throw new Error(`CHROME_PATH points at ${process.env.CHROME_PATH}, which does not exist.`);
    }
    return;
  }
  if (!fs.existsSync("/usr/bin/chromium")) ensureDebianPackage("chromium", "The end-to-end tests");
}
