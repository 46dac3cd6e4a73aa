/**
 * The benchmark times the app's own caseload query (src/server/features/care): the six
 * statements that read every member of a clinician's caseload at once, plus the pure flag
 * rules applied to each member (domain/care-flags.ts). The audit append the app adds per
 * request (one batched transaction) is not part of this measure.
 */
import type { Kysely } from "kysely";
import type { LocalDay } from "../src/domain/local-day";
import type { Database } from "../src/server/db/schema";
import {
  type CaseloadRow,
  caseloadSummary as readCaseload,
} from "../src/server/features/care/caseload-queries";
import { caseloadEntry, sortCaseload } from "../src/server/features/care/caseload-service";

export type { CaseloadRow };

export interface CaseloadOptions {
  clinicianId: string;
  today: LocalDay;
  now: Date;
  /** Kept for the harness; the dose log always exists now. */
  withDoses?: boolean;
}

export async function caseloadSummary(db: Kysely<Database>, options: CaseloadOptions) {
  const rows = await readCaseload(db, options);
  return sortCaseload(rows.map((row) => caseloadEntry(row, options.today)));
}
