import { Secret, TOTP } from "otpauth";

/**
 * TOTP (RFC 6238) through `otpauth`: SHA-1, six digits, 30-second steps — the settings every
 * authenticator app reads from a QR code. One step either side is accepted for clock drift.
 */
const PERIOD_SECONDS = 30;
const DRIFT_STEPS = 1;

function totpFor(secret: string, accountName = "Waymark"): TOTP {
  return new TOTP({
    issuer: "Waymark",
    label: accountName,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** 160 random bits (RFC 4226's recommended length), in base32 as apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from a QR code or a tap. */
export function totpUri(secret: string, accountName: string): string {
  return totpFor(secret, accountName).toString();
}

/** The time step a code belongs to, or null when it matches none in the window. */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  const delta = totpFor(secret).validate({
    token: code,
    timestamp: now.getTime(),
    window: DRIFT_STEPS,
  });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}
