import { describe, expect, it } from "vitest";
import { startFeedServer } from "../../../../test/support/feed-server";
import { fetchFeed, isPlainHttpAllowed, isPrivateAddress } from "./feed-fetch";

describe("isPrivateAddress", () => {
  it("refuses loopback, private, link-local, unique-local and mapped forms", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "not an address",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});

describe("fetchFeed", () => {
  it("refuses loopback and IPv6 literals before connecting", async () => {
    for (const url of [
      "http://127.0.0.1:9/feed.json",
      "http://[::1]:9/feed.json",
      "http://localhost:9/x",
    ]) {
      await expect(fetchFeed(url, { allowPrivate: false })).rejects.toMatchObject({
        code: "feed_url_refused",
      });
    }
  });

  it("refuses plain http to anywhere but this machine, and there only in development (ASVS 12.3.1)", async () => {
    // A public address: refused before any connection, whatever the setting.
    for (const allowPrivate of [false, true]) {
      await expect(
        fetchFeed("http://93.184.216.34/feed.json", { allowPrivate }),
      ).rejects.toMatchObject({ code: "feed_url_insecure", field: "url" });
    }
    for (const host of ["localhost", "127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) {
      expect(isPlainHttpAllowed(host, true), host).toBe(true);
      expect(isPlainHttpAllowed(host, false), host).toBe(false);
    }
    for (const host of ["10.0.0.5", "192.168.1.10", "feeds.example.org", "93.184.216.34"]) {
      expect(isPlainHttpAllowed(host, true), host).toBe(false);
    }
  });

  it("gives up on a feed that does not answer in time", async () => {
    const server = await startFeedServer(() => ({ hang: true }));
    try {
      await expect(
        fetchFeed(server.url, { allowPrivate: true, timeoutMs: 300 }),
      ).rejects.toMatchObject({
        code: "feed_unavailable",
        message: expect.stringMatching(/too long/),
      });
    } finally {
      await server.close();
    }
  });

  it("reads a feed, and reports one that is not JSON or not found", async () => {
    let answer: { body?: unknown; status?: number } = { body: [{ name: "A" }] };
    const server = await startFeedServer(() => answer);
    try {
      expect(await fetchFeed(server.url, { allowPrivate: true })).toEqual([{ name: "A" }]);
      answer = { body: "<html>", status: 200 };
      await expect(fetchFeed(server.url, { allowPrivate: true })).rejects.toMatchObject({
        message: expect.stringMatching(/not valid JSON/),
      });
      answer = { body: "gone", status: 404 };
      await expect(fetchFeed(server.url, { allowPrivate: true })).rejects.toMatchObject({
        message: expect.stringMatching(/404/),
      });
    } finally {
      await server.close();
    }
  });
});
