import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, DIALECTS } from "../../test/support/test-app";
import { openStore } from "../server/db/connect";
import { GENESIS_HASH } from "../server/db/migrations/0001_foundation";
import { appendAuditEvent } from "../server/security/audit";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const CLI = path.resolve("src/cli/waymark.ts");

/** Runs the real `waymark` command, as an operator would, and returns its exit code and output. */
async function waymark(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe.each(DIALECTS)("the waymark command on %s", (dialect) => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-cli-"));
    env = {
      WAYMARK_DATA_DIR: dataDir,
      DATABASE_URL: dialect === "postgres" ? await createDatabase() : "",
    };
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const emails = async () => {
    const store = openStore({ databaseUrl: env.DATABASE_URL || null, dataDir });
    try {
      return (await store.db.selectFrom("users").select("email").orderBy("email").execute()).map(
        (u) => u.email,
      );
    } finally {
      await store.close();
    }
  };

  it("creates an admin, refusing a weak password", async () => {
    const weak = await waymark(
      env,
      "create-admin",
      "--email",
      "a@example.org",
      "--password",
      "password",
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("15 characters");
    const ok = await waymark(
      env,
      "create-admin",
      "--email",
      "admin@example.org",
      "--password",
      "lantern over the quiet harbor",
    );
    expect(ok.code).toBe(0);
    expect(await emails()).toEqual(["admin@example.org"]);
  });

  it("reads the admin's password from standard input, keeping it out of the shell history", async () => {
    const child = spawn(TSX, [CLI, "create-admin", "--email", "stdin@example.org"], {
      env: { ...process.env, ...env },
    });
    child.stdin.end("lantern over the quiet harbor\n");
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
    expect(await emails()).toEqual(["stdin@example.org"]);
  });

  it("backs up while running and restores the copy", async () => {
    await waymark(
      env,
      "create-admin",
      "--email",
      "before@example.org",
      "--password",
      "lantern over the quiet harbor",
    );
    const file = path.join(dataDir, "backup.bin");
    const backup = await waymark(env, "backup", file);
    expect(backup.code, backup.stderr).toBe(0);
    await waymark(
      env,
      "create-admin",
      "--email",
      "after@example.org",
      "--password",
      "lantern over the quiet harbor",
    );
    expect(await emails()).toEqual(["after@example.org", "before@example.org"]);
    const restore = await waymark(env, "restore", file);
    expect(restore.code, restore.stderr).toBe(0);
    expect(await emails()).toEqual(["before@example.org"]);
  });

  /** Audit events written the way the app writes them, one read per resource. */
  async function appendReads(resources: string[]) {
    const store = openStore({ databaseUrl: env.DATABASE_URL || null, dataDir });
    try {
      for (const resource of resources) {
        await appendAuditEvent(store.db, {
          actorId: "clinician",
          memberId: "member",
          action: "read",
          resource,
          purpose: "Treatment",
          outcome: "allowed",
        });
      }
    } finally {
      await store.close();
    }
  }

  it("finds a log rewritten with every hash recomputed, against a head kept elsewhere", async () => {
    await waymark(env, "migrate");
    await appendReads(["profile", "check-ins"]);
    const kept = /audit head (\d+:[0-9a-f]{64})/.exec(
      (await waymark(env, "audit", "verify")).stdout,
    );
    // Someone with the database rewrites history from the start: a consistent new chain.
    const rewrite = openStore({ databaseUrl: env.DATABASE_URL || null, dataDir });
    await rewrite.db.deleteFrom("audit_events").execute();
    await rewrite.db
      .updateTable("audit_head")
      .set({ seq: 0, hash: GENESIS_HASH })
      .where("id", "=", 1)
      .execute();
    await rewrite.close();
    await appendReads(["nothing", "to see"]);
    expect((await waymark(env, "audit", "verify")).code).toBe(0);
    const checked = await waymark(env, "audit", "verify", "--head", kept?.[1] ?? "");
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain("does not match the head kept elsewhere");
    expect((await waymark(env, "audit", "verify", "--head", "nonsense")).code).toBe(2);
    // Each run starts the real command (about 5 s on a busy machine).
  }, 120_000);

  it("verifies the audit chain and names the first broken link", async () => {
    await waymark(env, "migrate");
    await appendReads(["profile", "check-ins", "plan"]);
    const intact = await waymark(env, "audit", "verify");
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("3 events");
    // The head to keep on another machine (ASVS 16.4.3), and a check against it.
    const head = /audit head (\d+:[0-9a-f]{64})/.exec(intact.stdout)?.[1] ?? "";
    expect(head).toMatch(/^3:/);
    const matching = await waymark(env, "audit", "verify", "--head", head);
    expect(matching.code, matching.stdout).toBe(0);
    expect(matching.stdout).toContain("matches the head kept elsewhere");
    const tamper = openStore({ databaseUrl: env.DATABASE_URL || null, dataDir });
    await tamper.db
      .updateTable("audit_events")
      .set({ purpose: "curiosity" })
      .where("seq", "=", 2)
      .execute();
    await tamper.close();
    const broken = await waymark(env, "audit", "verify");
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("broken at event 2");
  }, 120_000);
});
