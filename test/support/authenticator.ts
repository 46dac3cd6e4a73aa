import { Secret, TOTP } from "otpauth";

const STEP_MS = 30_000;

export interface AuthenticatorApp {
  secret: string;
  /** A code the server has not taken yet (each code works once, RFC 6238 §5.2). */
  nextCode(): string;
}

/** The app on a phone: codes from the secret, never the same step twice. */
export function authenticatorApp(secret: string): AuthenticatorApp {
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  let lastStep = -1;
  return {
    secret,
    nextCode() {
      // The server allows one step of drift, so the next step's code is good early.
      const step = Math.max(Math.floor(Date.now() / STEP_MS), lastStep + 1);
      lastStep = step;
      return totp.generate({ timestamp: step * STEP_MS });
    },
  };
}
