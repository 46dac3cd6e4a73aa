import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrolAuthenticator } from "../../../../../test/support/second-factor";
import { DIALECTS, startTestApp, type TestApp } from "../../../../../test/support/test-app";
import { type Person, peerWorld, post } from "../peer-test-support";

describe.each(DIALECTS)("moderating the peer group on %s", (dialect) => {
  let t: TestApp;
  const world = peerWorld(() => t);
  const { call } = world;
  let author: Person;
  let reader: Person;
  let moderator: Person;
  let admin: Person;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    author = await world.joined("Cedar");
    reader = await world.joined("Willow");
    admin = await world.person(["admin"]);
    moderator = await world.person(["member"]);
  });
  afterAll(async () => t.close());

  const auditAbout = (memberId: string) =>
    t.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("member_id", "=", memberId)
      .orderBy("seq")
      .execute();

  it("an admin grants the moderator role to someone in the organization, audited", async () => {
    const notAdmin = await call(reader, "POST", "/api/peer-group/moderators", {
      email: moderator.email,
    });
    expect(notAdmin.statusCode).toBe(403);
    const elsewhere = await world.person(["member"], await world.otherOrganization());
    const outside = await call(admin, "POST", "/api/peer-group/moderators", {
      email: elsewhere.email,
    });
    expect(outside.statusCode).toBe(404);
    expect((await auditAbout(elsewhere.id)).length).toBe(0);

    expect((await call(moderator, "GET", "/api/peer-group/moderation/reports")).statusCode).toBe(
      403,
    );
    const granted = await call(admin, "POST", "/api/peer-group/moderators", {
      email: moderator.email.toUpperCase(),
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ id: moderator.id, email: moderator.email });
    const [event] = await auditAbout(moderator.id);
    expect(event).toMatchObject({
      actor_id: admin.id,
      action: "grant:moderator",
      outcome: "allowed",
    });
    // The role counts from the next request, once the new moderator adds an authenticator:
    // moderating reads other people's posts and reports.
    const beforeFactor = await call(moderator, "GET", "/api/peer-group/moderation/reports");
    expect(beforeFactor.statusCode).toBe(403);
    expect(beforeFactor.json().error.code).toBe("second_factor_required");
    expect((await call(moderator, "GET", "/api/peer-group")).json()).toMatchObject({
      isModerator: false,
    });
    await enrolAuthenticator(moderator.browser);
    expect((await call(moderator, "GET", "/api/peer-group/moderation/reports")).statusCode).toBe(
      200,
    );
    const group = (await call(moderator, "GET", "/api/peer-group")).json();
    expect(group).toMatchObject({ isModerator: true, membership: null });
    const list = (await call(admin, "GET", "/api/peer-group/moderators")).json();
    expect(list.moderators.map((m: { id: string }) => m.id)).toEqual([moderator.id]);
    expect((await call(reader, "GET", "/api/peer-group/moderators")).statusCode).toBe(403);
  });

  it("reports reach the queue; a hidden post's words reach only its author and moderators", async () => {
    const created = await call(author, "POST", post("today"), { body: "Words to be hidden" });
    const id = created.json().post.id as string;
    const report = await call(reader, "POST", `/api/peer-group/posts/${id}/reports`, {
      reason: "unkind",
    });
    expect(report.statusCode).toBe(201);
    const twice = await call(reader, "POST", `/api/peer-group/posts/${id}/reports`, {});
    expect(twice.statusCode).toBe(200);

    const queue = (await call(moderator, "GET", "/api/peer-group/moderation/reports")).json();
    expect(queue.reports).toEqual([
      expect.objectContaining({
        id,
        alias: "Cedar",
        body: "Words to be hidden",
        reportCount: 1,
        reasons: [{ reason: "unkind", count: 1 }],
        hidden: false,
      }),
    ]);
    expect((await call(reader, "GET", post("today"))).json().posts[0].reportedByMe).toBe(true);

    // Only moderators moderate, and a refusal changes nothing.
    for (const who of [reader, author, admin]) {
      for (const action of ["hide", "unhide", "dismiss-reports"]) {
        const refused = await call(
          who,
          "POST",
          `/api/peer-group/moderation/posts/${id}/${action}`,
          {},
        );
        expect(refused.statusCode, action).toBe(403);
      }
      expect((await call(who, "PUT", "/api/peer-group/moderation/mutes/Cedar")).statusCode).toBe(
        403,
      );
      expect((await call(who, "GET", "/api/peer-group/moderation/reports")).statusCode).toBe(403);
    }
    expect((await call(reader, "GET", post("today"))).json().posts[0].hidden).toBe(false);

    const before = (await auditAbout(author.id)).length;
    const hide = await call(moderator, "POST", `/api/peer-group/moderation/posts/${id}/hide`, {});
    expect(hide.statusCode).toBe(200);
    const events = (await auditAbout(author.id)).slice(before);
    expect(events).toEqual([
      expect.objectContaining({
        actor_id: moderator.id,
        action: "moderate:hide-post",
        resource: `peer group post ${id}`,
        outcome: "allowed",
      }),
    ]);
    expect(events[0]?.resource).not.toContain("Words to be hidden");
    // The author finds it in their own access log, in words of its own.
    const log = (await author.browser.get("/api/access-log")).json().events;
    expect(log[0]).toMatchObject({
      who: { id: moderator.id },
      description: { key: "peerGroup.access.hide-post" },
    });

    const seenByReader = (await call(reader, "GET", post("today"))).json().posts[0];
    expect(seenByReader).toMatchObject({ id, hidden: true, body: null });
    expect((await call(reader, "GET", post("today"))).body).not.toContain("Words to be hidden");
    expect((await call(author, "GET", post("today"))).json().posts[0]).toMatchObject({
      hidden: true,
      body: "Words to be hidden",
    });
    const moderatorView = (await call(moderator, "GET", post("today"))).json().posts[0];
    expect(moderatorView).toMatchObject({ hidden: true, body: "Words to be hidden" });
    // Hiding dealt with the reports: the queue is empty again.
    expect(
      (await call(moderator, "GET", "/api/peer-group/moderation/reports")).json().reports,
    ).toEqual([]);
    const reply = await call(reader, "POST", `/api/peer-group/posts/${id}/replies`, { body: "?" });
    expect(reply.statusCode).toBe(409);

    const unhide = await call(
      moderator,
      "POST",
      `/api/peer-group/moderation/posts/${id}/unhide`,
      {},
    );
    expect(unhide.statusCode).toBe(200);
    expect((await call(reader, "GET", post("today"))).json().posts[0].body).toBe(
      "Words to be hidden",
    );

    await call(reader, "POST", `/api/peer-group/posts/${id}/reports`, {});
    const dismissed = await call(
      moderator,
      "POST",
      `/api/peer-group/moderation/posts/${id}/dismiss-reports`,
      {},
      { "idempotency-key": "dismiss-1" },
    );
    expect(dismissed.statusCode).toBe(200);
    // A retry of the same action replays its answer and audits nothing new.
    await call(
      moderator,
      "POST",
      `/api/peer-group/moderation/posts/${id}/dismiss-reports`,
      {},
      { "idempotency-key": "dismiss-1" },
    );
    expect((await auditAbout(author.id)).slice(before).map((e) => e.action)).toEqual([
      "moderate:hide-post",
      "moderate:unhide-post",
      "moderate:dismiss-reports",
    ]);
    expect(
      (await call(moderator, "POST", "/api/peer-group/moderation/posts/nope/hide", {})).statusCode,
    ).toBe(404);
  });

  it("a muted member cannot post or reply until unmuted, even after leaving and rejoining", async () => {
    const target = (await call(reader, "POST", post("today"), { body: "Reply to me" })).json();
    const before = (await auditAbout(author.id)).length;
    const mute = await call(moderator, "PUT", "/api/peer-group/moderation/mutes/cedar");
    expect(mute.statusCode).toBe(200);
    expect((await auditAbout(author.id)).slice(before)).toEqual([
      expect.objectContaining({ actor_id: moderator.id, action: "moderate:mute" }),
    ]);
    expect((await call(author, "GET", "/api/peer-group")).json().membership.muted).toBe(true);
    const posts = await t.store.db.selectFrom("peer_posts").select("id").execute();
    const refused = await call(author, "POST", post("today"), { body: "Let me speak" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("muted");
    const reply = await call(author, "POST", `/api/peer-group/posts/${target.post.id}/replies`, {
      body: "Let me reply",
    });
    expect(reply.statusCode).toBe(403);
    expect(await t.store.db.selectFrom("peer_posts").select("id").execute()).toHaveLength(
      posts.length,
    );
    // Reading and support stay open to a muted member.
    expect((await call(author, "GET", post("today"))).statusCode).toBe(200);
    const queue = (await call(moderator, "GET", "/api/peer-group/moderation/reports")).json();
    expect(queue.mutedAliases).toEqual(["Cedar"]);

    await call(author, "DELETE", "/api/peer-group/membership");
    await call(author, "POST", "/api/peer-group/membership", { alias: "Cedar Again" });
    await call(author, "POST", "/api/peer-group/membership/rules", { version: 1 });
    expect((await call(author, "POST", post("today"), { body: "Back" })).statusCode).toBe(403);

    const unknown = await call(moderator, "PUT", "/api/peer-group/moderation/mutes/Nobody%20Here");
    expect(unknown.statusCode).toBe(404);
    const unmute = await call(
      moderator,
      "DELETE",
      "/api/peer-group/moderation/mutes/Cedar%20Again",
    );
    expect(unmute.statusCode).toBe(200);
    expect((await auditAbout(author.id)).at(-1)).toMatchObject({ action: "moderate:unmute" });
    expect((await call(author, "POST", post("today"), { body: "Back" })).statusCode).toBe(201);
  });

  it("an admin takes the role back: from the next request the person no longer moderates", async () => {
    const revoked = await call(admin, "DELETE", `/api/peer-group/moderators/${moderator.id}`);
    expect(revoked.statusCode).toBe(200);
    expect((await auditAbout(moderator.id)).at(-1)).toMatchObject({ action: "revoke:moderator" });
    expect((await call(moderator, "GET", "/api/peer-group/moderation/reports")).statusCode).toBe(
      403,
    );
    expect((await call(moderator, "GET", post("today"))).statusCode).toBe(403);
    const again = await call(admin, "DELETE", `/api/peer-group/moderators/${moderator.id}`);
    expect(again.statusCode).toBe(404);
  });
});
