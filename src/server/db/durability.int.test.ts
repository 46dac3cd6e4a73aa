import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { startServer } from "../../../test/support/server-process";
import { startTestApp } from "../../../test/support/test-app";
import { openStore } from "./connect";

describe("SQLite durability", () => {
  it("runs in WAL mode with synchronous=NORMAL (the store fsyncs the WAL itself)", async () => {
    const dataDir = fs.mkdtempSync("/tmp/waymark-pragma-");
    const store = openStore({ databaseUrl: null, dataDir });
    try {
      expect(store.sqlite?.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(store.sqlite?.pragma("synchronous", { simple: true })).toBe(1);
    } finally {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("keeps every acknowledged write when the process is killed right after answering", async () => {
    const server = await startServer();
    const emails = Array.from({ length: 5 }, (_, i) => `durable.${i}@example.org`);
    try {
      for (const email of emails) {
        const response = await fetch(`${server.url}/api/auth/sign-up`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password: "steady steps along the river" }),
        });
        expect(response.status).toBe(201);
      }
      await server.crash();
      const store = openStore({ databaseUrl: null, dataDir: server.dataDir });
      try {
        const stored = await store.db.selectFrom("users").select("email").execute();
        expect(stored.map((u) => u.email).sort()).toEqual(emails);
      } finally {
        await store.close();
      }
    } finally {
      await server.stop();
    }
  });

  it("does not acknowledge a write until the disk has it: a failed sync is a 5xx", async () => {
    const test = await startTestApp("sqlite");
    try {
      test.context.store.durable = () => Promise.reject(new Error("the disk refused the fsync"));
      const response = await test.app.inject({
        method: "POST",
        url: "/api/auth/sign-up",
        payload: { email: "unsynced@example.org", password: "steady steps along the river" },
      });
      expect(response.statusCode).toBe(500);
    } finally {
      await test.close();
    }
  });
});
