// Meetings from Meeting Guide feeds: a member's own file, or an organization's feed URL that
// the server fetches (safely) now and refreshes on a schedule.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { MeetingImportBody, MeetingImportResult } from "../../../domain/api/support";
import { isTimeZone } from "../../../domain/meetings";
import type { Config } from "../../config";
import type { Database } from "../../db/schema";
import type { MeetingFeedTable } from "../../db/tables/support";
import { AppError, notFound } from "../../errors";
import { every } from "../../every";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { adminOrganization } from "../../security/organization-roles";
import type { Actor } from "../../security/session";
import { fetchFeed } from "./feed-fetch";
import { readFeedRows, writeMeetings } from "./meeting-rows";
import * as queries from "./queries";

/**
 * Good rows are imported and bad rows reported (index and reason) in one answer; the good
 * rows land in one transaction, so an import is never half-written. No good row at all is a
 * 400 and writes nothing.
 */
export async function importMeetingFeed(
  db: Kysely<Database>,
  config: Pick<Config, "allowPrivateFeedUrls">,
  actor: Actor,
  body: MeetingImportBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<MeetingImportResult>> {
  if (body.timeZone !== undefined && !isTimeZone(body.timeZone)) {
    throw new AppError("invalid_time_zone", 400, "That time zone is not known.", "timeZone");
  }
  if ("meetings" in body) {
    const member = await queries.findMember(db, actor.userId);
    if (!member) throw notFound("That person");
    const { drafts, skipped } = readFeedRows(body.meetings, body.timeZone ?? member.time_zone);
    if (drafts.length === 0) throw nothingToImport(skipped, "meetings");
    return writeOnce(async (trx) => {
      const counts = await writeMeetings(
        trx,
        { id: actor.userId, kind: "member" },
        null,
        drafts,
        now,
        randomUUID,
      );
      return { statusCode: 201, body: { ...counts, skipped, feedId: null } };
    });
  }

  const organizationId = adminOrganization(
    actor,
    body.organizationId,
    "Only an organization admin can add a feed by its address. Import the file instead.",
  );
  const timeZone = body.timeZone ?? "America/New_York";
  const feed = await fetchFeed(body.url, { allowPrivate: config.allowPrivateFeedUrls });
  const { drafts, skipped } = readFeedRows(feedRows(feed), timeZone);
  if (drafts.length === 0) throw nothingToImport(skipped, "url");
  return writeOnce(async (trx) => {
    let registered = await queries.findFeedByUrl(trx, organizationId, body.url);
    if (!registered) {
      registered = {
        organization_id: organizationId,
        id: randomUUID(),
        url: body.url,
        time_zone: timeZone,
        created_by: actor.userId,
        created_at: now.toISOString(),
        last_fetched_at: null,
        last_error: null,
      };
      await queries.insertFeed(trx, registered);
    }
    const counts = await writeMeetings(
      trx,
      { id: organizationId, kind: "organization" },
      registered.id,
      drafts,
      now,
      randomUUID,
    );
    await queries.markFeedFetched(trx, registered, now.toISOString(), null);
    return { statusCode: 201, body: { ...counts, skipped, feedId: registered.id } };
  });
}

/** Fetches every registered feed again; a feed that fails keeps its meetings and its error. */
export async function refreshMeetingFeeds(
  db: Kysely<Database>,
  config: Pick<Config, "allowPrivateFeedUrls">,
  now = new Date(),
) {
  const results: { feed: MeetingFeedTable; error: string | null }[] = [];
  for (const feed of await queries.listFeeds(db)) {
    try {
      const { drafts } = readFeedRows(
        feedRows(await fetchFeed(feed.url, { allowPrivate: config.allowPrivateFeedUrls })),
        feed.time_zone,
      );
      if (drafts.length === 0) throw new Error("The feed had no meetings that could be read.");
      await db.transaction().execute(async (trx) => {
        await writeMeetings(
          trx,
          { id: feed.organization_id, kind: "organization" },
          feed.id,
          drafts,
          now,
          randomUUID,
        );
        await queries.markFeedFetched(trx, feed, now.toISOString(), null);
      });
      results.push({ feed, error: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : "The feed could not be read.";
      await queries.markFeedFetched(db, feed, now.toISOString(), message);
      results.push({ feed, error: message });
    }
  }
  return results;
}

/**
 * Refreshes organization feeds every six hours until stopped. Started by `serve` only (tests
 * call refreshMeetingFeeds directly). Runs never overlap.
 */
export function startMeetingFeedRefresh(
  db: Kysely<Database>,
  config: Pick<Config, "allowPrivateFeedUrls">,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): { stop(): void } {
  return every(
    options.intervalMs ?? 6 * 60 * 60 * 1000,
    () => refreshMeetingFeeds(db, config),
    options.onError,
  );
}

/** The spec's feed is a JSON array; some sites wrap it as { meetings: [...] }. */
function feedRows(feed: unknown): unknown[] {
  if (Array.isArray(feed)) return feed;
  if (
    typeof feed === "object" &&
    feed !== null &&
    Array.isArray((feed as { meetings?: unknown }).meetings)
  ) {
    return (feed as { meetings: unknown[] }).meetings;
  }
  throw new AppError("feed_not_meetings", 422, "The feed is not a list of meetings.", "url");
}

function nothingToImport(skipped: { index: number; reason: string }[], field: string) {
  const first = skipped
    .slice(0, 3)
    .map((row) => `row ${row.index}: ${row.reason}`)
    .join("; ");
  return new AppError(
    "no_meetings_imported",
    400,
    skipped.length === 0
      ? "The feed has no meetings in it."
      : `None of the ${skipped.length} rows could be imported (${first}).`,
    field,
  );
}
