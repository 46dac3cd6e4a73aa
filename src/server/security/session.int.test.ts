import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../test/support/test-app";
import { PERSONAL_SESSION } from "../../domain/session-lifetime";
import { createSession, endSessions, findActor } from "./session";

/** The session look-up every API request makes: one statement for the person and memberships. */
describe.each(DIALECTS)("finding the person behind a session on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function lastSeenAt(sessionId: string) {
    const row = await t.store.db
      .selectFrom("sessions")
      .select("last_seen_at")
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    return row.last_seen_at;
  }

  it("reads every membership with the session, and none for a person without any", async () => {
    const person = await signUp(t, "Many hats");
    const otherOrganization = randomUUID();
    const now = new Date().toISOString();
    await t.store.db
      .insertInto("organizations")
      .values({ id: otherOrganization, name: "Second clinic", created_at: now })
      .execute();
    await t.store.db
      .insertInto("memberships")
      .values({
        organization_id: otherOrganization,
        user_id: person.id,
        role: "supporter",
        created_at: now,
      })
      .execute();
    const session = await createSession(t.store.db, person.id, PERSONAL_SESSION, null);
    const actor = await findActor(t.store.db, session.token);
    expect(actor?.userId).toBe(person.id);
    expect(actor?.email).toBe(person.email);
    expect(actor?.memberships).toHaveLength(2);
    expect(actor?.memberships).toContainEqual({
      organizationId: otherOrganization,
      role: "supporter",
    });
    expect(actor?.memberships.map((membership) => membership.role)).toContain("member");

    await t.store.db.deleteFrom("memberships").where("user_id", "=", person.id).execute();
    const without = await findActor(t.store.db, session.token);
    expect(without?.userId).toBe(person.id);
    expect(without?.memberships).toEqual([]);
  });

  it("writes last_seen_at at most once a minute, and finds nobody behind an ended or idle session", async () => {
    const person = await signUp(t, "Steady");
    const start = new Date("2026-12-01T10:00:00.000Z");
    const session = await createSession(t.store.db, person.id, PERSONAL_SESSION, null, start);

    await findActor(t.store.db, session.token, new Date(start.getTime() + 30_000));
    expect(await lastSeenAt(session.id)).toBe(start.toISOString());
    const later = new Date(start.getTime() + 61_000);
    await findActor(t.store.db, session.token, later);
    expect(await lastSeenAt(session.id)).toBe(later.toISOString());

    const idle = new Date(later.getTime() + (PERSONAL_SESSION.idleSeconds + 1) * 1000);
    expect(await findActor(t.store.db, session.token, idle)).toBeNull();
    await endSessions(t.store.db, person.id, later);
    expect(await findActor(t.store.db, session.token, later)).toBeNull();
    expect(await findActor(t.store.db, "not-a-token", later)).toBeNull();
  });
});
