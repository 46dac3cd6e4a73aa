import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, call } from "./api";

const checkinDone = z.object({ done: z.boolean() });

function answerWith(payload: unknown, init: ResponseInit = { status: 200 }) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(payload), init));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("call(): the one request function", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("hands back the server's answer as sent: the server checked it against its schema", async () => {
    answerWith({ done: true, extra: 1 });
    await expect(call<typeof checkinDone>("GET", "/today")).resolves.toEqual({
      done: true,
      extra: 1,
    });
  });

  it("sends a body as JSON, with the headers asked for", async () => {
    const fetch = answerWith({ done: true });
    await call<typeof checkinDone>("PUT", "/checkins/2026-12-05", { mood: 6 }, { "x-one": "1" });
    expect(fetch).toHaveBeenCalledWith("/api/checkins/2026-12-05", {
      method: "PUT",
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": "application/json", "x-one": "1" },
      body: '{"mood":6}',
    });
  });

  it("turns an error answer into an ApiError, field and Retry-After included", async () => {
    answerWith(
      { error: { code: "validation_error", message: "Check mood.", field: "mood" } },
      { status: 429, headers: { "retry-after": "30" } },
    );
    const failure = call<typeof checkinDone>("GET", "/today");
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 429,
      code: "validation_error",
      message: "Check mood.",
      field: "mood",
      retryAfterSeconds: 30,
    });
  });

  it("calls an error answer that is not the API's shape an http_error", async () => {
    answerWith({ error: { code: 7 } }, { status: 502, statusText: "Bad Gateway" });
    await expect(call<typeof checkinDone>("GET", "/today")).rejects.toMatchObject({
      status: 502,
      code: "http_error",
    });
  });

  it("says network_error when the request never got an answer", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    await expect(call<typeof checkinDone>("GET", "/today")).rejects.toMatchObject({
      status: 0,
      code: "network_error",
    });
  });
});
