import { addLocalDays, eachLocalDay, startOfLocalDay } from "../src/domain/local-day";
import type { Store } from "../src/server/db/connect";
import { hashPassword } from "../src/server/security/passwords";
import { batchWriter } from "./batch-writer";
import { BENCH_TIME_ZONES, type MemberCalendar, memberRows } from "./member-history";
import { memberSeed, mulberry32, uuidFrom } from "./prng";

/**
 * The bench data set: an organization, clinicians with caseloads, and N members with D days
 * of history each (see member-history.ts), written in batches of multi-row INSERTs with one
 * transaction per batch. The same seed and last day give the same data on either database.
 * Every bench account shares one password hash, made once: argon2 is slow on purpose.
 */
export interface SeedBenchOptions {
  members: number;
  days: number;
  seed: number;
  /** Members per clinician. */
  caseloadSize?: number;
  /** Adds one member with this many days of history (the progress measure); 0 for none. */
  longHistoryDays?: number;
  /** The last day of every history, YYYY-MM-DD; yesterday (UTC) when absent. */
  lastDay?: string;
  /** Rows buffered before a batch is written. */
  batchRows?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  membersDone: number;
  membersTotal: number;
  rows: number;
  elapsedMs: number;
}

export interface SeedBenchResult {
  organizationId: string;
  clinicianIds: string[];
  longHistoryMemberId: string | null;
  withDoses: boolean;
  rows: Record<string, number>;
  elapsedMs: number;
}

export const BENCH_EMAIL_DOMAIN = "bench.waymark.invalid";
/** Every bench account signs in with this (the accounts are made for load, not for people). */
export const BENCH_PASSWORD = "bench passphrase for load tests only";
export const DEFAULT_CASELOAD = 500;

export const benchMemberEmail = (index: number) =>
  `bench-member-${String(index).padStart(6, "0")}@${BENCH_EMAIL_DOMAIN}`;
export const benchClinicianEmail = (index: number) =>
  `bench-clinician-${String(index).padStart(4, "0")}@${BENCH_EMAIL_DOMAIN}`;
export const LONG_HISTORY_EMAIL = `bench-long-history@${BENCH_EMAIL_DOMAIN}`;

const TABLE_ORDER = [
  "organizations",
  "users",
  "memberships",
  "consent_grants",
  "recovery_profiles",
  "plan_goals",
  "plan_steps",
  "checkins",
  "cravings",
  "coping_uses",
  "use_events",
  "assessment_responses",
  "medication_regimens",
  "regimen_changes",
  "dose_logs",
] as const;
const MEDICATION_TABLES = ["medication_regimens", "regimen_changes", "dose_logs"];

export async function seedBench(store: Store, options: SeedBenchOptions): Promise<SeedBenchResult> {
  const started = Date.now();
  const caseloadSize = options.caseloadSize ?? DEFAULT_CASELOAD;
  const longDays = options.longHistoryDays ?? 0;
  if (await alreadySeeded(store)) {
    throw new Error(
      "This database already holds a bench data set; point WAYMARK_DATA_DIR or DATABASE_URL at an empty one.",
    );
  }
  const tables = new Set((await store.db.introspection.getTables()).map((table) => table.name));
  const withDoses = MEDICATION_TABLES.every((table) => tables.has(table));
  const calendar = calendarFor(options.lastDay ?? yesterday(), Math.max(options.days, longDays));
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const writer = batchWriter(store, TABLE_ORDER);
  const batchRows = options.batchRows ?? 20_000;
  const root = mulberry32(options.seed);
  const now = new Date().toISOString();

  const organizationId = uuidFrom(root);
  writer.add("organizations", {
    id: organizationId,
    name: "Bench Recovery Clinic",
    created_at: now,
  });
  const clinicianIds: string[] = [];
  for (let index = 0; index < Math.ceil(options.members / caseloadSize); index += 1) {
    const id = uuidFrom(root);
    clinicianIds.push(id);
    writer.add("users", {
      id,
      email: benchClinicianEmail(index),
      password_hash: passwordHash,
      display_name: `Bench clinician ${index}`,
      time_zone: "America/New_York",
      locale: "en",
      created_at: now,
    });
    writer.add("memberships", {
      organization_id: organizationId,
      user_id: id,
      role: "clinician",
      created_at: now,
    });
  }

  const total = options.members + (longDays > 0 ? 1 : 0);
  const report = (membersDone: number) => {
    const rows = Object.values(writer.written).reduce((sum, count) => sum + count, 0);
    options.onProgress?.({
      membersDone,
      membersTotal: total,
      rows,
      elapsedMs: Date.now() - started,
    });
  };
  const emit = writer.add.bind(writer);
  for (let index = 0; index < options.members; index += 1) {
    memberRows(
      mulberry32(memberSeed(options.seed, index)),
      {
        index,
        email: benchMemberEmail(index),
        days: options.days,
        passwordHash,
        organizationId,
        clinicianId: clinicianIds[Math.floor(index / caseloadSize)] ?? null,
        withDoses,
      },
      calendar,
      emit,
    );
    if (writer.pending >= batchRows) {
      await writer.flush();
      report(index + 1);
    }
  }
  let longHistoryMemberId: string | null = null;
  if (longDays > 0) {
    longHistoryMemberId = memberRows(
      mulberry32(memberSeed(options.seed, -1)),
      {
        index: -1,
        email: LONG_HISTORY_EMAIL,
        days: longDays,
        passwordHash,
        organizationId,
        clinicianId: null,
        withDoses,
      },
      calendar,
      emit,
    );
  }
  await writer.flush();
  report(total);
  return {
    organizationId,
    clinicianIds,
    longHistoryMemberId,
    withDoses,
    rows: { ...writer.written },
    elapsedMs: Date.now() - started,
  };
}

async function alreadySeeded(store: Store): Promise<boolean> {
  const found = await store.db
    .selectFrom("users")
    .select("id")
    .where("email", "in", [benchMemberEmail(0), LONG_HISTORY_EMAIL, benchClinicianEmail(0)])
    .executeTakeFirst();
  return found !== undefined;
}

/** The days every history is drawn from, and each zone's local midnights (computed once). */
export function calendarFor(lastDay: string, days: number): MemberCalendar {
  const dayList = eachLocalDay(addLocalDays(lastDay, -(days - 1)), lastDay);
  const midnights = new Map<string, number[]>();
  for (const zone of BENCH_TIME_ZONES) {
    midnights.set(
      zone,
      dayList.map((day) => startOfLocalDay(day, zone).getTime()),
    );
  }
  return { days: dayList, midnights };
}

function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}
