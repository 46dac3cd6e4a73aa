import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, startTestApp, type TestApp } from "../../../test/support/test-app";
import { loadVapidKeys, shareVapidKeys, VAPID_FILE } from "./vapid";

describe.each(DIALECTS)("one VAPID key pair per installation on %s", (dialect) => {
  let t: TestApp;
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-vapid-"));
    dirs.push(dir);
    return dir;
  };
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("adopts an existing pair, and gives every process's data dir the same one", async () => {
    // Two processes starting at once, one with a pair of its own and one with an empty dir.
    const older = dataDir();
    loadVapidKeys(older);
    const [first, second] = await Promise.all([
      shareVapidKeys(t.store.db, older),
      shareVapidKeys(t.store.db, dataDir()),
    ]);
    expect(second).toEqual(first);
    const third = dataDir();
    expect(await shareVapidKeys(t.store.db, third)).toEqual(first);
    expect(loadVapidKeys(third)).toEqual(first);
    // The copy in a data dir is readable by the server's user only.
    expect(fs.statSync(path.join(third, VAPID_FILE)).mode & 0o777).toBe(0o600);
    // An installation from before the database kept the pair: its devices subscribed to this
    // key, so the pair in its data dir becomes the installation's.
    const alone = await startTestApp(dialect);
    try {
      const olderAlone = dataDir();
      const kept = loadVapidKeys(olderAlone);
      expect(await shareVapidKeys(alone.store.db, olderAlone)).toEqual(kept);
      expect(await shareVapidKeys(alone.store.db, dataDir())).toEqual(kept);
    } finally {
      await alone.close();
    }
  });
});
