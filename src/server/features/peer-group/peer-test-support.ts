import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import {
  type Browser,
  browserFor,
  passphrase,
  uniqueEmail,
} from "../../../../test/support/http-client";
import { enrolAuthenticator } from "../../../../test/support/second-factor";
import type { TestApp } from "../../../../test/support/test-app";
import { PEER_RULES_VERSION } from "../../../domain/peer-group/channels";
import type { Role } from "../../../domain/roles";
import { requiresSecondFactor } from "../../../domain/second-factor";

export interface Person {
  browser: Browser;
  id: string;
  email: string;
  password: string;
  displayName: string;
}

/**
 * People for the peer-group tests, and a guard every answer passes through: no response body
 * may hold the id, email or name of anyone who posts (they appear by alias only).
 */
export function peerWorld(t: () => TestApp) {
  const authors: Person[] = [];
  const seen = new Set<string>();
  let counter = 0;

  async function defaultOrganization(): Promise<string> {
    const row = await t()
      .store.db.selectFrom("organizations")
      .select("id")
      .orderBy("created_at")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function person(
    roles: Role[] = ["member"],
    organizationId?: string,
    name?: string,
  ): Promise<Person> {
    counter += 1;
    const displayName = name ?? `Person Number${counter}`;
    const browser = browserFor(t().app);
    const email = uniqueEmail("peer");
    const password = passphrase();
    const response = await browser.post("/api/auth/sign-up", {
      email,
      password,
      displayName,
      timeZone: "UTC",
    });
    expect(response.statusCode).toBe(201);
    const id = response.json().id as string;
    const org = organizationId ?? (await defaultOrganization());
    await t().store.db.deleteFrom("memberships").where("user_id", "=", id).execute();
    for (const role of roles) {
      await t()
        .store.db.insertInto("memberships")
        .values({ organization_id: org, user_id: id, role, created_at: new Date().toISOString() })
        .execute();
    }
    // Moderators and staff add an authenticator, as they must before reading others' posts.
    if (requiresSecondFactor(roles)) await enrolAuthenticator(browser);
    return { browser, id, email, password, displayName };
  }

  /** A member who joined under an alias, acknowledged the rules, and whose answers are checked. */
  async function joined(alias: string, organizationId?: string, roles: Role[] = ["member"]) {
    const someone = await person(roles, organizationId);
    authors.push(someone);
    expect((await call(someone, "POST", "/api/peer-group/membership", { alias })).statusCode).toBe(
      201,
    );
    const ack = await call(someone, "POST", "/api/peer-group/membership/rules", {
      version: PEER_RULES_VERSION,
    });
    expect(ack.statusCode).toBe(200);
    return someone;
  }

  async function otherOrganization(): Promise<string> {
    const id = randomUUID();
    await t()
      .store.db.insertInto("organizations")
      .values({ id, name: "Elsewhere", created_at: new Date().toISOString() })
      .execute();
    return id;
  }

  /** Every peer-group request goes through here: the answer is checked for identities. */
  async function call(
    who: Person,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
    /** The admin's moderator list names the moderators it appointed (never with an alias). */
    appointed: Person[] = [],
  ): Promise<LightMyRequestResponse> {
    const response = await who.browser.request({
      method,
      url,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    assertNoIdentity(response.body, url, appointed);
    const operation = `${method} ${url.replace(/\?.*$/, "")}`;
    seen.add(operation);
    return response;
  }

  function assertNoIdentity(text: string, where: string, appointed: Person[]) {
    for (const author of authors.filter((someone) => !appointed.includes(someone))) {
      for (const secret of [author.id, author.email, author.displayName]) {
        expect(text.includes(secret), `${where} leaked ${secret}`).toBe(false);
      }
    }
  }

  return { person, joined, call, otherOrganization, defaultOrganization, authors, seen };
}

export const post = (channel: string) => `/api/peer-group/channels/${channel}/posts`;
