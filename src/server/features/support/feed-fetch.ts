import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { AppError } from "../../errors";

/**
 * Fetches a Meeting Guide feed for an organization admin without letting the URL reach into
 * the server's own network: every address the host resolves to is checked, and the check
 * runs inside the connection's own lookup so a second DNS answer cannot slip past it. Size
 * and time are capped; redirects are not followed (a moved feed is registered again).
 */
export const FEED_MAX_BYTES = 5 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 10_000;

export interface FeedFetchOptions {
  allowPrivate: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

const blocked = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Loopback, private, link-local, unique-local, multicast or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is the IPv4 address in disguise.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], "ipv4");
  return blocked.check(address, "ipv6");
}

const refused = () =>
  new AppError(
    "feed_url_refused",
    400,
    "That feed address points into a private network, which this server does not fetch.",
    "url",
  );

/**
 * Plain http only to this machine, and only where private addresses are allowed (tests and
 * development, WAYMARK_ALLOW_PRIVATE_FEED_URLS=1): anything else crosses a network, and a feed
 * read in the clear can be changed on the way (ASVS 12.3.1).
 */
export function isPlainHttpAllowed(host: string, allowPrivate: boolean): boolean {
  if (!allowPrivate) return false;
  if (host === "localhost") return true;
  return net.isIP(host) !== 0 && isLoopback(host);
}

function isLoopback(address: string): boolean {
  if (address === "::1") return true;
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return v4?.startsWith("127.") === true;
}

export async function fetchFeed(url: string, options: FeedFetchOptions): Promise<unknown> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : target.protocol === "http:" ? http : null;
  if (!client) throw new AppError("feed_url_invalid", 400, "Use an http(s) feed address.", "url");
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) && !options.allowPrivate && isPrivateAddress(host)) throw refused();
  if (!net.isIP(host)) await checkHost(host, options.allowPrivate);
  // After the address checks, so a private address is named as such first.
  if (client === http && !isPlainHttpAllowed(host, options.allowPrivate)) {
    throw new AppError(
      "feed_url_insecure",
      400,
      "Use the feed's https address: this server does not fetch feeds over plain http.",
      "url",
    );
  }

  const maxBytes = options.maxBytes ?? FEED_MAX_BYTES;
  const body = await new Promise<string>((resolve, reject) => {
    const request = client.get(
      target,
      {
        signal: AbortSignal.timeout(options.timeoutMs ?? FEED_TIMEOUT_MS),
        headers: { accept: "application/json" },
        lookup: guardedLookup(options.allowPrivate),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          response.resume();
          reject(feedError(`The feed answered with status ${status}.`));
          return;
        }
        const declared = Number(response.headers["content-length"] ?? 0);
        if (declared > maxBytes) {
          request.destroy();
          reject(tooLarge(maxBytes));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            request.destroy();
            reject(tooLarge(maxBytes));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        response.on("error", reject);
      },
    );
    request.on("error", (error) => {
      if (error instanceof AppError) reject(error);
      else if (error.name === "AbortError" || error.name === "TimeoutError") {
        reject(feedError("The feed took too long to answer."));
      } else reject(feedError("The feed could not be reached."));
    });
  });
  try {
    return JSON.parse(body);
  } catch {
    throw feedError("The feed is not valid JSON.");
  }
}

async function checkHost(host: string, allowPrivate: boolean) {
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true });
  } catch {
    throw feedError("The feed's host name could not be found.");
  }
  if (!allowPrivate && addresses.some((entry) => isPrivateAddress(entry.address))) throw refused();
}

/** The connection's own DNS lookup, refusing private answers (no rebinding between checks). */
function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as dns.LookupAddress[];
      if (!allowPrivate && list.some((entry) => isPrivateAddress(entry.address))) {
        return callback(refused() as unknown as NodeJS.ErrnoException, "", 4);
      }
      if (options.all) return (callback as unknown as AllCallback)(null, list);
      const first = list[0];
      if (!first) return callback(new Error("no address") as NodeJS.ErrnoException, "", 4);
      callback(null, first.address, first.family);
    });
  };
}
type AllCallback = (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void;

const feedError = (message: string) => new AppError("feed_unavailable", 422, message, "url");
const tooLarge = (maxBytes: number) =>
  new AppError(
    "feed_too_large",
    422,
    `The feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, which this server does not import.`,
    "url",
  );
