import type { okSchema } from "../../../domain/api/auth";
import type {
  CheckinBody,
  CopingUseBody,
  CravingBody,
  checkinListSchema,
  checkinSchema,
  copingStatsSchema,
  copingUseSchema,
  cravingSchema,
  progressSchema,
  recordedUseSchema,
  UseBody,
  useListSchema,
} from "../../../domain/api/daily";
import type { motivationResponseSchema } from "../../../domain/api/plan";
import type { LocalDay } from "../../../domain/local-day";
import { ApiError, call, validated } from "../../api";
import type { NewWrite } from "../../offline/sync";

/**
 * The everyday features' client: check-in, cravings and coping, use, progress. Every write
 * that creates a record carries an Idempotency-Key, so a retry after a dropped connection
 * lands once; the caller keeps one key per attempt of one form (see newIdempotencyKey).
 */

const member = (memberId: string) => `/members/${encodeURIComponent(memberId)}`;
const range = (from: LocalDay, to: LocalDay) =>
  `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
const keyed = (key: string) => ({ "idempotency-key": key });

/**
 * The body schemas (the server's own) load when a form is first sent, not with the screen:
 * drawing the check-in or the craving log builds no schema (docs/architecture.md).
 */
const bodySchemas = () => import("../../../domain/api/daily");

/** A random key for one write; reused when the same write is retried. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID needs a secure context; a self-hoster on plain HTTP still gets 128 random bits.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export const dailyApi = {
  /** The day's check-in, or null when there is none (a list of one day never answers 404). */
  async checkinOn(memberId: string, date: LocalDay) {
    const list = await call<typeof checkinListSchema>(
      "GET",
      `${member(memberId)}/checkins${range(date, date)}`,
    );
    return list.checkins.find((checkin) => checkin.date === date) ?? null;
  },

  listCheckins: (memberId: string, from: LocalDay, to: LocalDay) =>
    call<typeof checkinListSchema>("GET", `${member(memberId)}/checkins${range(from, to)}`),

  saveCheckin: async (memberId: string, date: LocalDay, body: CheckinBody) =>
    call<typeof checkinSchema>(
      "PUT",
      `${member(memberId)}/checkins/${encodeURIComponent(date)}`,
      validated((await bodySchemas()).checkinBodySchema, body),
    ),

  logCraving: async (memberId: string, body: CravingBody, key: string) =>
    call<typeof cravingSchema>(
      "POST",
      `${member(memberId)}/cravings`,
      validated((await bodySchemas()).cravingBodySchema, body),
      keyed(key),
    ),

  recordCopingUse: async (memberId: string, body: CopingUseBody, key: string) =>
    call<typeof copingUseSchema>(
      "POST",
      `${member(memberId)}/coping-uses`,
      validated((await bodySchemas()).copingUseBodySchema, body),
      keyed(key),
    ),

  copingStats: (memberId: string) =>
    call<typeof copingStatsSchema>("GET", `${member(memberId)}/coping-stats`),

  recordUse: async (memberId: string, body: UseBody, key: string) =>
    call<typeof recordedUseSchema>(
      "POST",
      `${member(memberId)}/uses`,
      validated((await bodySchemas()).useBodySchema, body),
      keyed(key),
    ),

  listUses: (memberId: string, from: LocalDay, to: LocalDay) =>
    call<typeof useListSchema>("GET", `${member(memberId)}/uses${range(from, to)}`),

  deleteUse: (memberId: string, useId: string) =>
    call<typeof okSchema>("DELETE", `${member(memberId)}/uses/${encodeURIComponent(useId)}`),

  progress: (memberId: string) =>
    call<typeof progressSchema>("GET", `${member(memberId)}/progress`),

  /** The person's own reasons for recovery (the plan's motivation), or null before they wrote any. */
  async reasons(memberId: string): Promise<string[] | null> {
    try {
      const motivation = await call<typeof motivationResponseSchema>(
        "GET",
        `${member(memberId)}/motivation`,
      );
      return motivation.reasons;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
};

/**
 * The day-to-day records as writes for the offline queue (web/offline, issue 15): checked here
 * with the server's own schemas (loaded on the first send), kept on the phone, sent in order by
 * the sync loop. Times are fixed now, when the person makes the record, not when a signal
 * comes back.
 */
export const dailyWrites = {
  checkin: async (memberId: string, date: LocalDay, body: CheckinBody): Promise<NewWrite> => ({
    kind: "checkin",
    method: "PUT",
    path: `${member(memberId)}/checkins/${encodeURIComponent(date)}`,
    body: validated((await bodySchemas()).checkinBodySchema, body),
  }),

  craving: async (memberId: string, body: CravingBody): Promise<NewWrite> => {
    const at = new Date().toISOString();
    return {
      kind: "craving",
      method: "POST",
      path: `${member(memberId)}/cravings`,
      body: validated((await bodySchemas()).cravingBodySchema, { at, ...body }),
    };
  },

  /** `cravingRef`: the craving was made on this phone and may not have reached the server yet. */
  copingUse: async (
    memberId: string,
    body: CopingUseBody,
    cravingRef?: string,
  ): Promise<NewWrite> => {
    const at = new Date().toISOString();
    return {
      kind: "copingUse",
      method: "POST",
      path: `${member(memberId)}/coping-uses`,
      body: validated((await bodySchemas()).copingUseBodySchema, { at, ...body }),
      ...(cravingRef && { cravingRef }),
    };
  },

  use: async (memberId: string, body: UseBody): Promise<NewWrite> => ({
    kind: "use",
    method: "POST",
    path: `${member(memberId)}/uses`,
    body: validated((await bodySchemas()).useBodySchema, body),
  }),
};
