import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pushEndpointProblem, vapidSubject } from "./sender";
import { loadVapidKeys, VAPID_FILE } from "./vapid";

describe("push endpoints", () => {
  it("accept public https push services", () => {
    expect(pushEndpointProblem("https://fcm.googleapis.com/fcm/send/abc")).toBeNull();
    expect(pushEndpointProblem("https://updates.push.services.mozilla.com/wpush/v2/x")).toBeNull();
    expect(pushEndpointProblem("https://web.push.apple.com/QGx")).toBeNull();
  });

  it("refuse plain http, loopback, private networks and user names", () => {
    for (const endpoint of [
      "http://fcm.googleapis.com/fcm/send/abc",
      "https://localhost/push",
      "https://127.0.0.1/push",
      "https://[::1]/push",
      "https://10.0.0.8/push",
      "https://172.20.1.1/push",
      "https://192.168.1.10/push",
      "https://169.254.169.254/latest",
      "https://[fd00::1]/push",
      "https://user:secret@push.example.net/x",
      "ftp://push.example.net/x",
      "not a url",
    ]) {
      expect(pushEndpointProblem(endpoint), endpoint).not.toBeNull();
    }
  });

  it("accept loopback, even plain http, only when the caller allows it (tests)", () => {
    expect(pushEndpointProblem("http://127.0.0.1:4000/push/1", { allowLoopback: true })).toBeNull();
    expect(pushEndpointProblem("http://localhost:4000/push/1", { allowLoopback: true })).toBeNull();
    expect(pushEndpointProblem("http://192.168.1.10/push", { allowLoopback: true })).not.toBeNull();
  });

  it("name the operator by the public https address when there is one", () => {
    expect(vapidSubject("https://waymark.example.org/app")).toBe("https://waymark.example.org");
    expect(vapidSubject(null)).toMatch(/^mailto:/);
  });
});

describe("VAPID keys", () => {
  it("are made once, kept readable by the server's user only, and reused", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-vapid-"));
    try {
      const keys = loadVapidKeys(dataDir);
      expect(Buffer.from(keys.publicKey, "base64url")).toHaveLength(65);
      const file = path.join(dataDir, VAPID_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(keys);
      expect(loadVapidKeys(dataDir)).toEqual(keys);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
