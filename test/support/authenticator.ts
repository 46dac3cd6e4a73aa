import { Secret, TOTP } from "otpauth";

const STEP_MS = 30_000;

export interface AuthenticatorApp {
  secret: string;
  /** A code the server has not taken yet (each code works once, RFC 6238 §5.2). */
  nextCode(): string;
  /** The same, waiting for the next 30-second step when this one and the next are used up
   * (for tests that may sign someone in many times a minute). */
  nextCodeWhenDue(): Promise<string>;
}

/** The app on a phone: codes from the secret, never the same step twice. */
export function authenticatorApp(secret: string): AuthenticatorApp {
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  let lastStep = -1;
  const app: AuthenticatorApp = {
    secret,
    async nextCodeWhenDue() {
      // The server takes at most one step ahead of its clock.
      while (lastStep + 1 > Math.floor(Date.now() / STEP_MS) + 1) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      return app.nextCode();
    },
    nextCode() {
      // The server allows one step of drift, so the next step's code is good early.
      const step = Math.max(Math.floor(Date.now() / STEP_MS), lastStep + 1);
      lastStep = step;
      return totp.generate({ timestamp: step * STEP_MS });
    },
  };
  return app;
}
