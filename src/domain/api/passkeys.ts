import { z } from "zod";
import { PASSKEY_NAME_MAX_LENGTH } from "../passkeys";
import { passwordField } from "./auth";

/**
 * Passkeys (WebAuthn) as a second factor: request and response shapes (issue 19). The
 * ceremony's own shapes follow the WebAuthn JSON forms (PublicKeyCredential.toJSON) that
 * @simplewebauthn/browser sends; only their outline is checked here, the library checks the rest.
 */

/** Base64url text, as WebAuthn's JSON forms carry bytes. Attestations can be a few KB. */
const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);

const credentialDescriptorSchema = z.looseObject({
  id: z.string(),
  type: z.literal("public-key"),
  transports: z.array(z.string()).optional(),
});

/** What the browser's navigator.credentials.create() is called with. */
export const passkeyCreationOptionsSchema = z.looseObject({
  challenge: z.string(),
  rp: z.looseObject({ id: z.string().optional(), name: z.string() }),
  user: z.looseObject({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.looseObject({ alg: z.number(), type: z.literal("public-key") })),
  timeout: z.number().optional(),
  excludeCredentials: z.array(credentialDescriptorSchema).optional(),
  authenticatorSelection: z.looseObject({}).optional(),
  attestation: z.string().optional(),
  extensions: z.looseObject({}).optional(),
});
export type PasskeyCreationOptions = z.infer<typeof passkeyCreationOptionsSchema>;

/** What the browser's navigator.credentials.get() is called with. */
export const passkeyRequestOptionsSchema = z.looseObject({
  challenge: z.string(),
  timeout: z.number().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(credentialDescriptorSchema).optional(),
  userVerification: z.string().optional(),
  extensions: z.looseObject({}).optional(),
});
export type PasskeyRequestOptions = z.infer<typeof passkeyRequestOptionsSchema>;

const credentialFields = {
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.looseObject({}),
};

/** A new passkey, as the browser answers navigator.credentials.create(). */
export const registrationResponseSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(32_768),
    authenticatorData: base64url(32_768).optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(8192).optional(),
  }),
});

/** A passkey's signature, as the browser answers navigator.credentials.get(). */
export const authenticationResponseSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(8192),
    signature: base64url(8192),
    userHandle: base64url(1024).optional(),
  }),
});

export type AuthenticationResponse = z.infer<typeof authenticationResponseSchema>;

/** Opening the app lock with a passkey: its answer to the challenge from beginPasskeyUnlock. */
export const passkeyUnlockBodySchema = z.object({ passkey: authenticationResponseSchema });

export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(PASSKEY_NAME_MAX_LENGTH * 2);

export const addPasskeyBodySchema = z.object({
  name: passkeyNameSchema,
  response: registrationResponseSchema,
});
export type AddPasskeyBody = z.infer<typeof addPasskeyBodySchema>;

export const passkeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  /** The authenticator said it is synced (a phone's or a browser's password manager). */
  backedUp: z.boolean(),
});
export type Passkey = z.infer<typeof passkeySchema>;

export const passkeyListSchema = z.object({ passkeys: z.array(passkeySchema) });
export type PasskeyList = z.infer<typeof passkeyListSchema>;

/** A passkey added. Recovery codes come with a person's first second factor, shown once. */
export const addedPasskeySchema = z.object({
  passkey: passkeySchema,
  recoveryCodes: z.array(z.string()).nullable(),
});
export type AddedPasskey = z.infer<typeof addedPasskeySchema>;

export const passkeyParamsSchema = z.object({ passkeyId: z.string().min(1).max(64) });

/** Removing the last second factor is a choice the person makes knowingly: the request says so. */
export const removePasskeyQuerySchema = z.object({
  lastFactor: z.literal("remove-anyway").optional(),
});

/** Removing a factor asks for the password again (ASVS 5.0 7.5.1), like new recovery codes. */
export const removePasskeyBodySchema = z.object({ password: passwordField });
export type RemovePasskeyBody = z.infer<typeof removePasskeyBodySchema>;
