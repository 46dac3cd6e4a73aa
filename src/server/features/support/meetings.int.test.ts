import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFeedServer } from "../../../../test/support/feed-server";
import { browserFor, passphrase, uniqueEmail } from "../../../../test/support/http-client";
import { signUp } from "../../../../test/support/people";
import { DIALECTS, startTestApp, type TestApp } from "../../../../test/support/test-app";
import { findDefaultOrganizationId } from "../../organizations";
import { createAccount } from "../auth/service";
import { refreshMeetingFeeds } from "./meeting-import";

const NY = "America/New_York";
// Monday 2026-11-23 23:00 in New York.
const MONDAY_11PM = "2026-11-24T04:00:00.000Z";

/** A Meeting Guide feed, made here: rows as the spec writes them. */
const feed = [
  {
    name: "Late Night NA",
    slug: "late-night-na",
    day: 1,
    time: "23:30",
    end_time: "00:30",
    types: ["O", "D"],
    location: "Grace Church",
    address: "5 Oak St",
    city: "Springfield",
    state: "MA",
    latitude: 42.1015,
    longitude: -72.5898,
  },
  {
    name: "Midnight Oil",
    slug: "midnight-oil",
    day: "2",
    time: "00:30",
    types: ["C"],
    formatted_address: "9 Main St, Springfield, MA",
  },
  {
    name: "West Coast SMART Recovery",
    slug: "west-coast-smart",
    day: [1, 3],
    time: "19:00",
    types: ["ONL"],
    conference_url: "https://meet.example.org/smart",
    timezone: "America/Los_Angeles",
  },
  {
    name: "Celebrate Recovery",
    slug: "celebrate-recovery",
    day: 5,
    time: "19:00",
    types: ["O"],
    address: "1 Chapel Rd",
    latitude: 42.12,
    longitude: -72.6,
  },
];

describe.each(DIALECTS)("meetings and attendance on %s", (dialect) => {
  let t: TestApp;
  let admin: ReturnType<typeof browserFor>;
  beforeAll(async () => {
    t = await startTestApp(dialect, { allowPrivateFeedUrls: true });
    const organizationId = (await findDefaultOrganizationId(t.store.db)) as string;
    const email = uniqueEmail("admin");
    const password = passphrase();
    await createAccount(t.store.db, organizationId, "admin", { email, password }, new Date());
    admin = browserFor(t.app);
    expect((await admin.post("/api/auth/sign-in", { email, password })).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  async function person(timeZone = NY) {
    const member = await signUp(t, "Alex Doe", "member", { timeZone });
    return { ...member, base: `/api/members/${member.id}` };
  }
  const meetingsOf = async (ownerId: string) =>
    (
      await t.store.db
        .selectFrom("meetings")
        .select("slug")
        .where("owner_id", "=", ownerId)
        .execute()
    )
      .map((row) => row.slug)
      .sort();

  it("imports a member's feed, reports bad rows and keeps slugs stable on re-import", async () => {
    const member = await person();
    const rows = [
      ...feed,
      { name: "No day", time: "10:00", address: "x" },
      { day: 1, time: "7pm" },
    ];
    const first = await member.browser.post("/api/meetings/imports", { meetings: rows });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({
      imported: 4,
      updated: 0,
      skipped: [
        { index: 4, reason: expect.stringMatching(/day is missing/) },
        { index: 5, reason: "name is missing" },
      ],
      feedId: null,
    });
    const search = await member.browser.get(
      `${member.base}/meetings?at=${MONDAY_11PM}&withinHours=168`,
    );
    const before = search.json().meetings.find((m: { slug: string }) => m.slug === "late-night-na");
    const again = await member.browser.post("/api/meetings/imports", { meetings: feed });
    expect(again.json()).toMatchObject({ imported: 0, updated: 4, skipped: [] });
    const after = (
      await member.browser.get(`${member.base}/meetings?at=${MONDAY_11PM}&withinHours=168`)
    )
      .json()
      .meetings.find((m: { slug: string }) => m.slug === "late-night-na");
    expect(after.id).toBe(before.id);
    expect(await meetingsOf(member.id)).toHaveLength(4);
  });

  it("writes nothing when no row can be read, and refuses an admin-only URL import", async () => {
    const member = await person();
    const bad = await member.browser.post("/api/meetings/imports", {
      meetings: [{ name: "A" }, "text", { name: "B", day: 9, time: "10:00" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "no_meetings_imported", field: "meetings" });
    expect(await meetingsOf(member.id)).toEqual([]);
    const zone = await member.browser.post("/api/meetings/imports", {
      meetings: feed,
      timeZone: "Nowhere/City",
    });
    expect(zone.json().error.field).toBe("timeZone");
    const url = await member.browser.post("/api/meetings/imports", {
      url: "https://example.org/feed.json",
    });
    expect(url.statusCode).toBe(403);
  });

  it("finds meetings across midnight, zones, types, mode and distance", async () => {
    const member = await person();
    await member.browser.post("/api/meetings/imports", { meetings: feed });
    const names = async (query: string) =>
      (await member.browser.get(`${member.base}/meetings?${query}`))
        .json()
        .meetings.map((m: { name: string }) => m.name);

    // 23:00 Monday, next two hours: 23:30 tonight and 00:30 tomorrow.
    expect(await names(`at=${MONDAY_11PM}&withinHours=2`)).toEqual([
      "Late Night NA",
      "Midnight Oil",
    ]);
    // From 23:30: the 00:30 meeting on the next day is still found.
    expect(await names("at=2026-11-24T04:30:00.000Z&withinHours=1.5")).toEqual([
      "Late Night NA",
      "Midnight Oil",
    ]);
    // 19:00 in Los Angeles is 22:00 in New York.
    const la = await member.browser.get(
      `${member.base}/meetings?at=2026-11-24T02:30:00.000Z&withinHours=1&mode=online`,
    );
    expect(la.json().meetings).toMatchObject([
      { name: "West Coast SMART Recovery", startsAt: "2026-11-24T03:00:00.000Z", online: true },
    ]);
    // Monday 19:00 to 20:00 is read in the searcher's zone: not in New York…
    expect(await names(`at=2026-11-24T01:00:00.000Z&day=1&from=19:00&to=20:00`)).toEqual([]);
    // …but yes for a searcher in Los Angeles.
    expect(
      await names(
        `at=2026-11-24T01:00:00.000Z&day=1&from=19:00&to=20:00&timeZone=America/Los_Angeles`,
      ),
    ).toEqual(["West Coast SMART Recovery"]);
    // Friday, in person, near Springfield.
    const near = await member.browser.get(
      `${member.base}/meetings?at=${MONDAY_11PM}&day=5&mode=in_person&types=o&latitude=42.1&longitude=-72.59&radiusKm=5`,
    );
    expect(near.json().meetings).toHaveLength(1);
    expect(near.json().meetings[0]).toMatchObject({ name: "Celebrate Recovery", inPerson: true });
    expect(near.json().meetings[0].distanceKm).toBeGreaterThan(0.5);
    expect(await names(`at=${MONDAY_11PM}&withinHours=168&types=C`)).toEqual(["Midnight Oil"]);
    const bad = await member.browser.get(`${member.base}/meetings?latitude=42`);
    expect(bad.json().error.field).toBe("longitude");
  });

  it("saves favourites, logs attendance and prints the record", async () => {
    const member = await person();
    const stranger = await person();
    await member.browser.post("/api/meetings/imports", { meetings: feed });
    const [meeting] = (
      await member.browser.get(`${member.base}/meetings?at=${MONDAY_11PM}&withinHours=1`)
    ).json().meetings;
    const saved = await member.browser.request({
      method: "PUT",
      url: `${member.base}/saved-meetings/${meeting.id}`,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ saved: true }),
    });
    expect(saved.json()).toMatchObject({ id: meeting.id, saved: true });
    expect(
      (await member.browser.get(`${member.base}/meetings?saved=true&withinHours=168`)).json()
        .meetings,
    ).toHaveLength(1);

    const at = new Date(Date.now() - 2 * 3600_000).toISOString();
    const headers = { "idempotency-key": "attendance-once" };
    const logged = await member.browser.post(
      `${member.base}/attendance`,
      { meetingId: meeting.id, at, signerName: "Pat (secretary)" },
      headers,
    );
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({
      meetingName: "Late Night NA",
      signerName: "Pat (secretary)",
    });
    await member.browser.post(
      `${member.base}/attendance`,
      { meetingId: meeting.id, at, signerName: "Pat (secretary)" },
      headers,
    );
    await member.browser.post(`${member.base}/attendance`, {
      meetingName: "Coffee with my sponsor",
      note: "Step 4",
    });
    const refusals = [
      [
        await member.browser.post(`${member.base}/attendance`, {
          meetingName: "X",
          at: new Date(Date.now() + 86_400_000).toISOString(),
        }),
        "at",
      ],
      [await member.browser.post(`${member.base}/attendance`, {}), "meetingName"],
      [await member.browser.post(`${member.base}/attendance`, { meetingId: "nope" }), "meetingId"],
    ] as const;
    for (const [response, field] of refusals) {
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    const list = (await member.browser.get(`${member.base}/attendance`)).json();
    expect(list.attendance).toHaveLength(2);

    const pdf = await member.browser.get(`${member.base}/attendance.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.rawPayload.length).toBeGreaterThan(1000);

    for (const response of [
      await stranger.browser.get(`${member.base}/attendance`),
      await stranger.browser.get(`${member.base}/attendance.pdf`),
      await stranger.browser.get(`${member.base}/meetings`),
      await stranger.browser.post(`${member.base}/attendance`, { meetingName: "X" }),
    ]) {
      expect(response.statusCode).toBe(403);
    }
  });

  it("lets an admin import a feed by URL, refreshes it, and refuses private addresses unless allowed", async () => {
    let rows: unknown[] = feed.slice(0, 2);
    const server = await startFeedServer(() => ({ body: rows }));
    try {
      const imported = await admin.post("/api/meetings/imports", { url: server.url });
      expect(imported.statusCode, imported.body).toBe(201);
      expect(imported.json()).toMatchObject({ imported: 2, skipped: [] });
      const organizationId = (await findDefaultOrganizationId(t.store.db)) as string;
      expect(await meetingsOf(organizationId)).toEqual(["late-night-na", "midnight-oil"]);
      // Members of the organization find its meetings.
      const member = await person();
      const found = (
        await member.browser.get(`${member.base}/meetings?at=${MONDAY_11PM}&withinHours=2`)
      ).json();
      expect(found.meetings.map((m: { source: string }) => m.source)).toEqual([
        "organization",
        "organization",
      ]);

      // The scheduled refresh follows the feed: a meeting added, one gone.
      rows = [feed[1], feed[3]];
      const [result] = await refreshMeetingFeeds(t.store.db, t.config);
      expect(result?.error).toBeNull();
      expect(await meetingsOf(organizationId)).toEqual(["celebrate-recovery", "midnight-oil"]);

      // The setting is read per request; a production instance leaves it off.
      t.config.allowPrivateFeedUrls = false;
      for (const url of [server.url, server.url.replace("127.0.0.1", "localhost")]) {
        const refused = await admin.post("/api/meetings/imports", { url });
        expect(refused.statusCode).toBe(400);
        expect(refused.json().error).toMatchObject({ code: "feed_url_refused", field: "url" });
      }
      const failed = await refreshMeetingFeeds(t.store.db, t.config);
      expect(failed[0]?.error).toMatch(/private network/);
      expect(await meetingsOf(organizationId)).toEqual(["celebrate-recovery", "midnight-oil"]);
    } finally {
      t.config.allowPrivateFeedUrls = true;
      await server.close();
    }
  });

  it("refuses a feed over plain http to another machine with a 400, even in development", async () => {
    const organizationId = (await findDefaultOrganizationId(t.store.db)) as string;
    const before = await meetingsOf(organizationId);
    const refused = await admin.post("/api/meetings/imports", {
      url: "http://93.184.216.34/meetings.json",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: "feed_url_insecure", field: "url" });
    expect(await meetingsOf(organizationId)).toEqual(before);
  });

  it("keeps a meeting entered by hand, and names the field that is wrong", async () => {
    const member = await person();
    const created = await member.browser.post(`${member.base}/meetings`, {
      name: "Thursday women's group",
      day: 4,
      time: "18:00",
      types: ["W"],
      location: "Community center",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      days: [4],
      timeZone: NY,
      source: "member",
      inPerson: true,
    });
    const bad = await member.browser.post(`${member.base}/meetings`, {
      name: "X",
      day: 4,
      time: "6pm",
      location: "y",
    });
    expect(bad.json().error).toMatchObject({ code: "invalid_meeting", field: "time" });
  });

  it("takes every field the hand-entry form sends, once per key; found, saved and refused well", async () => {
    const member = await person();
    const row = {
      name: "Monday Hybrid Circle",
      day: 1,
      time: "23:30",
      end_time: "00:30",
      types: ["O", "D", "ONL"],
      conference_url: "https://meet.example.org/hybrid",
      location: "Grace Church",
      formatted_address: "5 Oak St, Springfield, MA",
      notes: "Side door after 11pm",
    };
    const key = { "idempotency-key": `meeting-${member.id}` };
    const created = await member.browser.post(`${member.base}/meetings`, row, key);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: "Monday Hybrid Circle",
      days: [1],
      time: "23:30",
      endTime: "00:30",
      types: ["O", "D", "ONL"],
      online: true,
      inPerson: true,
      conferenceUrl: "https://meet.example.org/hybrid",
      location: "Grace Church",
      address: "5 Oak St, Springfield, MA",
      notes: "Side door after 11pm",
      saved: false,
      remindMinutesBefore: null,
    });
    const replay = await member.browser.post(`${member.base}/meetings`, row, key);
    expect(replay.json()).toEqual(created.json());
    const count = async () =>
      (
        await t.store.db
          .selectFrom("meetings")
          .select("id")
          .where("owner_id", "=", member.id)
          .execute()
      ).length;
    expect(await count()).toBe(1);

    // It turns up in a search at its time, and can be saved.
    const found = await member.browser.get(
      `${member.base}/meetings?at=${MONDAY_11PM}&withinHours=2`,
    );
    // (The organization's feed meetings from other tests may be listed too.)
    const mine = found.json().meetings.filter((m: { source: string }) => m.source === "member");
    expect(mine).toMatchObject([{ id: created.json().id, online: true }]);
    const saved = await member.browser.request({
      method: "PUT",
      url: `${member.base}/saved-meetings/${created.json().id}`,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ saved: true, remindMinutesBefore: 30 }),
    });
    expect(saved.json()).toMatchObject({ saved: true, remindMinutesBefore: 30 });

    for (const [changes, field] of [
      [{ name: " " }, "name"],
      [{ day: 7 }, "day"],
      [{ day: undefined }, "day"],
      [{ end_time: "25:00" }, "end_time"],
      [{ conference_url: "ftp://example.org/x" }, "conference_url"],
      [
        {
          types: ["O"],
          conference_url: undefined,
          location: undefined,
          formatted_address: undefined,
        },
        "address",
      ],
    ] as const) {
      const response = await member.browser.post(`${member.base}/meetings`, { ...row, ...changes });
      expect(response.statusCode, JSON.stringify(changes)).toBe(400);
      expect(response.json().error).toMatchObject({ code: "invalid_meeting", field });
    }
    expect(await count()).toBe(1);
  });

  it("caps the size of a fetched feed", async () => {
    const server = await startFeedServer(() => ({ bytes: 6 * 1024 * 1024 }));
    try {
      const response = await admin.post("/api/meetings/imports", { url: server.url });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ code: "feed_too_large", field: "url" });
    } finally {
      await server.close();
    }
  });
});
