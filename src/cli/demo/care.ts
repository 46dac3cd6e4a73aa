import type { Kysely } from "kysely";
import type { ConsentCategory } from "../../domain/consent";
import { addScheduleDays, instantAt, localDayAt } from "../../domain/dose-schedule";
import { localDayOf } from "../../domain/local-day";
import type { Database } from "../../server/db/schema";
import { createAccount } from "../../server/features/auth/service";
import { writeHistory } from "../../server/features/care/care-history";
import { createConsent } from "../../server/features/care/consent-service";
import { createClinicalNote } from "../../server/features/care/notes-service";
import { suggestPlanStep } from "../../server/features/care/suggestions-service";
import { askForSupport } from "../../server/features/care/support-request-service";
import { writeOnceIn } from "../../server/http/idempotency";
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

/** Alex shares more with Sam: withdrawal (so Sam rated COWS during detox), visit notes,
 * messages and lessons. */
const ALEX_TO_CLINICIAN: ConsentCategory[] = [
  ...ALL,
  "withdrawal",
  "notes",
  "appointments",
  "rewards",
  "messages",
  "lessons",
];
/** Jordan, a friend, gets the narrow supporter view (checked in today, a lapse this week) and
 * can message Alex. */
const ALEX_TO_SUPPORTER: ConsentCategory[] = ["checkins", "use", "messages"];

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
  supporterId: string | undefined,
  now: Date,
) {
  const emailOf = async (id: string) =>
    (await db.selectFrom("users").select("email").where("id", "=", id).executeTakeFirstOrThrow())
      .email;
  const clinician = { email: await emailOf(clinicianId) };
  const isNew = await consentOnce(
    db,
    alexId,
    clinician.email,
    clinicianId,
    ALEX_TO_CLINICIAN,
    "Alex",
    now,
  );
  if (isNew) await seedVisit(db, alexId, clinicianId, now);
  if (supporterId) {
    await consentOnce(
      db,
      alexId,
      await emailOf(supporterId),
      supporterId,
      ALEX_TO_SUPPORTER,
      "Alex",
      now,
      "So Jordan knows how I am doing and can reach out",
    );
    await seedAsk(db, alexId, now);
  }
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
  purpose = "Treatment and care coordination at Riverside Recovery Center",
): Promise<boolean> {
  const existing = await db
    .selectFrom("consent_grants")
    .select("id")
    .where("member_id", "=", memberId)
    .where("grantee_user_id", "=", clinicianId)
    .executeTakeFirst();
  if (existing) return false;
  const member = await actorFor(db, memberId, "demo");
  await createConsent(
    db,
    member,
    {
      recipientEmail: clinicianEmail,
      purpose,
      categories,
      expiresAt: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
      expiryEvent: null,
      signature: { typedName },
      revocationAcknowledged: true,
    },
    now,
  );
  return true;
}

/** Sam's last visit with Alex: a note Alex can read, and a plan step Alex has not answered yet. */
async function seedVisit(db: Kysely<Database>, alexId: string, clinicianId: string, now: Date) {
  const sam = await actorFor(db, clinicianId, "demo");
  const visit = new Date(now.getTime() - 3 * 86_400_000);
  await createClinicalNote(
    db,
    sam,
    alexId,
    "Good to see you today. You got back on your plan quickly after the lapse — that is the skill that matters. We kept your dose as prescribed. Next visit in two weeks.",
    writeOnceIn(db),
    visit,
  );
  const goal = await db
    .selectFrom("plan_goals")
    .select("id")
    .where("member_id", "=", alexId)
    .where("status", "=", "active")
    .orderBy("position")
    .executeTakeFirst();
  if (goal) {
    await suggestPlanStep(
      db,
      sam,
      alexId,
      {
        goalId: goal.id,
        title: "Write down three early warning signs and share them with Jordan",
        note: "We talked about the Friday evenings; this gives Jordan a way to help.",
      },
      writeOnceIn(db),
      visit,
    );
  }
}

/**
 * Alex asked for support once, yesterday at 7:30 in the evening (their time). The supporter view
 * shows an ask for 24 hours, so Jordan sees it when the demo is seeded before 7:30 pm and not
 * after — the demo follows the same rule as real use rather than faking a fresh ask.
 */
async function seedAsk(db: Kysely<Database>, alexId: string, now: Date) {
  const asked = await db
    .selectFrom("support_requests")
    .select("id")
    .where("member_id", "=", alexId)
    .executeTakeFirst();
  if (asked) return;
  const { time_zone: timeZone } = await db
    .selectFrom("users")
    .select("time_zone")
    .where("id", "=", alexId)
    .executeTakeFirstOrThrow();
  const yesterday = addScheduleDays(localDayAt(now, timeZone), -1);
  const alex = await actorFor(db, alexId, "demo");
  await askForSupport(
    db,
    alex,
    alexId,
    (work) => db.transaction().execute(work),
    instantAt(yesterday, "19:30", timeZone),
  );
}
