import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/test-app";

describe("serving the built web app", () => {
  let t: TestApp;
  const script = `console.log(${JSON.stringify("waymark ".repeat(200))});`;
  beforeAll(async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-web-"));
    fs.mkdirSync(path.join(webDir, "assets"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Waymark</title>");
    fs.writeFileSync(path.join(webDir, "assets", "app-abc123.js"), script);
    fs.writeFileSync(path.join(webDir, "assets", "app-abc123.js.br"), brotliCompressSync(script));
    t = await startTestApp("sqlite", { webDir });
  });
  afterAll(async () => t.close());

  it("sends the pre-compressed asset to browsers that take it, with a long cache life", async () => {
    const compressed = await t.app.inject({
      url: "/assets/app-abc123.js",
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers["content-encoding"]).toBe("br");
    expect(compressed.rawPayload.length).toBeLessThan(script.length / 4);
    expect(compressed.headers["cache-control"]).toContain("immutable");
    const plain = await t.app.inject({ url: "/assets/app-abc123.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("answers app routes with the shell and API misses with JSON", async () => {
    const route = await t.app.inject({ url: "/plan/history" });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain("<title>Waymark</title>");
    expect(route.headers["cache-control"]).toBe("no-cache");
    const api = await t.app.inject({ url: "/api/not-a-route" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("not_found");
  });

  it("serves the shell's own files and nothing outside the built folder", async () => {
    const head = await t.app.inject({ method: "HEAD", url: "/assets/app-abc123.js" });
    expect(head.statusCode).toBe(200);
    const folder = await t.app.inject({ url: "/assets/" });
    expect(folder.body).toContain("<title>Waymark</title>");
    for (const url of [
      "/../package.json",
      "/assets/..%2F..%2Fpackage.json",
      "/%2e%2e/package.json",
    ]) {
      const outside = await t.app.inject({ url });
      expect(outside.body, url).not.toContain('"name"');
    }
    const write = await t.app.inject({ method: "PUT", url: "/assets/app-abc123.js" });
    expect(write.statusCode).toBe(404);
    // The compressed copies are sent in place of their asset, never as files of their own.
    const copy = await t.app.inject({ url: "/assets/app-abc123.js.br" });
    expect(copy.headers["content-type"]).toContain("text/html");
  });
});
