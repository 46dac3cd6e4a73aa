import { matchesKeptHead, readAuditHead, verifyAuditChain } from "../server/security/audit";
import { withStore } from "./store";

/**
 * `waymark audit verify [--head SEQ:HASH]`: checks every link, prints the head to keep on
 * another machine (docs/deployment.md), and with --head checks that a head kept earlier still
 * matches — a log rewritten with every hash recomputed passes the first check, not this one.
 */
export async function auditVerify(args: string[] = []): Promise<number> {
  const headArgument = args[0] === "--head" ? args[1] : undefined;
  if (args.length > 0 && !/^\d+:[0-9a-f]{64}$/.test(headArgument ?? "")) {
    process.stderr.write("Usage: waymark audit verify [--head SEQ:HASH]\n");
    return 2;
  }
  return withStore(async (store) => {
    const result = await verifyAuditChain(store.db);
    if (!result.ok) {
      process.stdout.write(
        `The audit log is broken at event ${result.brokenAtSeq}: ${result.reason}. ` +
          `${result.events} events before it are intact.\n`,
      );
      return 1;
    }
    process.stdout.write(`The audit log is intact: ${result.events} events, every link holds.\n`);
    if (headArgument) {
      const [seq = "0", hash = ""] = headArgument.split(":");
      if (!(await matchesKeptHead(store.db, { seq: Number(seq), hash }))) {
        process.stdout.write(
          `The audit log does not match the head kept elsewhere: event ${seq} was rewritten or removed.\n`,
        );
        return 1;
      }
      process.stdout.write(`It matches the head kept elsewhere (event ${seq}).\n`);
    }
    const head = await readAuditHead(store.db);
    process.stdout.write(`audit head ${head.seq}:${head.hash}\n`);
    return 0;
  });
}
