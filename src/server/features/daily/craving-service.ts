// Cravings logged in the moment and the coping tools used against them, so a person can see
// which tools work for them. Written by the member; read by others under category "cravings".
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  type CopingUse,
  type CopingUseBody,
  type Craving,
  type CravingBody,
  copingToolSchema,
  type DayRangeQuery,
  triggerKindSchema,
} from "../../../domain/api/daily";
import { type CopingTool, copingStatsOf } from "../../../domain/craving";
import { localDayOf } from "../../../domain/local-day";
import type { Database } from "../../db/schema";
import type { CopingUseTable, CravingTable } from "../../db/tables/daily";
import { AppError } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorize } from "../../security/policy";
import type { Actor } from "../../security/session";
import {
  describeRange,
  fromFlag,
  memberClock,
  reportedInstant,
  resolveRange,
  textOrNull,
  toFlag,
} from "./member-clock";
import * as queries from "./queries";

export async function logCraving(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: CravingBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<Craving>> {
  await authorize(db, actor, memberId, "cravings", "write", "a craving", now);
  return writeOnce(async (trx) => {
    const { timeZone } = await memberClock(trx, memberId, now);
    const at = reportedInstant(body.at, now);
    const row: CravingTable = {
      member_id: memberId,
      id: randomUUID(),
      at: at.toISOString(),
      local_day: localDayOf(at, timeZone),
      intensity: body.intensity,
      trigger_kind: body.trigger?.kind ?? null,
      trigger_text: textOrNull(body.trigger?.text),
      place: textOrNull(body.place),
      people: textOrNull(body.people),
      feeling: textOrNull(body.feeling),
      what_i_did: textOrNull(body.whatIDid),
      passed: toFlag(body.passed),
      duration_minutes: body.durationMinutes ?? null,
      created_at: now.toISOString(),
    };
    await queries.insertCraving(trx, row);
    return { statusCode: 201, body: cravingFromRow(row) };
  });
}

export async function listCravings(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  query: DayRangeQuery,
  now = new Date(),
) {
  await authorize(db, actor, memberId, "cravings", "read", describeRange("cravings", query), now);
  const { today } = await memberClock(db, memberId, now);
  const { from, to } = resolveRange(query, today);
  const rows = await queries.listCravings(db, memberId, from, to);
  return { from, to, cravings: rows.map(cravingFromRow) };
}

/**
 * A tool used in the moment. When the person says the craving passed, the craving it was
 * used for is marked passed too (one that did not pass may still pass with the next tool).
 */
export async function recordCopingUse(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: CopingUseBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<CopingUse>> {
  await authorize(db, actor, memberId, "cravings", "write", "a coping tool use", now);
  return writeOnce(async (trx) => {
    const { timeZone } = await memberClock(trx, memberId, now);
    const at = reportedInstant(body.at, now);
    if (body.cravingId && !(await queries.findCraving(trx, memberId, body.cravingId))) {
      throw new AppError(
        "craving_not_found",
        400,
        "We could not find the craving this tool was used for. Try again without cravingId.",
        "cravingId",
      );
    }
    const row: CopingUseTable = {
      member_id: memberId,
      id: randomUUID(),
      at: at.toISOString(),
      local_day: localDayOf(at, timeZone),
      tool: body.tool,
      craving_id: body.cravingId ?? null,
      passed: toFlag(body.passed),
      created_at: now.toISOString(),
    };
    await queries.insertCopingUse(trx, row);
    if (body.cravingId && body.passed === true) {
      await queries.markCravingPassed(trx, memberId, body.cravingId);
    }
    return { statusCode: 201, body: copingUseFromRow(row) };
  });
}

export async function getCopingStats(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  await authorize(db, actor, memberId, "cravings", "read", "coping tool results", now);
  const rows = await queries.listCopingOutcomes(db, memberId);
  const outcomes = rows.flatMap((row) => {
    const tool = copingToolSchema.safeParse(row.tool);
    if (!tool.success) return [];
    return [{ tool: tool.data, passed: fromFlag(row.passed) ?? fromFlag(row.cravingPassed) }];
  });
  return { tools: copingStatsOf(outcomes) };
}

function cravingFromRow(row: CravingTable): Craving {
  const kind = triggerKindSchema.safeParse(row.trigger_kind);
  return {
    id: row.id,
    at: row.at,
    date: row.local_day,
    intensity: row.intensity,
    trigger: kind.success ? { kind: kind.data, text: row.trigger_text } : null,
    place: row.place,
    people: row.people,
    feeling: row.feeling,
    whatIDid: row.what_i_did,
    passed: fromFlag(row.passed),
    durationMinutes: row.duration_minutes,
    createdAt: row.created_at,
  };
}

function copingUseFromRow(row: CopingUseTable): CopingUse {
  return {
    id: row.id,
    at: row.at,
    date: row.local_day,
    tool: row.tool as CopingTool,
    cravingId: row.craving_id,
    passed: fromFlag(row.passed),
  };
}
