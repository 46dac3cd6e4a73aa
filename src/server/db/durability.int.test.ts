import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { startServer } from "../../../test/support/server-process";
import { openStore } from "./connect";

describe("SQLite durability", () => {
  it("runs in WAL mode with synchronous=FULL", async () => {
    const dataDir = fs.mkdtempSync("/tmp/waymark-pragma-");
    const store = openStore({ databaseUrl: null, dataDir });
    try {
      expect(store.sqlite?.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(store.sqlite?.pragma("synchronous", { simple: true })).toBe(2);
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
});
