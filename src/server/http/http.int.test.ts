import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, passphrase, uniqueEmail } from "../../../test/support/http-client";
import { signUp } from "../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../test/support/test-app";

describe.each(DIALECTS)("the HTTP edge on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  const userCount = async () =>
    (await t.store.db.selectFrom("users").select("id").execute()).length;

  it("answers health and serves an OpenAPI 3.1 document with the required operationIds", async () => {
    expect((await t.app.inject({ url: "/api/health" })).json()).toEqual({ status: "ok" });
    const document = (await t.app.inject({ url: "/api/openapi.json" })).json();
    expect(document.openapi).toBe("3.1.0");
    const operationIds = Object.values(
      document.paths as Record<string, Record<string, { operationId: string }>>,
    )
      .flatMap((methods) => Object.values(methods))
      .map((operation) => operation.operationId);
    for (const id of [
      "signUp",
      "signIn",
      "signOut",
      "getMe",
      "listSessions",
      "revokeSession",
      "createInvite",
      "acceptInvite",
    ]) {
      expect(operationIds).toContain(id);
    }
  });

  it("answers malformed JSON with 400 and writes nothing", async () => {
    const before = await userCount();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up",
      headers: { "content-type": "application/json" },
      payload: '{"email": "a@example.org", "password": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("malformed_json");
    expect(await userCount()).toBe(before);
  });

  it("answers wrong types with 400 naming the field", async () => {
    const response = await browserFor(t.app).post("/api/auth/sign-up", {
      email: uniqueEmail(),
      password: 12345,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_error", field: "password" });
    const badEmail = await browserFor(t.app).post("/api/auth/sign-up", {
      email: "not an email",
      password: passphrase(),
    });
    expect(badEmail.json().error.field).toBe("email");
  });

  it("answers an oversize body with 413 and writes nothing", async () => {
    const before = await userCount();
    const response = await browserFor(t.app).post("/api/auth/sign-up", {
      email: uniqueEmail(),
      password: passphrase(),
      displayName: "x".repeat(100_000),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("payload_too_large");
    expect(await userCount()).toBe(before);
  });

  it("answers a body that is not JSON with 415", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { "content-type": "text/plain" },
      payload: "email=a&password=b",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("unsupported_media_type");
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const response = await t.app.inject({ url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
    expect((await t.app.inject({ method: "POST", url: "/api/health" })).statusCode).toBe(404);
  });

  it("rejects a state-changing request from another origin (CSRF) and changes nothing", async () => {
    const { browser: member } = await signUp(t);
    const sessionId = (await member.get("/api/sessions")).json().sessions[0].id;
    const forged = await member.delete(`/api/sessions/${sessionId}`, {
      origin: "https://evil.example",
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe("csrf_rejected");
    const crossSite = await member.post(
      "/api/auth/sign-out",
      {},
      { "sec-fetch-site": "cross-site" },
    );
    expect(crossSite.statusCode).toBe(403);
    expect((await member.get("/api/me")).statusCode).toBe(200);
    const sameOrigin = await member.post(
      "/api/auth/sign-out",
      {},
      { origin: "http://localhost:80", "sec-fetch-site": "same-origin" },
    );
    expect(sameOrigin.statusCode).toBe(200);
  });

  it("requires a session for personal routes", async () => {
    const response = await t.app.inject({ url: "/api/me" });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("unauthenticated");
    const bogus = await t.app.inject({
      url: "/api/me",
      headers: { cookie: "__Host-waymark_session=forged" },
    });
    expect(bogus.statusCode).toBe(401);
  });

  it("sends a strict Content-Security-Policy and never caches API answers", async () => {
    const response = await t.app.inject({ url: "/api/health" });
    const csp = response.headers["content-security-policy"] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("compresses large API answers for a browser that accepts it, and leaves small ones alone", async () => {
    const { browser: member } = await signUp(t);
    const plain = await member.get("/api/openapi.json");
    const compressed = await member.request({
      method: "GET",
      url: "/api/openapi.json",
      headers: { "accept-encoding": "gzip" },
    });
    expect(compressed.headers["content-encoding"]).toBe("gzip");
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(gunzipSync(compressed.rawPayload).toString("utf8"))).toEqual(plain.json());

    const small = await member.request({
      method: "GET",
      url: "/api/health",
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.json()).toEqual({ status: "ok" });
  });
});
