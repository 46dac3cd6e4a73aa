import fs from "node:fs";
import { ensureDebianPackage } from "./system-packages";

/** End-to-end tests drive Debian's Chromium (or CHROME_PATH); install it when it is missing. */
export default function setup() {
  if (process.env.CHROME_PATH) {
    if (!fs.existsSync(process.env.CHROME_PATH)) {
      throw new Error(`CHROME_PATH points at ${process.env.CHROME_PATH}, which does not exist.`);
    }
    return;
  }
  if (!fs.existsSync("/usr/bin/chromium")) ensureDebianPackage("chromium", "The end-to-end tests");
}
