import path from "node:path";
import { sessionLifetimeFor } from "../src/domain/session-lifetime";
import { buildApp } from "../src/server/app";
import { readConfig } from "../src/server/config";
import type { Store } from "../src/server/db/connect";
import { getProgress } from "../src/server/features/daily/use-service";
import { openSecretBox } from "../src/server/security/secret-box";
import { actorFor, createSession, SECURE_COOKIE } from "../src/server/security/session";
import { benchClinicianEmail, DEFAULT_CASELOAD, LONG_HISTORY_EMAIL } from "./generator";
import { type Summary, timeCalls } from "./stats";

/**
 * The read measures on one store: getProgress for the 10-year member (the service, in
 * process, as the member), and the clinician's caseload through the real endpoint,
 * `GET /api/care/caseload` (operationId getCaseload) on the app built in process and called
 * with Fastify's inject: session lookup, the grants' categories, the flags, one audit event
 * per member listed, the response schema. Only the socket is left out.
 */
export async function measureReads(store: Store, calls: number, dataDir: string) {
  const long = await store.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", LONG_HISTORY_EMAIL)
    .executeTakeFirstOrThrow();
  const actor = await actorFor(store.db, long.id, "bench");
  const progressCheck = await getProgress(store.db, actor, long.id);
  const progress = await timeCalls(() => getProgress(store.db, actor, long.id), calls);

  const clinician = await store.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", benchClinicianEmail(0))
    .executeTakeFirstOrThrow();
  // A clinician who gave their second factor at sign-in, as staff must before seeing anyone.
  const now = new Date();
  const session = await createSession(
    store.db,
    clinician.id,
    sessionLifetimeFor(["clinician"]),
    "waymark-bench",
    now,
    now,
  );
  const config = { ...readConfig({}), dataDir, webDir: path.join(dataDir, "no-web") };
  const secrets = await openSecretBox(store.db, config);
  const app = await buildApp({ db: store.db, store, config, secrets }, { logLevel: false });
  try {
    const getCaseload = async () => {
      const response = await app.inject({
        method: "GET",
        url: "/api/care/caseload",
        headers: { cookie: `${SECURE_COOKIE}=${session.token}` },
      });
      if (response.statusCode !== 200)
        throw new Error(`getCaseload answered ${response.statusCode}: ${response.body}`);
      return response.json() as { members: unknown[] };
    };
    const auditBefore = await auditEvents(store);
    const first = await getCaseload();
    if (first.members.length !== DEFAULT_CASELOAD)
      throw new Error(`The caseload has ${first.members.length} members, not ${DEFAULT_CASELOAD}`);
    if ((await auditEvents(store)) - auditBefore !== DEFAULT_CASELOAD)
      throw new Error("getCaseload did not write one audit event per member listed");
    const caseload: Summary = await timeCalls(getCaseload, calls);
    return {
      how: "progress: the service in process; caseload: GET /api/care/caseload through Fastify inject (audit included)",
      progressDaysSinceStart: progressCheck.daysSinceStart,
      progress,
      caseloadMembers: first.members.length,
      caseload,
    };
  } finally {
    await app.close();
  }
}

async function auditEvents(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll().as("events"))
    .executeTakeFirstOrThrow();
  return Number(row.events);
}
