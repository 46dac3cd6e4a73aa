import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { matchTotpStep, newTotpSecret, totpUri } from "./totp";

const secret = newTotpSecret();
const app = new TOTP({ secret: Secret.fromBase32(secret) });
const at = new Date("2026-12-05T12:00:10Z");
const step = Math.floor(at.getTime() / 30_000);
const codeAt = (time: number) => app.generate({ timestamp: time });

describe("TOTP codes", () => {
  it("match the step they were made for", () => {
    expect(matchTotpStep(secret, codeAt(at.getTime()), at)).toBe(step);
  });

  it("allow one step of clock drift either way, and no more", () => {
    expect(matchTotpStep(secret, codeAt(at.getTime() - 30_000), at)).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(at.getTime() + 30_000), at)).toBe(step + 1);
    expect(matchTotpStep(secret, codeAt(at.getTime() - 90_000), at)).toBeNull();
    expect(matchTotpStep(secret, codeAt(at.getTime() + 90_000), at)).toBeNull();
  });

  it("refuse a wrong code and a code for another secret", () => {
    const wrong = String((Number(codeAt(at.getTime())) + 1) % 1_000_000).padStart(6, "0");
    expect(matchTotpStep(secret, wrong, at)).toBeNull();
    const other = new TOTP({ secret: Secret.fromBase32(newTotpSecret()) });
    expect(matchTotpStep(secret, other.generate({ timestamp: at.getTime() }), at)).toBeNull();
  });

  it("use fresh 160-bit secrets and an address authenticator apps read", () => {
    expect(newTotpSecret()).not.toBe(secret);
    expect(Secret.fromBase32(secret).bytes.length).toBe(20);
    const uri = totpUri(secret, "sam@example.org");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Waymark:sam%40example\.org\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("period=30");
  });
});
