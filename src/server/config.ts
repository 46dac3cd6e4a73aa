import path from "node:path";

/** Everything the process reads from its environment, read once at start (DESIGN.md §5). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A postgres:// URL switches the store to PostgreSQL; otherwise SQLite in dataDir. */
  databaseUrl: string | null;
  /** Members may create their own accounts; an instance run by a clinic may turn it off. */
  signUpOpen: boolean;
  /** Public origin used in invite links, e.g. https://waymark.example.org. */
  publicUrl: string | null;
  /** Requests per IP per window on sign-in and sign-up. */
  authRateLimit: { max: number; windowMs: number };
  logLevel: string;
  webDir: string;
  /** Meeting feed URLs may point at loopback/private addresses (tests, a home lab). */
  allowPrivateFeedUrls: boolean;
  /**
   * The reverse proxies whose X-Forwarded-For/-Proto/-Host to believe: addresses or CIDRs,
   * comma-separated, or a number of hops. Unset: none, so a client cannot pick its own address.
   */
  trustProxy: string | number | false;
  /**
   * The key that seals secrets the server must read back (TOTP seeds), base64 of 32 bytes.
   * Unset: `secrets.key` in dataDir, made on first start. Several processes must share one.
   */
  secretsKey: string | null;
  /** The key being replaced, while secrets sealed with it are sealed again (a key change). */
  previousSecretsKey: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.WAYMARK_DATA_DIR ?? "./data");
  return {
    port: integer(env.PORT, 8080),
    host: env.HOST ?? "0.0.0.0",
    dataDir,
    databaseUrl: env.DATABASE_URL?.startsWith("postgres") ? env.DATABASE_URL : null,
    signUpOpen: env.WAYMARK_SIGNUP !== "closed",
    publicUrl: env.WAYMARK_PUBLIC_URL ?? null,
    authRateLimit: {
      max: integer(env.WAYMARK_AUTH_RATE_LIMIT, 30),
      windowMs: integer(env.WAYMARK_AUTH_RATE_WINDOW_MS, 15 * 60 * 1000),
    },
    logLevel: env.LOG_LEVEL ?? "info",
    webDir: path.resolve(env.WAYMARK_WEB_DIR ?? "dist/web"),
    allowPrivateFeedUrls: env.WAYMARK_ALLOW_PRIVATE_FEED_URLS === "1",
    trustProxy: trustedProxies(env.WAYMARK_TRUST_PROXY),
    secretsKey: env.WAYMARK_SECRETS_KEY?.trim() ? env.WAYMARK_SECRETS_KEY.trim() : null,
    previousSecretsKey: env.WAYMARK_SECRETS_KEY_PREVIOUS?.trim()
      ? env.WAYMARK_SECRETS_KEY_PREVIOUS.trim()
      : null,
  };
}

function trustedProxies(value: string | undefined): string | number | false {
  if (value === undefined || value.trim() === "") return false;
  return /^\d+$/.test(value.trim()) ? Number.parseInt(value, 10) : value.trim();
}

function integer(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`Not a whole number: ${value}`);
  return parsed;
}
