import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { type Person, peerWorld, post } from "./peer-test-support";

interface Operation {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
}

/**
 * Every peer-group operation in the OpenAPI document, for every kind of person: identities
 * never appear in any answer (the guard in peer-test-support checks each one), and people
 * outside the group — not opted in, another organization, staff without a group — get only a
 * refusal and change nothing.
 */
describe.each(DIALECTS)("the peer group's access matrix on %s", (dialect) => {
  let t: TestApp;
  const world = peerWorld(() => t);
  let operations: Operation[];
  let member: Person;
  let moderator: Person;
  let admin: Person;
  let postId: string;
  let replyId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    member = await world.joined("Harbor Light");
    const other = await world.joined("North Star");
    // The moderator posts too, so their identity is guarded like any author's.
    moderator = await world.joined("Keeper", undefined, ["member", "moderator"]);
    admin = await world.person(["admin"]);
    postId = (await world.call(member, "POST", post("today"), { body: "A first post" })).json().post
      .id;
    replyId = (
      await world.call(other, "POST", `/api/peer-group/posts/${postId}/replies`, { body: "Hi" })
    ).json().post.id;
    await world.call(other, "POST", `/api/peer-group/posts/${postId}/reports`, { reason: "spam" });
    await world.call(moderator, "POST", post("hard-moment"), { body: "Moderator's own words" });
    const document = (await member.browser.get("/api/openapi.json")).json() as {
      paths: Record<string, Record<string, { operationId: string; tags?: string[] }>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.tags?.includes("peer-group"))
        .map(([method, op]) => ({
          operationId: op.operationId,
          method: method.toUpperCase() as Operation["method"],
          path,
        })),
    );
  }, 60_000);
  afterAll(async () => t.close());

  function urlFor(operation: Operation, target = postId) {
    return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === "channel") return "today";
      if (name === "postId") return target;
      if (name === "alias") return "North%20Star";
      if (name === "userId") return moderator.id;
      return name;
    });
  }
  const bodies: Record<string, unknown> = {
    joinPeerGroup: { alias: "Another Name" },
    acknowledgePeerGroupRules: { version: 1 },
    createPeerPost: { body: "Words" },
    replyToPeerPost: { body: "Words" },
    reportPeerPost: {},
  };
  const naming = ["listPeerModerators", "grantPeerModerator"];
  async function call(who: Person, operation: Operation, target?: string) {
    const body =
      operation.operationId === "grantPeerModerator"
        ? { email: moderator.email }
        : (bodies[operation.operationId] ?? {});
    const isNaming = naming.includes(operation.operationId);
    const response = await world.call(
      who,
      operation.method,
      urlFor(operation, target),
      operation.method === "POST" ? body : undefined,
      {},
      isNaming ? [moderator] : [],
    );
    // The admin sees whom they appointed, never which alias is theirs.
    if (isNaming) expect(response.body).not.toContain("Keeper");
    return response;
  }
  const rowCounts = async () => {
    const counts: number[] = [];
    for (const table of [
      "peer_posts",
      "peer_group_members",
      "peer_support",
      "peer_reports",
      "peer_mutes",
      "audit_events",
    ] as const) {
      const row = await t.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      counts.push(Number(row.n));
    }
    return counts;
  };

  it("walks every peer-group operation (and finds the ones it must)", () => {
    const ids = operations.map((o) => o.operationId);
    for (const id of [
      "getPeerGroup",
      "joinPeerGroup",
      "listPeerPosts",
      "createPeerPost",
      "replyToPeerPost",
      "sendPeerSupport",
      "reportPeerPost",
      "listPeerReports",
      "hidePeerPost",
      "mutePeerMember",
      "grantPeerModerator",
      "leavePeerGroup",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it.each(["not opted in", "another organization", "clinician", "supporter"])(
    "refuses a person %s on every operation but the group's own summary, changing nothing",
    async (kind) => {
      const someone =
        kind === "not opted in"
          ? await world.person(["member"])
          : kind === "another organization"
            ? await world.joined(`Far ${dialect}`, await world.otherOrganization())
            : await world.person([kind as "clinician" | "supporter"]);
      const before = await rowCounts();
      for (const operation of operations) {
        if (operation.operationId === "getPeerGroup") continue;
        // Joining is how someone not opted in gets in; it is tested on its own.
        if (operation.operationId === "joinPeerGroup" && kind !== "clinician") continue;
        // Someone of another organization has a group of their own; what they must not reach
        // is this one: its posts, its aliases, its moderation.
        const aboutThisGroup = /\{(postId|alias)\}|moderat/.test(operation.path);
        if (kind === "another organization" && !aboutThisGroup) {
          if (operation.method === "GET") {
            expect((await call(someone, operation)).body).not.toContain("A first post");
          }
          continue;
        }
        const response = await call(someone, operation);
        const label = `${kind}: ${operation.operationId} → ${response.statusCode}`;
        expect([400, 403, 404, 409], label).toContain(response.statusCode);
        expect(Object.keys(response.json()), label).toEqual(["error"]);
        expect(response.body, label).not.toContain("A first post");
      }
      expect(await rowCounts()).toEqual(before);
    },
  );

  it("answers the member, the moderator and the admin on every operation without an identity", async () => {
    const order = (o: Operation) =>
      ["leavePeerGroup", "revokePeerModerator"].includes(o.operationId) ? 1 : 0;
    const sorted = [...operations].sort((a, b) => order(a) - order(b));
    const answered = new Set<string>();
    // The moderator first, while the posts stand; the member's leaving removes them.
    for (const who of [moderator, member, admin]) {
      for (const operation of sorted) {
        const target = operation.operationId === "replyToPeerPost" ? postId : replyId;
        const response = await call(who, operation, target);
        if (response.statusCode < 300) answered.add(operation.operationId);
        expect(response.statusCode, `${operation.operationId} → ${response.body}`).toBeLessThan(
          500,
        );
      }
    }
    // Every operation succeeded for someone, so every kind of answer was checked.
    // Having left, the member may join again.
    const join = operations.find((o) => o.operationId === "joinPeerGroup");
    if (join && (await call(member, join)).statusCode === 201) answered.add(join.operationId);
    const missing = operations.map((o) => o.operationId).filter((id) => !answered.has(id));
    expect(missing).toEqual([]);
  });
});
