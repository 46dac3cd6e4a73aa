import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, call } from "./api";

const checkinDone = z.object({ done: z.boolean() });

function answerWith(payload: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(payload), { status: 200 })),
  );
}

describe("call(): the one request function", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it("checks answers against the schema outside production", async () => {
    answerWith({ done: "yes" });
    await expect(call("GET", "/today", checkinDone)).rejects.toMatchObject({
      code: "bad_response",
    });
    answerWith({ done: true });
    await expect(call("GET", "/today", checkinDone)).resolves.toEqual({ done: true });
  });

  it("trusts the server's answer in the production build (the server checked it)", async () => {
    vi.stubEnv("PROD", true);
    answerWith({ done: true, extra: 1 });
    await expect(call("GET", "/today", checkinDone)).resolves.toEqual({ done: true, extra: 1 });
  });

  it("still turns an error answer into an ApiError in production", async () => {
    vi.stubEnv("PROD", true);
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { code: "forbidden", message: "No." } }), {
            status: 403,
          }),
      ),
    );
    const failure = call("GET", "/today", checkinDone);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 403, code: "forbidden" });
  });
});
