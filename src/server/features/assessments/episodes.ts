// The withdrawal tracker: an episode starts at the last use, with the opioid involved, so SOWS
// ratings can be drawn against the expected course in hours since last use. Written by the
// member; read by others under category "withdrawal". The course itself is public content.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type {
  EndEpisodeBody,
  StartEpisodeBody,
  WithdrawalEpisode,
} from "../../../domain/api/assessments";
import type { Locale } from "../../../domain/api/auth";
import { instrumentText } from "../../../domain/instruments/questionnaire";
import { getWithdrawalCourse, type OpioidType, opioidTypeSchema } from "../../../domain/withdrawal";
import type { Database } from "../../db/schema";
import type { WithdrawalEpisodeTable } from "../../db/tables/assessments";
import { AppError, notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorize } from "../../security/policy";
import type { Actor } from "../../security/session";
import { memberToday, reportedInstant } from "./access";
import * as queries from "./queries";

export function withdrawalCourse(opioidType: OpioidType, locale: Locale) {
  const course = getWithdrawalCourse(opioidType);
  const keys = [
    course.labelKey,
    course.toleranceKey,
    course.helpTitleKey,
    ...course.noteKeys,
    ...course.bands.map((band) => band.labelKey),
    ...course.helpSigns.map((sign) => sign.key),
  ];
  return {
    ...course,
    texts: Object.fromEntries(keys.map((key) => [key, instrumentText(locale, key)])),
  };
}

export async function startWithdrawalEpisode(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: StartEpisodeBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<WithdrawalEpisode>> {
  await authorize(db, actor, memberId, "withdrawal", "write", "a withdrawal episode", now);
  const lastUseAt = reportedInstant(body.lastUseAt, now, "lastUseAt");
  return writeOnce(async (trx) => {
    await memberToday(trx, memberId, now);
    if (await queries.findOpenEpisode(trx, memberId)) {
      throw new AppError(
        "episode_open",
        409,
        "A withdrawal episode is already open. End it before starting a new one.",
      );
    }
    const row: WithdrawalEpisodeTable = {
      member_id: memberId,
      id: randomUUID(),
      opioid_type: body.opioidType,
      last_use_at: lastUseAt.toISOString(),
      started_at: now.toISOString(),
      ended_at: null,
      created_at: now.toISOString(),
    };
    await queries.insertEpisode(trx, row);
    return { statusCode: 201, body: episodeFromRow(row) };
  });
}

export async function endWithdrawalEpisode(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  episodeId: string,
  body: EndEpisodeBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<WithdrawalEpisode>> {
  await authorize(db, actor, memberId, "withdrawal", "write", "a withdrawal episode", now);
  const endedAt = reportedInstant(body.endedAt, now, "endedAt");
  return writeOnce(async (trx) => {
    const episode = await queries.findEpisode(trx, memberId, episodeId);
    if (!episode) throw notFound("That withdrawal episode");
    if (episode.ended_at !== null) {
      throw new AppError("episode_ended", 409, "This withdrawal episode has already ended.");
    }
    if (endedAt.getTime() < new Date(episode.last_use_at).getTime()) {
      throw new AppError(
        "ended_before_last_use",
        400,
        "An episode cannot end before the last use it started from.",
        "endedAt",
      );
    }
    await queries.endEpisode(trx, memberId, episodeId, endedAt.toISOString());
    return {
      statusCode: 200,
      body: episodeFromRow({ ...episode, ended_at: endedAt.toISOString() }),
    };
  });
}

export async function listWithdrawalEpisodes(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  await authorize(db, actor, memberId, "withdrawal", "read", "withdrawal episodes", now);
  return { episodes: (await queries.listEpisodes(db, memberId)).map(episodeFromRow) };
}

function episodeFromRow(row: WithdrawalEpisodeTable): WithdrawalEpisode {
  return {
    id: row.id,
    opioidType: opioidTypeSchema.parse(row.opioid_type),
    lastUseAt: row.last_use_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}
