import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";

/**
 * A passkey authenticator in software, for tests that cannot press a real one: it makes an
 * ES256 (P-256) key pair and answers navigator.credentials.create() and .get() the way the
 * WebAuthn spec (§6.1 authenticator data, §6.5 attestation "none", §6.3.3 assertions) says a
 * browser and authenticator would, in the JSON form @simplewebauthn/browser sends.
 */
export interface SoftwarePasskey {
  credentialId: string;
  /** The counter it will sign next time, minus one; tests can wind it back. */
  signCount: number;
  /** The answer to registration options (navigator.credentials.create). */
  create(
    options: { challenge: string; rp: { id?: string } },
    overrides?: { origin?: string },
  ): RegistrationResponse;
  /** The answer to authentication options (navigator.credentials.get). */
  get(
    options: { challenge: string; rpId?: string },
    overrides?: { origin?: string; signCount?: number; userVerified?: boolean },
  ): AuthenticationResponse;
}

export interface RegistrationResponse {
  id: string;
  rawId: string;
  type: "public-key";
  clientExtensionResults: Record<string, never>;
  response: { clientDataJSON: string; attestationObject: string; transports: string[] };
}

export interface AuthenticationResponse {
  id: string;
  rawId: string;
  type: "public-key";
  clientExtensionResults: Record<string, never>;
  response: { clientDataJSON: string; authenticatorData: string; signature: string };
}

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_DATA = 0x40;

/** `origin` is where the "browser" is (the test app answers as http://localhost). */
export function softwarePasskey(origin = "http://localhost"): SoftwarePasskey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const credentialId = randomBytes(16);
  const id = credentialId.toString("base64url");
  // COSE_Key (RFC 9053): kty EC2, alg ES256, crv P-256, x, y.
  const cosePublicKey = cbor(
    new Map<number, unknown>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x ?? "", "base64url")],
      [-3, Buffer.from(jwk.y ?? "", "base64url")],
    ]),
  );
  const rpIdHashOf = (rpId: string) => createHash("sha256").update(rpId).digest();
  const rpIdOf = (url: string) => new URL(url).hostname;

  const passkey: SoftwarePasskey = {
    credentialId: id,
    signCount: 0,
    create(options, overrides = {}) {
      const at = overrides.origin ?? origin;
      const clientDataJSON = clientData("webauthn.create", options.challenge, at);
      const authData = Buffer.concat([
        rpIdHashOf(options.rp.id ?? rpIdOf(at)),
        Buffer.from([FLAG_USER_PRESENT | FLAG_USER_VERIFIED | FLAG_ATTESTED_DATA]),
        uint32(passkey.signCount),
        Buffer.alloc(16), // AAGUID: none, as attestation "none" allows
        Buffer.from([credentialId.length >> 8, credentialId.length & 0xff]),
        credentialId,
        cosePublicKey,
      ]);
      const attestationObject = cbor(
        new Map<string, unknown>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authData],
        ]),
      );
      return {
        id,
        rawId: id,
        type: "public-key",
        clientExtensionResults: {},
        response: {
          clientDataJSON: clientDataJSON.toString("base64url"),
          attestationObject: attestationObject.toString("base64url"),
          transports: ["internal"],
        },
      };
    },
    get(options, overrides = {}) {
      const at = overrides.origin ?? origin;
      passkey.signCount = overrides.signCount ?? passkey.signCount + 1;
      const clientDataJSON = clientData("webauthn.get", options.challenge, at);
      const authenticatorData = Buffer.concat([
        rpIdHashOf(options.rpId ?? rpIdOf(at)),
        // Present always; verified (fingerprint, face, device PIN) unless a test says not.
        Buffer.from([
          FLAG_USER_PRESENT | (overrides.userVerified === false ? 0 : FLAG_USER_VERIFIED),
        ]),
        uint32(passkey.signCount),
      ]);
      const signed = Buffer.concat([
        authenticatorData,
        createHash("sha256").update(clientDataJSON).digest(),
      ]);
      // ECDSA with SHA-256, DER-encoded, as WebAuthn carries ES256 signatures.
      const signature = sign("sha256", signed, privateKey);
      return {
        id,
        rawId: id,
        type: "public-key",
        clientExtensionResults: {},
        response: {
          clientDataJSON: clientDataJSON.toString("base64url"),
          authenticatorData: authenticatorData.toString("base64url"),
          signature: signature.toString("base64url"),
        },
      };
    },
  };
  return passkey;
}

function clientData(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

/** The little CBOR (RFC 8949) these structures need: integers, byte and text strings, maps. */
function cbor(value: unknown): Buffer {
  if (typeof value === "number") {
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (typeof value === "string") {
    const text = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, text.length), text]);
  }
  if (value instanceof Map) {
    const parts = [head(5, value.size)];
    for (const [key, item] of value) parts.push(cbor(key), cbor(item));
    return Buffer.concat(parts);
  }
  throw new Error(`cbor: cannot encode ${typeof value}`);
}

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 256) return Buffer.from([(major << 5) | 24, length]);
  if (length < 65_536) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  throw new Error("cbor: too long");
}
