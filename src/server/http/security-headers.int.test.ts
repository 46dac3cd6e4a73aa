import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../test/support/test-app";

/**
 * The browser-side controls of ASVS 5.0 V3.4 and V14.3.2, on every kind of answer: the web
 * shell, an API answer with a member's data, an error, an unknown address.
 */
describe.each(DIALECTS)("security headers on %s", (dialect) => {
  let t: TestApp;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-web-"));
  beforeAll(async () => {
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Waymark</title>");
    t = await startTestApp(dialect, { webDir });
    // A route that fails the way a bug would, with internals in its message.
    t.app.get("/api/test-only/explodes", async () => {
      throw new Error("select secret_column from secret_table where token = 'abc123'");
    });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  async function answers() {
    const member = await signUp(t, "Member");
    return {
      shell: await t.app.inject({ url: "/today" }),
      memberData: await member.browser.get(`/api/members/${member.id}/checkins`),
      me: await member.browser.get("/api/me"),
      refused: await t.app.inject({ url: "/api/me" }),
      unknown: await t.app.inject({ url: "/api/nothing-here" }),
    };
  }

  it("sends CSP with frame-ancestors, Referrer-Policy, Permissions-Policy, HSTS and nosniff everywhere", async () => {
    for (const [name, response] of Object.entries(await answers())) {
      const headers = response.headers;
      const csp = String(headers["content-security-policy"]);
      expect(csp, name).toContain("default-src 'self'");
      expect(csp, name).toContain("object-src 'none'");
      expect(csp, name).toContain("base-uri 'none'");
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(csp, name).not.toContain("unsafe-inline");
      expect(headers["referrer-policy"], name).toBe("no-referrer");
      const permissions = String(headers["permissions-policy"]);
      expect(permissions, name).toContain("camera=()");
      expect(permissions, name).toContain("microphone=()");
      expect(permissions, name).toContain("geolocation=(self)");
      // HSTS: a year at least, subdomains too (ASVS 3.4.1 at L2); browsers heed it over TLS only.
      const hsts = String(headers["strict-transport-security"]);
      expect(Number(hsts.match(/max-age=(\d+)/)?.[1]), name).toBeGreaterThanOrEqual(31_536_000);
      expect(hsts, name).toContain("includeSubDomains");
      expect(headers["x-content-type-options"], name).toBe("nosniff");
      expect(headers["x-powered-by"], name).toBeUndefined();
    }
  });

  it("never lets a browser or a shared cache keep an API answer, including errors", async () => {
    const { memberData, me, refused, unknown, shell } = await answers();
    expect(memberData.statusCode).toBe(200);
    for (const response of [memberData, me, refused, unknown]) {
      expect(response.headers["cache-control"]).toBe("no-store");
    }
    expect(shell.headers["cache-control"]).toBe("no-cache");
  });

  it("grants no other origin access (no CORS) and answers no TRACE", async () => {
    const member = await signUp(t, "Member");
    const crossOrigin = await member.browser.get("/api/me", { origin: "https://evil.example" });
    expect(crossOrigin.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await t.app.inject({
      method: "OPTIONS",
      url: "/api/me",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    const trace = await t.app.inject({ method: "TRACE", url: "/api/health" });
    expect(trace.statusCode).toBeGreaterThanOrEqual(400);
    expect(trace.statusCode).toBeLessThan(500);
  });

  it("answers an unexpected failure with a generic 500 that shows nothing inside (ASVS 16.5.1)", async () => {
    const response = await t.app.inject({ url: "/api/test-only/explodes" });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: "internal_error", message: expect.any(String) },
    });
    expect(response.body).not.toMatch(/secret|select|abc123|at .*\.ts/);
    expect(response.headers["cache-control"]).toBe("no-store");
  });
});
