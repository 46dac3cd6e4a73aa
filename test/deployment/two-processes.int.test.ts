import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticatorApp } from "../support/authenticator";
import { passphrase, uniqueEmail } from "../support/http-client";
import { softwarePasskey } from "../support/passkey-authenticator";
import { type ReverseProxy, startReverseProxy } from "../support/reverse-proxy";
import { type RunningServer, startServer } from "../support/server-process";
import { createDatabase } from "../support/test-app";

/**
 * A clinic's deployment in miniature (docs/deployment.md): two `waymark serve` processes on
 * one PostgreSQL behind a reverse proxy that hands requests to each in turn. What one process
 * knows, the other must know too: sessions, the limits on sign-in, Idempotency-Keys, the push
 * key pair, the key that seals authenticator seeds. (Reminders claim each occurrence in the database; their tests run two passes at
 * once.)
 */
const AUTH_LIMIT = 6;
const PUBLIC_URL = "https://waymark.clinic.example";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** A client on its own loopback address, keeping its session cookie like a browser. */
function client(base: string, localAddress: string) {
  let cookie: string | null = null;
  const send = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    new Promise<Answer>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = http.request(
        new URL(path, base),
        {
          method,
          localAddress,
          headers: {
            ...(payload ? { "content-type": "application/json" } : {}),
            ...(cookie ? { cookie } : {}),
            ...headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const setCookie = response.headers["set-cookie"]?.find((c) =>
              c.includes("waymark_session"),
            );
            if (setCookie) {
              const pair = setCookie.split(";")[0] ?? "";
              cookie = pair.endsWith("=") ? null : pair;
            }
            const text = Buffer.concat(chunks).toString();
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body:
                text && response.headers["content-type"]?.includes("json")
                  ? JSON.parse(text)
                  : text,
            });
          });
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
  return {
    get: (path: string) => send("GET", path),
    post: (path: string, body: unknown = {}, headers?: Record<string, string>) =>
      send("POST", path, body, headers),
    /** The same session, sent to another address (one process directly). */
    at: (other: string) => {
      const direct = client(other, localAddress);
      direct.setCookie(cookie);
      return direct;
    },
    setCookie: (value: string | null) => {
      cookie = value;
    },
  };
}

describe("two server processes on one PostgreSQL behind a proxy", () => {
  let databaseUrl: string;
  let servers: RunningServer[];
  let proxy: ReverseProxy;
  let env: Record<string, string>;

  beforeAll(async () => {
    databaseUrl = await createDatabase();
    env = {
      DATABASE_URL: databaseUrl,
      WAYMARK_TRUST_PROXY: "127.0.0.1",
      WAYMARK_AUTH_RATE_LIMIT: String(AUTH_LIMIT),
      // Passkeys are bound to the public address, not to whichever process answers.
      WAYMARK_PUBLIC_URL: PUBLIC_URL,
      // Each process has its own data directory: the sealing key must come from outside.
      WAYMARK_SECRETS_KEY: randomBytes(32).toString("base64"),
    };
    // Started together: both migrate the same empty database at once.
    servers = await Promise.all([startServer({ env }), startServer({ env })]);
    proxy = await startReverseProxy(servers.map((s) => s.url));
  }, 90_000);
  afterAll(async () => {
    await proxy?.close();
    await Promise.all((servers ?? []).map((s) => s.stop()));
  });

  async function member(localAddress: string) {
    const browser = client(proxy.url, localAddress);
    const signedUp = await browser.post("/api/auth/sign-up", {
      email: uniqueEmail("two"),
      password: passphrase(),
    });
    expect(signedUp.status).toBe(201);
    return { browser, id: (signedUp.body as { id: string }).id };
  }

  it("keeps a session on both processes, and ends it on both", async () => {
    const { browser, id } = await member("127.0.0.11");
    const before = [...proxy.handed];
    for (let i = 0; i < 4; i += 1) {
      const me = await browser.get("/api/me");
      expect(me.status).toBe(200);
      expect((me.body as { id: string }).id).toBe(id);
    }
    // Each process answered some of those.
    expect(proxy.handed.map((n, i) => n - (before[i] ?? 0))).toEqual([2, 2]);
    const [a, b] = servers.map((s) => browser.at(s.url)) as [
      ReturnType<typeof client>,
      ReturnType<typeof client>,
    ];
    expect((await browser.post("/api/auth/sign-out")).status).toBe(200);
    expect((await a.get("/api/me")).status).toBe(401);
    expect((await b.get("/api/me")).status).toBe(401);
  });

  it("lands a write once when its retry reaches the other process", async () => {
    const { browser, id } = await member("127.0.0.12");
    const [a, b] = servers.map((s) => browser.at(s.url)) as [
      ReturnType<typeof client>,
      ReturnType<typeof client>,
    ];
    const key = randomUUID();
    const craving = { intensity: 6 };
    const path = `/api/members/${id}/cravings`;
    const [first, second] = await Promise.all([
      a.post(path, craving, { "idempotency-key": key }),
      b.post(path, craving, { "idempotency-key": key }),
    ]);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const rows = await db.query("select id from cravings where member_id = $1", [id]);
      expect(rows.rowCount).toBe(1);
    } finally {
      await db.end();
    }
  });

  it("counts sign-ins from one address across both processes, and each address on its own", async () => {
    const attempt = (address: string) =>
      client(proxy.url, address).post("/api/auth/sign-in", {
        email: uniqueEmail("nobody"),
        password: passphrase(),
      });
    const within = [];
    for (let i = 0; i < AUTH_LIMIT; i += 1) within.push((await attempt("127.0.0.13")).status);
    expect(within).not.toContain(429);
    // Half of those went to each process: only a shared count says "over the limit" now.
    expect((await attempt("127.0.0.13")).status).toBe(429);
    // The proxy's own address is not the client's: another client is not held back.
    expect((await attempt("127.0.0.14")).status).toBe(401);
  });

  it("slows wrong passwords for one account whichever process is asked", async () => {
    const email = uniqueEmail("held");
    const owner = client(proxy.url, "127.0.0.15");
    expect((await owner.post("/api/auth/sign-up", { email, password: passphrase() })).status).toBe(
      201,
    );
    // Five free failures from one address, alternating between the processes...
    for (let i = 0; i < 5; i += 1) {
      const wrong = await client(proxy.url, "127.0.0.16").post("/api/auth/sign-in", {
        email,
        password: passphrase(),
      });
      expect(wrong.status).toBe(401);
    }
    // ...then the account waits, even when asked from elsewhere.
    const held = await client(proxy.url, "127.0.0.17").post("/api/auth/sign-in", {
      email,
      password: passphrase(),
    });
    expect(held.status).toBe(429);
    expect((held.body as { error: { code: string } }).error.code).toBe("rate_limited");
  });

  it("takes the answer to a passkey challenge one process gave at the other, once", async () => {
    const { browser } = await member("127.0.0.19");
    const [a, b] = servers.map((s) => browser.at(s.url)) as [
      ReturnType<typeof client>,
      ReturnType<typeof client>,
    ];
    const passkey = softwarePasskey(PUBLIC_URL);
    const options = await a.post("/api/second-factor/passkeys/options");
    expect(options.status).toBe(200);
    const response = passkey.create(options.body as { challenge: string; rp: { id?: string } });
    const added = await b.post("/api/second-factor/passkeys", { name: "Phone", response });
    expect(added.status).toBe(201);
    // The challenge is gone on both: the same answer, back at the first process (with the
    // new session token the first factor brought), is refused.
    const again = await b
      .at(servers[0]?.url ?? "")
      .post("/api/second-factor/passkeys", { name: "Phone", response });
    expect(again.status).toBe(400);
  });

  it("signs pushes with one key pair on both processes", async () => {
    const { browser } = await member("127.0.0.18");
    const keys = await Promise.all(
      servers.map((s) => browser.at(s.url).get("/api/push/public-key")),
    );
    expect(keys.map((k) => k.status)).toEqual([200, 200]);
    expect(keys[1]?.body).toEqual(keys[0]?.body);
  });

  it("opens on one process an authenticator seed the other sealed", async () => {
    const { browser } = await member("127.0.0.19");
    const [a, b] = servers.map((s) => browser.at(s.url)) as [
      ReturnType<typeof client>,
      ReturnType<typeof client>,
    ];
    const begun = await a.post("/api/second-factor/totp");
    expect(begun.status).toBe(201);
    const app = authenticatorApp((begun.body as { secret: string }).secret);
    const confirmed = await b.post("/api/second-factor/totp/confirm", { code: app.nextCode() });
    expect(confirmed.status).toBe(200);
  });

  it("refuses to start a process whose sealing key is not the installation's", async () => {
    const other = { ...env, WAYMARK_SECRETS_KEY: randomBytes(32).toString("base64") };
    await expect(startServer({ env: other })).rejects.toThrow(/another secrets key/);
    // Without the shared key, its own data directory's key is another key too.
    const { WAYMARK_SECRETS_KEY: _shared, ...withoutKey } = env;
    await expect(startServer({ env: withoutKey })).rejects.toThrow(/another secrets key/);
  }, 60_000);
});
