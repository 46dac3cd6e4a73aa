/**
 * Whether a PostgreSQL URL crosses a network without TLS (ASVS 12.3.1): a host other than this
 * machine (or a Unix socket) and no `sslmode` that encrypts. The server still starts — an
 * operator may run PostgreSQL on a private link they trust — but says so at start.
 */
const ENCRYPTING_MODES = new Set(["require", "verify-ca", "verify-full"]);
const LOCAL_HOSTS = new Set(["", "localhost", "127.0.0.1", "[::1]", "::1"]);

export function isRemoteDatabaseWithoutTls(databaseUrl: string | null): boolean {
  if (!databaseUrl) return false;
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return false;
  }
  // A Unix socket: `?host=/var/run/postgresql` or an empty host.
  const socket = url.searchParams.get("host");
  if (socket?.startsWith("/")) return false;
  if (LOCAL_HOSTS.has(url.hostname) || url.hostname.startsWith("127.")) return false;
  const mode = url.searchParams.get("sslmode");
  return mode === null || !ENCRYPTING_MODES.has(mode);
}

export const REMOTE_DATABASE_WITHOUT_TLS_WARNING =
  "DATABASE_URL names another machine without sslmode=verify-full (or require): health data " +
  "would cross the network unencrypted. See docs/deployment.md.";
