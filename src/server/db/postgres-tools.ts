import fs from "node:fs";
import path from "node:path";

/**
 * Finds a PostgreSQL client or server program: on the PATH, else in Debian's versioned
 * directory (/usr/lib/postgresql/<major>/bin), newest first.
 */
export function findPostgresTool(name: string): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  const root = "/usr/lib/postgresql";
  if (fs.existsSync(root)) {
    const majors = fs
      .readdirSync(root)
      .filter((entry) => /^\d+$/.test(entry))
      .sort((a, b) => Number(b) - Number(a));
    for (const major of majors) {
      const candidate = path.join(root, major, "bin", name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  throw new Error(
    `${name} was not found. Install PostgreSQL (Debian: apt-get install postgresql) or add its bin directory to PATH.`,
  );
}
