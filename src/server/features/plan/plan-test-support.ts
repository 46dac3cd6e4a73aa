import { randomUUID } from "node:crypto";
import {
  type Browser,
  browserFor,
  passphrase,
  uniqueEmail,
} from "../../../../test/support/http-client";
import type { TestApp } from "../../../../test/support/test-app";

/** People and requests for the plan's integration tests. */

export interface Person {
  browser: Browser;
  id: string;
  patch(url: string, body: unknown): ReturnType<Browser["request"]>;
}

export async function person(t: TestApp, extra: Record<string, unknown> = {}): Promise<Person> {
  const browser = browserFor(t.app);
  const response = await browser.post("/api/auth/sign-up", {
    email: uniqueEmail(),
    password: passphrase(),
    displayName: "Someone",
    ...extra,
  });
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.body}`);
  return {
    browser,
    id: response.json().id as string,
    patch: (url, body) =>
      browser.request({
        method: "PATCH",
        url,
        headers: { "content-type": "application/json" },
        payload: JSON.stringify(body),
      }),
  };
}

/** A consent grant written straight to the table (the grant screens come with issue: care team). */
export async function grant(t: TestApp, memberId: string, granteeId: string, categories: string[]) {
  await t.store.db
    .insertInto("consent_grants")
    .values({
      member_id: memberId,
      id: randomUUID(),
      grantee_user_id: granteeId,
      purpose: "Counseling",
      categories: JSON.stringify(categories),
      created_at: new Date().toISOString(),
      expires_at: null,
      revoked_at: null,
    })
    .execute();
}

/** Rows of the member's plan data, to prove a refused request wrote nothing. */
export async function countRows(t: TestApp, memberId: string) {
  const db = t.store.db;
  const count = async (
    table:
      | "plan_goals"
      | "plan_steps"
      | "plan_events"
      | "recovery_profiles"
      | "motivations"
      | "readiness_ratings"
      | "plan_reviews",
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .where("member_id", "=", memberId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    goals: await count("plan_goals"),
    steps: await count("plan_steps"),
    events: await count("plan_events"),
    profiles: await count("recovery_profiles"),
    motivations: await count("motivations"),
    readiness: await count("readiness_ratings"),
    reviews: await count("plan_reviews"),
  };
}
