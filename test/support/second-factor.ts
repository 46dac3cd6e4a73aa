import { Secret, TOTP } from "otpauth";
import { expect } from "vitest";
import type { Browser } from "./http-client";

/**
 * Staff in tests add an authenticator the way a person does — through the real enrolment
 * routes, with codes computed from the setup key like an authenticator app would — so their
 * session is fully signed in. There is no switch in the app that skips this.
 */
export interface Authenticator {
  secret: string;
  recoveryCodes: string[];
  /** A code the server has not taken yet (each code works once, RFC 6238 §5.2). */
  nextCode(): string;
}

const STEP_MS = 30_000;

/** The app on a phone: codes from the secret, never the same step twice. */
export function authenticatorApp(secret: string): Omit<Authenticator, "recoveryCodes"> {
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

/** Adds an authenticator for the person signed in on `browser`; their session is then verified. */
export async function enrolAuthenticator(browser: Browser): Promise<Authenticator> {
  const begun = await browser.post("/api/second-factor/totp");
  expect(begun.statusCode, begun.body).toBe(201);
  const app = authenticatorApp(begun.json().secret as string);
  const confirmed = await browser.post("/api/second-factor/totp/confirm", {
    code: app.nextCode(),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { ...app, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}
