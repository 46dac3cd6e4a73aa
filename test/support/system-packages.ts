import { execFileSync } from "node:child_process";

/**
 * Installs a Debian package the test suite needs when it is missing, the way a fresh CI
 * machine needs it; without root it stops with a message that says what to run.
 */
export function ensureDebianPackage(packageName: string, why: string): void {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    throw new Error(
      `${why} needs the Debian package "${packageName}". Install it with: sudo apt-get install -y ${packageName}`,
    );
  }
  process.stderr.write(`Installing ${packageName} for ${why} (apt-get)...\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", packageName], {
    stdio: "inherit",
    env,
  });
}
