import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  type ECDH,
  hkdfSync,
  randomBytes,
  verify,
} from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A push service in miniature on loopback, standing in for the browser vendor's. Each
 * subscription it hands out has a P-256 key pair and an auth secret generated here, as a
 * browser would, so a test can decrypt what the server sent (RFC 8291, aes128gcm) and check
 * its VAPID signature (RFC 8292) without trusting the code that produced them.
 */
export interface TestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** Decrypts one aes128gcm message body addressed to this subscription. */
  decrypt(body: Buffer): string;
}

export interface ReceivedPush {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  vapid: { valid: boolean; audience: string | null; subject: string | null; publicKey: string };
}

export interface TestPushService {
  origin: string;
  received: ReceivedPush[];
  subscription(): TestSubscription;
  /** The next answer the service gives (e.g. 410 for a subscription that is gone). */
  answerNext(status: number): void;
  close(): Promise<void>;
}

export async function startTestPushService(): Promise<TestPushService> {
  const received: ReceivedPush[] = [];
  const nextAnswers: number[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
        vapid: checkVapid(request.headers.authorization),
      });
      response.statusCode = nextAnswers.shift() ?? 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  let count = 0;
  return {
    origin,
    received,
    subscription() {
      count += 1;
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      return {
        endpoint: `${origin}/push/${count}-${randomBytes(6).toString("hex")}`,
        keys: {
          p256dh: ecdh.getPublicKey().toString("base64url"),
          auth: authSecret.toString("base64url"),
        },
        decrypt: (body) => decryptAes128gcm(body, ecdh, authSecret),
      };
    },
    answerNext(status) {
      nextAnswers.push(status);
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/**
 * RFC 8291 §3.4 and RFC 8188 §2: the body is salt (16) · record size (4) · key id length (1) ·
 * the sender's public key · ciphertext. The key comes from ECDH with the sender's key and two
 * HKDF steps; one record, padded with a 0x02 delimiter and zeros.
 */
export function decryptAes128gcm(body: Buffer, receiver: ECDH, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const senderPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`unexpected key id length ${idLength}`);
  if (ciphertext.length > recordSize) throw new Error("more than one record");

  const ecdhSecret = receiver.computeSecret(senderPublicKey);
  const keyInfo = Buffer.concat([
    Buffer.from("WebPush: info\0", "latin1"),
    receiver.getPublicKey(),
    senderPublicKey,
  ]);
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(
    hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0", "latin1"), 16),
  );
  const nonce = Buffer.from(
    hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0", "latin1"), 12),
  );
  const tag = ciphertext.subarray(ciphertext.length - 16);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(tag);
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 0x02) throw new Error("missing the last-record delimiter");
  return padded.subarray(0, end).toString("utf8");
}

/** `Authorization: vapid t=<JWT ES256>, k=<public key>` (RFC 8292 §3). */
function checkVapid(header: string | undefined): ReceivedPush["vapid"] {
  const invalid = { valid: false, audience: null, subject: null, publicKey: "" };
  const match = header?.match(/^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/);
  if (!match) return invalid;
  const [, jwt, k] = match as [string, string, string];
  const [head, claims, signature] = jwt.split(".") as [string, string, string];
  const point = Buffer.from(k, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
  const valid = verify(
    "sha256",
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  const payload = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as {
    aud?: string;
    sub?: string;
  };
  return { valid, audience: payload.aud ?? null, subject: payload.sub ?? null, publicKey: k };
}
