import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { browserFor, passphrase, uniqueEmail } from "../../../test/support/http-client";
import { DIALECTS, startTestApp } from "../../../test/support/test-app";

/** A stream the app logs into, and what it has written so far. */
function captureLogs() {
  let logs = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  return { sink, text: () => logs };
}

describe.each(DIALECTS)("logs on %s", (dialect) => {
  it("record requests without passwords, emails, tokens or bodies", async () => {
    const { sink, text } = captureLogs();
    const t = await startTestApp(dialect, {}, sink);
    try {
      const browser = browserFor(t.app);
      const email = uniqueEmail("private");
      const password = passphrase();
      await browser.post("/api/auth/sign-up", { email, password, displayName: "Secret Name" });
      await browser.post("/api/auth/sign-in", { email, password: "a wrong passphrase here" });
      await browser.get(`/api/me?email=${encodeURIComponent(email)}`);
      const token = (browser.cookie as string).split("=")[1] as string;
      expect(text()).toContain("/api/auth/sign-up");
      for (const secret of [email, password, "Secret Name", token, "a wrong passphrase"]) {
        expect(text()).not.toContain(secret);
      }
    } finally {
      await t.close();
    }
  });

  it("logs each authentication operation with its outcome and account id, never the email", async () => {
    const { sink, text } = captureLogs();
    const t = await startTestApp(dialect, {}, sink);
    try {
      const browser = browserFor(t.app);
      const email = uniqueEmail("event");
      const password = passphrase();
      const id = (await browser.post("/api/auth/sign-up", { email, password })).json().id;
      await browser.post("/api/auth/sign-in", { email, password: "a wrong passphrase here" });
      await browser.post("/api/auth/sign-in", { email, password });
      await browser.post("/api/second-factor/recovery-codes", { password: "not it, sorry, no" });
      const events = text()
        .split("\n")
        .filter((line) => line.includes('"securityEvent"'))
        .map((line) => JSON.parse(line));
      expect(
        events.map(({ securityEvent, outcome, statusCode, userId }) => ({
          securityEvent,
          outcome,
          statusCode,
          userId,
        })),
      ).toEqual([
        { securityEvent: "sign-up", outcome: "success", statusCode: 201, userId: id },
        { securityEvent: "sign-in", outcome: "failure", statusCode: 401, userId: undefined },
        { securityEvent: "sign-in", outcome: "success", statusCode: 200, userId: id },
        {
          securityEvent: "recovery-codes-renewed",
          outcome: "failure",
          statusCode: 403,
          userId: id,
        },
      ]);
      expect(text()).not.toContain(email);
    } finally {
      await t.close();
    }
  });

  it("logs refusals of another site's request and of too many tries as security events", async () => {
    const { sink, text } = captureLogs();
    const t = await startTestApp(dialect, { authRateLimit: { max: 2, windowMs: 60_000 } }, sink);
    try {
      const browser = browserFor(t.app, "192.0.2.70");
      const email = uniqueEmail("limited");
      const password = passphrase();
      const id = (await browser.post("/api/auth/sign-up", { email, password })).json().id;
      const secret = "a note that must never reach a log";
      const forged = await browser.put(
        `/api/members/${id}/checkins/2026-12-01`,
        { note: secret },
        { origin: "https://elsewhere.example", "sec-fetch-site": "cross-site" },
      );
      expect(forged.statusCode).toBe(403);
      const wrong = { email, password: "a wrong passphrase here" };
      await browser.post("/api/auth/sign-in", wrong);
      await browser.post("/api/auth/sign-in", wrong);
      const limited = await browser.post("/api/auth/sign-in", wrong);
      expect(limited.statusCode).toBe(429);
      const events = text()
        .split("\n")
        .filter((line) => line.includes('"securityEvent"'))
        .map((line) => JSON.parse(line));
      const refusals = events.filter((e) => e.outcome === "failure" && e.statusCode !== 401);
      expect(
        refusals.map(({ securityEvent, statusCode, method, route, operation, userId }) => ({
          securityEvent,
          statusCode,
          method,
          route,
          operation,
          userId,
        })),
      ).toEqual([
        {
          securityEvent: "csrf-refused",
          statusCode: 403,
          method: "PUT",
          route: "/api/members/:memberId/checkins/:date",
          operation: undefined,
          userId: undefined,
        },
        {
          securityEvent: "rate-limited",
          statusCode: 429,
          method: "POST",
          route: "/api/auth/sign-in",
          operation: "sign-in",
          userId: undefined,
        },
      ]);
      expect(id).toBeTruthy();
      for (const never of [email, secret, "a wrong passphrase"])
        expect(text()).not.toContain(never);
    } finally {
      await t.close();
    }
  });
});
