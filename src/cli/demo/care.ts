import type { Kysely } from "kysely";
import type { ConsentCategory } from "../../domain/consent";
import { localDayOf } from "../../domain/local-day";
import type { Database } from "../../server/db/schema";
import { createAccount } from "../../server/features/auth/service";
import { writeHistory } from "../../server/features/care/care-history";
import { createConsent } from "../../server/features/care/consent-service";
import { actorFor } from "../../server/security/session";

/**
 * The demo clinician's caseload: Alex's signed consent to Sam Rivera, and four more members
 * whose recent weeks raise different flags (a lapse with high cravings and missed doses; a
 * silence of six days shared as check-ins only; a steady week; a BAM risk score that rose).
 * Deterministic for a given `now`; people who already exist are left as they are.
 */
const ZONE = "America/New_York";
const ALL: ConsentCategory[] = [
  "profile",
  "checkins",
  "cravings",
  "use",
  "plan",
  "medication",
  "assessments",
];

const CASELOAD: {
  email: string;
  displayName: string;
  categories: ConsentCategory[];
  history: Parameters<typeof writeHistory>[3];
}[] = [
  {
    email: "blake@example.org",
    displayName: "Blake",
    categories: ALL,
    history: { cravings: [8, 7, 3, 9, 4, 2, 3], missedDaysAgo: [1, 4], lapseDaysAgo: [2] },
  },
  {
    email: "casey@example.org",
    displayName: "Casey",
    categories: ["checkins"],
    history: { calmDaysAgo: [6, 7, 8, 9, 10, 11, 12] },
  },
  {
    email: "drew@example.org",
    displayName: "Drew",
    categories: ALL,
    history: { cravings: [2, 1, 3, 2, 1, 2, 2], bamRisk: [6, 4] },
  },
  {
    email: "emery@example.org",
    displayName: "Emery",
    categories: ["checkins", "assessments"],
    history: { cravings: [4, 5, 3, 4, 6, 5, 4], bamRisk: [3, 8] },
  },
];

export async function seedCareDemo(
  db: Kysely<Database>,
  organizationId: string,
  alexId: string,
  clinicianId: string,
  now: Date,
) {
  const clinician = await db
    .selectFrom("users")
    .select("email")
    .where("id", "=", clinicianId)
    .executeTakeFirstOrThrow();
  await consentOnce(db, alexId, clinician.email, clinicianId, ALL, "Alex", now);
  const today = localDayOf(now, ZONE);
  for (const member of CASELOAD) {
    const existing = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", member.email)
      .executeTakeFirst();
    if (existing) continue;
    const memberId = await createAccount(
      db,
      organizationId,
      "member",
      {
        email: member.email,
        // Demo-only accounts; nobody needs to sign in as them.
        password: `demo caseload member ${member.displayName} walks on`,
        displayName: member.displayName,
        timeZone: ZONE,
      },
      now,
    );
    await writeHistory(db, memberId, today, member.history, now);
    await consentOnce(
      db,
      memberId,
      clinician.email,
      clinicianId,
      member.categories,
      member.displayName,
      now,
    );
  }
}

async function consentOnce(
  db: Kysely<Database>,
  memberId: string,
  clinicianEmail: string,
  clinicianId: string,
  categories: ConsentCategory[],
  typedName: string,
  now: Date,
) {
  const existing = await db
    .selectFrom("consent_grants")
    .select("id")
    .where("member_id", "=", memberId)
    .where("grantee_user_id", "=", clinicianId)
    .executeTakeFirst();
  if (existing) return;
  const member = await actorFor(db, memberId, "demo");
  await createConsent(
    db,
    member,
    {
      recipientEmail: clinicianEmail,
      purpose: "Treatment and care coordination at Riverside Recovery Center",
      categories,
      expiresAt: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
      expiryEvent: null,
      signature: { typedName },
      revocationAcknowledged: true,
    },
    now,
  );
}
