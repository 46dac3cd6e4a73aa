import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite, type Store } from "./connect";

/** The SQLite store's group commit: what makes an answer wait, and how many fsyncs run. */
describe("the SQLite store's group commit", () => {
  const opened: { store: Store; dir: string }[] = [];
  afterEach(async () => {
    for (const { store, dir } of opened.splice(0)) {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A store whose fsyncs are logged and wait until the test lets them finish. */
  async function storeWithWatchedSync() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-wal-"));
    const events: string[] = [];
    let release: (() => void) | null = null;
    let held = false;
    const store = openSqlite(path.join(dir, "test.sqlite"), {
      syncFile: async (handle) => {
        events.push("sync started");
        if (held) await new Promise<void>((resolve) => (release = resolve));
        await handle.sync();
        events.push("sync done");
      },
    });
    opened.push({ store, dir });
    await sql`create table notes (id integer primary key, body text)`.execute(store.db);
    await store.durable();
    events.length = 0;
    const hold = () => {
      held = true;
    };
    const letGo = () => {
      held = false;
      release?.();
      release = null;
    };
    return { store, events, hold, letGo };
  }

  const insert = (store: Store, body: string) =>
    store.db
      .insertInto("notes" as never)
      .values({ body } as never)
      .execute();

  it("runs WAL with synchronous=NORMAL and syncs the WAL itself", async () => {
    const { store } = await storeWithWatchedSync();
    expect(store.sqlite?.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.sqlite?.pragma("synchronous", { simple: true })).toBe(1);
  });

  it("fsyncs once after a write, and not again while nothing new was committed", async () => {
    const { store, events } = await storeWithWatchedSync();
    await insert(store, "one");
    await store.durable();
    expect(events).toEqual(["sync started", "sync done"]);
    await store.durable();
    await store.db
      .selectFrom("notes" as never)
      .selectAll()
      .execute();
    await store.durable();
    expect(store.wal?.syncs).toBe(2); // the table's creation, then the insert
  });

  it("counts a write inside a transaction at its commit, not before", async () => {
    const { store, events } = await storeWithWatchedSync();
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("notes" as never)
        .values({ body: "in a transaction" } as never)
        .execute();
      await store.durable();
      expect(events).toEqual([]);
    });
    await store.durable();
    expect(events).toEqual(["sync started", "sync done"]);
  });

  it("does not resolve durable() before an fsync that began after the commit has finished", async () => {
    const { store, events, hold, letGo } = await storeWithWatchedSync();
    await insert(store, "first");
    hold();
    const first = store.durable().then(() => events.push("first acknowledged"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    // This commit lands while the first fsync is running: it needs the next one.
    await insert(store, "second");
    const second = store.durable().then(() => events.push("second acknowledged"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual(["sync started"]);
    letGo();
    await Promise.all([first, second]);
    const syncsDone = events.flatMap((event, index) => (event === "sync done" ? [index] : []));
    expect(syncsDone).toHaveLength(2);
    expect(events.indexOf("first acknowledged")).toBeGreaterThan(syncsDone[0] as number);
    expect(events.indexOf("second acknowledged")).toBeGreaterThan(syncsDone[1] as number);
  });

  it("lets many concurrent commits share a few fsyncs", async () => {
    const { store } = await storeWithWatchedSync();
    const before = store.wal?.syncs ?? 0;
    await Promise.all(
      Array.from({ length: 50 }, async (_, index) => {
        await store.db.transaction().execute(async (trx) => {
          await trx
            .insertInto("notes" as never)
            .values({ body: `note ${index}` } as never)
            .execute();
        });
        await store.durable();
      }),
    );
    const syncs = (store.wal?.syncs ?? 0) - before;
    expect(syncs).toBeGreaterThanOrEqual(1);
    expect(syncs).toBeLessThan(10);
  });
});
