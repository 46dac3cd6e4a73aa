import { verifyAuditChain } from "../server/security/audit";
import { withStore } from "./store";

export async function auditVerify(): Promise<number> {
  const result = await withStore((store) => verifyAuditChain(store.db));
  if (result.ok) {
    process.stdout.write(`The audit log is intact: ${result.events} events, every link holds.\n`);
    return 0;
  }
  process.stdout.write(
    `The audit log is broken at event ${result.brokenAtSeq}: ${result.reason}. ` +
      `${result.events} events before it are intact.\n`,
  );
  return 1;
}
