import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../test/support/test-app";

describe.each(DIALECTS)("the NUL character on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("is refused with a 400 in a path, a query or a body, and nothing is written", async () => {
    const { browser, id } = await signUp(t);
    const inPath = await browser.get("/api/members/%00/checkins");
    expect(inPath.statusCode).toBe(400);
    expect(inPath.json().error).toMatchObject({ code: "invalid_characters", field: "memberId" });
    const inQuery = await browser.get(`/api/members/${id}/checkins?from=%00`);
    expect(inQuery.statusCode).toBe(400);
    const inBody = await browser.post(`/api/members/${id}/cravings`, {
      intensity: 4,
      whatIDid: "walked \u0000 it off",
    });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json().error).toMatchObject({ code: "invalid_characters", field: "whatIDid" });
    const stored = await t.store.db
      .selectFrom("cravings")
      .select("id")
      .where("member_id", "=", id)
      .execute();
    expect(stored).toEqual([]);
    expect((await browser.post(`/api/members/${id}/cravings`, { intensity: 4 })).statusCode).toBe(
      201,
    );
  });
});
