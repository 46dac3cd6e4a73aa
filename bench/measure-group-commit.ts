import path from "node:path";
import { buildApp } from "../src/server/app";
import { readConfig } from "../src/server/config";
import { openSqlite } from "../src/server/db/connect";
import { openSecretBox } from "../src/server/security/secret-box";
import { checkinRequest, type LoadOptions, type SignedInMember } from "./load";

/**
 * How many fsyncs a check-in costs under concurrency: the app in process (Fastify inject, no
 * sockets), 50 check-ins in flight at a time, on the seeded SQLite file. With
 * synchronous=FULL each would cost one; the group commit (db/wal-sync.ts) lets the commits
 * that land while one fsync runs share the next.
 */
export async function measureGroupCommit(
  dataDir: string,
  members: SignedInMember[],
  load: Pick<LoadOptions, "daySpread" | "lastDay" | "connections">,
  requests: number,
) {
  const store = openSqlite(path.join(dataDir, "waymark.sqlite"));
  const config = { ...readConfig({}), dataDir, webDir: path.join(dataDir, "no-web") };
  const secrets = await openSecretBox(store.db, config);
  const app = await buildApp({ db: store.db, store, config, secrets }, { logLevel: false });
  try {
    const syncsBefore = store.wal?.syncs ?? 0;
    const started = process.hrtime.bigint();
    let failed = 0;
    await Promise.all(
      Array.from({ length: load.connections }, async (_, lane) => {
        for (let index = lane; index < requests; index += load.connections) {
          const next = checkinRequest(index, members, load);
          const response = await app.inject({
            method: "PUT",
            url: next.path,
            headers: {
              "content-type": "application/json",
              cookie: next.cookie,
            },
            payload: next.body,
          });
          if (response.statusCode >= 300) failed += 1;
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (failed > 0) throw new Error(`${failed} in-process check-ins were not 2xx`);
    const syncs = (store.wal?.syncs ?? 0) - syncsBefore;
    return {
      requests,
      seconds,
      requestsPerSecond: requests / seconds,
      fsyncs: syncs,
      fsyncsPerCheckin: syncs / requests,
    };
  } finally {
    await app.close();
    await store.close();
  }
}
