import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, startTestApp, type TestApp } from "../../../test/support/test-app";
import { compiledQuery } from "./compiled-query";

/** Hot statements built and compiled once, run with new values, on both stores. */
describe.each(DIALECTS)("compiled queries on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("builds once per store and runs with each call's values, in or out of a transaction", async () => {
    let builds = 0;
    const insertOrganization = compiledQuery((db, values: { id: string; name: string }) => {
      builds += 1;
      return db
        .insertInto("organizations")
        .values({ id: values.id, name: values.name, created_at: "2026-12-06T00:00:00.000Z" });
    });
    const findOrganization = compiledQuery((db, values: { id: string }) =>
      db
        .selectFrom("organizations")
        .select(["id", "name", "created_at"])
        .where("id", "=", values.id)
        // A constant of the shape stays what it was.
        .where("created_at", "=", "2026-12-06T00:00:00.000Z"),
    );

    await insertOrganization(t.store.db, { id: "org-compiled-1", name: "First" });
    await t.store.db.transaction().execute(async (trx) => {
      await insertOrganization(trx, { id: "org-compiled-2", name: "Second" });
    });
    // A rolled-back transaction leaves nothing behind.
    await expect(
      t.store.db.transaction().execute(async (trx) => {
        await insertOrganization(trx, { id: "org-compiled-3", name: "Third" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");

    expect(builds).toBe(1);
    expect((await findOrganization(t.store.db, { id: "org-compiled-1" })).rows).toEqual([
      { id: "org-compiled-1", name: "First", created_at: "2026-12-06T00:00:00.000Z" },
    ]);
    expect((await findOrganization(t.store.db, { id: "org-compiled-2" })).rows[0]?.name).toBe(
      "Second",
    );
    expect((await findOrganization(t.store.db, { id: "org-compiled-3" })).rows).toEqual([]);
  });

  it("refuses a query whose values are spread or folded into other text", async () => {
    const spread = compiledQuery((db, values: { id: string; name: string }) =>
      db.insertInto("organizations").values({ ...values, created_at: "2026-12-06T00:00:00.000Z" }),
    );
    await expect(spread(t.store.db, { id: "org-spread", name: "Spread" })).rejects.toThrow(
      "cannot be spread",
    );
    const folded = compiledQuery((db, values: { name: string }) =>
      db.selectFrom("organizations").select("id").where("name", "like", `${values.name}%`),
    );
    await expect(folded(t.store.db, { name: "Fir" })).rejects.toThrow("inside another");
  });
});
