import { describe, expect, it } from "vitest";
import { redactPath } from "./app";

describe("request logging", () => {
  it("drops query strings and invite tokens from logged paths", () => {
    expect(redactPath("/api/me?email=a@example.org")).toBe("/api/me");
    expect(redactPath("/invite/Zm9vYmFyYmF6cXV4")).toBe("/invite/:token");
    expect(redactPath("/api/calendar/AbC_-123.ics?x=1")).toBe("/api/calendar/:token.ics");
    expect(redactPath("/api/peer-group/moderation/mutes/Morning%20Walk")).toBe(
      "/api/peer-group/moderation/mutes/:alias",
    );
  });
});
