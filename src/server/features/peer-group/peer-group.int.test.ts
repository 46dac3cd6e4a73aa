import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { POST_MAX_LENGTH, POST_RATE } from "../../../domain/peer-group/channels";
import { purgeDueDeletions } from "../account/service";
import { type Person, peerWorld, post } from "./peer-test-support";

describe.each(DIALECTS)("the peer group on %s", (dialect) => {
  let t: TestApp;
  const world = peerWorld(() => t);
  const { call } = world;
  let river: Person;
  let maple: Person;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    river = await world.joined("River");
    maple = await world.joined("Maple Leaf");
  });
  afterAll(async () => t.close());

  const postCount = async () =>
    Number(
      (
        await t.store.db
          .selectFrom("peer_posts")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("is read only by members of the same organization who opted in", async () => {
    const first = await call(river, "POST", post("today"), { body: "Made it to the meeting." });
    expect(first.statusCode).toBe(201);
    expect((await call(maple, "GET", post("today"))).json().posts[0]).toMatchObject({
      alias: "River",
      body: "Made it to the meeting.",
      mine: false,
      channel: "today",
    });

    const notJoined = await world.person();
    const group = await call(notJoined, "GET", "/api/peer-group");
    expect(group.statusCode).toBe(200);
    expect(group.json()).toMatchObject({ membership: null, isModerator: false });
    const refused = await call(notJoined, "GET", post("today"));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("join_first");

    const clinician = await world.person(["clinician"]);
    expect((await call(clinician, "GET", post("today"))).statusCode).toBe(403);
    expect((await call(clinician, "GET", "/api/peer-group")).json().error.code).toBe(
      "not_in_a_group",
    );

    // Someone in another organization has their own group and never sees this one.
    const elsewhere = await world.joined("River Elsewhere", await world.otherOrganization());
    const theirs = await call(elsewhere, "GET", post("today"));
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().posts).toEqual([]);
    const reply = await call(
      elsewhere,
      "POST",
      `/api/peer-group/posts/${first.json().post.id}/replies`,
      {
        body: "Hello from elsewhere",
      },
    );
    expect(reply.statusCode).toBe(404);

    const signedOut = await t.app.inject({ method: "GET", url: post("today") });
    expect(signedOut.statusCode).toBe(401);
  });

  it("takes an alias that is not an email or a phone number, unique in the organization", async () => {
    const someone = await world.person();
    for (const [alias, code] of [
      ["sam@example.org", "alias_email"],
      ["sam (at) example.org", "alias_email"],
      ["call 555 123 4567", "alias_phone"],
      ["ab", "alias_too_short"],
      ["<script>", "alias_characters"],
      ["river", "alias_taken"],
      ["RÍVER", "alias_taken"],
    ] as const) {
      const response = await call(someone, "POST", "/api/peer-group/membership", { alias });
      expect(response.statusCode, alias).toBe(code === "alias_taken" ? 409 : 400);
      expect(response.json().error, alias).toMatchObject({ code, field: "alias" });
    }
    expect((await call(someone, "GET", "/api/peer-group")).json().membership).toBeNull();
    const ok = await call(someone, "POST", "/api/peer-group/membership", {
      alias: "  Quiet   Harbor ",
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ alias: "Quiet Harbor", rulesAcknowledged: false, muted: false });
    const again = await call(someone, "POST", "/api/peer-group/membership", { alias: "Other" });
    expect(again.statusCode).toBe(409);
  });

  it("asks for the rules to be acknowledged before the first post", async () => {
    const newcomer = await world.person();
    world.authors.push(newcomer);
    await call(newcomer, "POST", "/api/peer-group/membership", { alias: "Newcomer" });
    const before = await postCount();
    const refused = await call(newcomer, "POST", post("today"), { body: "Hi all" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("rules_not_acknowledged");
    expect(await postCount()).toBe(before);
    const wrongVersion = await call(newcomer, "POST", "/api/peer-group/membership/rules", {
      version: 99,
    });
    expect(wrongVersion.statusCode).toBe(400);
    const ack = await call(newcomer, "POST", "/api/peer-group/membership/rules", { version: 1 });
    expect(ack.json().rulesAcknowledged).toBe(true);
    expect((await call(newcomer, "POST", post("today"), { body: "Hi all" })).statusCode).toBe(201);
  });

  it("replies, and support is one reaction that toggles", async () => {
    const top = (await call(river, "POST", post("milestones"), { body: "30 days today." })).json();
    expect(top.showCrisisHelp).toBe(false);
    const id = top.post.id as string;
    const reply = await call(maple, "POST", `/api/peer-group/posts/${id}/replies`, {
      body: "So glad for you.",
    });
    expect(reply.statusCode).toBe(201);
    const replyId = reply.json().post.id as string;
    const nested = await call(river, "POST", `/api/peer-group/posts/${replyId}/replies`, {
      body: "Thanks",
    });
    expect(nested.statusCode).toBe(409);

    expect((await call(maple, "PUT", `/api/peer-group/posts/${id}/support`)).json()).toEqual({
      supportCount: 1,
      supportedByMe: true,
    });
    await call(maple, "PUT", `/api/peer-group/posts/${id}/support`);
    await call(river, "PUT", `/api/peer-group/posts/${id}/support`);
    const list = (await call(river, "GET", post("milestones"))).json().posts;
    expect(list[0]).toMatchObject({ id, supportCount: 2, supportedByMe: true, mine: true });
    expect(list[0].replies).toEqual([
      expect.objectContaining({ alias: "Maple Leaf", body: "So glad for you.", mine: false }),
    ]);
    expect((await call(maple, "DELETE", `/api/peer-group/posts/${id}/support`)).json()).toEqual({
      supportCount: 1,
      supportedByMe: false,
    });
    expect((await call(maple, "PUT", "/api/peer-group/posts/nope/support")).statusCode).toBe(404);
  });

  it("shows the poster crisis lines for crisis words, and the post still goes up", async () => {
    const response = await call(river, "POST", post("hard-moment"), {
      body: "Some nights I feel like I WANT TO DIE. Tonight is one.",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().showCrisisHelp).toBe(true);
    const spanish = await call(maple, "POST", post("hard-moment"), {
      body: "Tuve miedo de una sobredosis anoche.",
    });
    expect(spanish.json().showCrisisHelp).toBe(true);
    const bodies = (await call(maple, "GET", post("hard-moment")))
      .json()
      .posts.map((p: { body: string }) => p.body);
    expect(bodies).toContain("Some nights I feel like I WANT TO DIE. Tonight is one.");
  });

  it("refuses bad input with a clear 4xx and writes nothing", async () => {
    const before = await postCount();
    const cases: [string, unknown, number, string][] = [
      [post("today"), { body: "" }, 400, "validation_error"],
      [post("today"), { body: "   " }, 400, "validation_error"],
      [post("today"), { body: "x".repeat(POST_MAX_LENGTH + 1) }, 400, "validation_error"],
      // Nothing from the record rides along: the body is the words and nothing else.
      [post("today"), { body: "Hi", checkin: { craving: 8 } }, 400, "validation_error"],
      [post("today"), { text: "Hi" }, 400, "validation_error"],
      [post("lounge"), { body: "Hi" }, 400, "validation_error"],
      ["/api/peer-group/posts/missing/replies", { body: "Hi" }, 404, "not_found"],
    ];
    for (const [url, body, status, code] of cases) {
      const response = await call(river, "POST", url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    const bad = await call(river, "POST", "/api/peer-group/posts/x/reports", { reason: "boring" });
    expect(bad.statusCode).toBe(400);
    expect(await postCount()).toBe(before);
    expect(
      Number(
        (
          await t.store.db
            .selectFrom("peer_reports")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(0);
  });

  it("posts once per Idempotency-Key, and holds each member to a pace", async () => {
    const pacer = await world.joined("Pacer");
    const headers = { "idempotency-key": "peer-post-1" };
    const first = await call(pacer, "POST", post("today"), { body: "Once" }, headers);
    const retry = await call(pacer, "POST", post("today"), { body: "Once" }, headers);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    const reused = await call(pacer, "POST", post("today"), { body: "Other" }, headers);
    expect(reused.statusCode).toBe(422);
    for (let index = 1; index < POST_RATE.max; index += 1) {
      const response = await call(pacer, "POST", post("today"), { body: `Post ${index}` });
      expect(response.statusCode).toBe(201);
    }
    const before = await postCount();
    const limited = await call(pacer, "POST", post("today"), { body: "One more" });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(await postCount()).toBe(before);
    // Others are not held back by one person's pace.
    expect((await call(maple, "POST", post("today"), { body: "Still here" })).statusCode).toBe(201);
  });

  it("leaving removes the member's words and frees the alias; a report of one's own post is refused", async () => {
    const leaver = await world.joined("Leaving Soon");
    const mine = (await call(leaver, "POST", post("today"), { body: "Goodbye words" })).json();
    const id = mine.post.id as string;
    expect((await call(leaver, "POST", `/api/peer-group/posts/${id}/reports`, {})).statusCode).toBe(
      409,
    );
    await call(maple, "POST", `/api/peer-group/posts/${id}/replies`, { body: "Take care" });
    const riverPost = (await call(river, "POST", post("today"), { body: "River's post" })).json();
    await call(leaver, "POST", `/api/peer-group/posts/${riverPost.post.id}/replies`, {
      body: "Leaver's reply",
    });
    await call(leaver, "PUT", `/api/peer-group/posts/${riverPost.post.id}/support`);

    const left = await call(leaver, "DELETE", "/api/peer-group/membership");
    expect(left.statusCode).toBe(200);
    expect(left.json()).toEqual({ removedPosts: 2 });
    const text = (await call(maple, "GET", post("today"))).body;
    for (const gone of ["Goodbye words", "Take care", "Leaver's reply", "Leaving Soon"]) {
      expect(text).not.toContain(gone);
    }
    const riverNow = (await call(river, "GET", post("today"))).json().posts;
    expect(riverNow.find((p: { id: string }) => p.id === riverPost.post.id).supportCount).toBe(0);
    expect((await call(leaver, "GET", post("today"))).statusCode).toBe(403);
    const reuse = await world.person();
    const taken = await call(reuse, "POST", "/api/peer-group/membership", {
      alias: "Leaving Soon",
    });
    expect(taken.statusCode).toBe(201);
  });

  it("a deleted account takes its group rows with it", async () => {
    const going = await world.joined("Going Away");
    const own = (await call(going, "POST", post("today"), { body: "Last words here" })).json();
    await call(going, "PUT", `/api/peer-group/posts/${own.post.id}/support`);
    await call(maple, "POST", `/api/peer-group/posts/${own.post.id}/reports`, {});
    const asked = await going.browser.post("/api/me/deletion", { password: going.password });
    expect(asked.statusCode).toBeLessThan(300);
    expect(await purgeDueDeletions(t.store.db, new Date(asked.json().dueAt))).toBe(1);
    for (const table of ["peer_group_members", "peer_posts", "peer_support"] as const) {
      const rows = await t.store.db
        .selectFrom(table)
        .select("member_id")
        .where("member_id", "=", going.id)
        .execute();
      expect(rows, table).toEqual([]);
    }
    expect((await call(maple, "GET", post("today"))).body).not.toContain("Last words here");
    expect((await call(maple, "GET", post("today"))).statusCode).toBe(200);
  });
});
