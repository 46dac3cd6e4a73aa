import { auditVerify } from "./audit-verify";
import { backup } from "./backup";
import { createAdmin } from "./create-admin";
import { migrate } from "./migrate";
import { restore } from "./restore";
import { seedBenchCommand } from "./seed-bench";
import { seedDemoCommand } from "./seed-demo";
import { serve } from "./serve";

/** `waymark <command>`: one file per command; this one only dispatches. */
const commands: Record<string, (args: string[]) => Promise<number>> = {
  serve,
  migrate,
  "create-admin": createAdmin,
  backup,
  restore,
  "seed-demo": seedDemoCommand,
  "seed-bench": seedBenchCommand,
  audit: async (args) => {
    if (args[0] === "verify") return auditVerify(args.slice(1));
    process.stderr.write("Usage: waymark audit verify [--head SEQ:HASH]\n");
    return 2;
  },
};

const USAGE = `Usage: waymark <command>

  serve [--demo]                 run the API and the web app (PORT, WAYMARK_DATA_DIR, DATABASE_URL)
  migrate                        bring the database schema up to date
  create-admin --email E [--password P]   make an admin (the password may come on standard input)
  backup [FILE]                  write a consistent copy of the database while it runs
  restore FILE                   replace the database with a backup (stop the server first)
  seed-demo                      add the demo organization and people
  seed-bench --members N --days D [--seed S]   fill an empty database with the benchmark data set
  audit verify [--head SEQ:HASH] check the audit log's hash chain (and a head kept elsewhere)
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(USAGE);
    return name === undefined || name === "--help" ? 0 : 2;
  }
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
