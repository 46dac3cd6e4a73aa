import type { Kysely } from "kysely";
import type { Role } from "../domain/roles";
import { readConfig } from "../server/config";
import type { Database } from "../server/db/schema";
import { addMembership } from "../server/features/auth/queries";
import { createAccount } from "../server/features/auth/service";
import { ensureDefaultOrganization } from "../server/organizations";
import { openSecretBox, type SecretBox } from "../server/security/secret-box";
import { seedAssessmentsDemo } from "./demo/assessments";
import { seedCareDemo } from "./demo/care";
import { seedDailyDemo } from "./demo/daily";
import { seedLessonsDemo } from "./demo/lessons";
import { seedMedicationDemo } from "./demo/medication";
import { seedMessagesDemo } from "./demo/messages";
import { seedPeerGroupDemo } from "./demo/peer-group";
import { seedPlanDemo } from "./demo/plan";
import { seedRewardsDemo } from "./demo/rewards";
import { seedSecondFactorDemo } from "./demo/second-factor";
import { seedSupportDemo } from "./demo/support";
import { demoSignIns } from "./serve";
import { withStore } from "./store";

/**
 * The demo organization: one person of each role, so a newcomer meets a lived-in app.
 * Each later feature adds its own history for the member (about 90 days, with a lapse and
 * the return after it). Safe to run again: people who exist are left as they are.
 */
export const DEMO_PEOPLE: { role: Role; email: string; password: string; displayName: string }[] = [
  {
    role: "member",
    email: "alex@example.org",
    password: "river stones hold the path",
    displayName: "Alex",
  },
  {
    role: "clinician",
    email: "sam.rivera@example.org",
    password: "counsel with steady hands",
    displayName: "Sam Rivera",
  },
  {
    role: "supporter",
    email: "jordan@example.org",
    password: "a friend who always answers",
    displayName: "Jordan",
  },
  {
    role: "admin",
    email: "admin@example.org",
    password: "keys to the trailhead cabin",
    displayName: "Robin (admin)",
  },
];

export async function seedDemo(db: Kysely<Database>, secrets: SecretBox, now = new Date()) {
  const organizationId = await ensureDefaultOrganization(db);
  const ids: Partial<Record<Role, string>> = {};
  for (const person of DEMO_PEOPLE) {
    const existing = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", person.email)
      .executeTakeFirst();
    ids[person.role] =
      existing?.id ??
      (await createAccount(
        db,
        organizationId,
        person.role,
        { ...person, timeZone: "America/New_York" },
        now,
      ));
    await addMembership(db, organizationId, ids[person.role] as string, person.role, now);
  }
  // Each feature adds the member's history here (about 90 days, with a lapse and a return).
  if (ids.member) await seedDailyDemo(db, ids.member, now);
  if (ids.member) await seedPlanDemo(db, ids.member, now);
  if (ids.member) await seedMedicationDemo(db, ids.member, now);
  if (ids.member) await seedAssessmentsDemo(db, ids.member, now, ids.clinician);
  // Alex's signed consents to the clinician and the supporter, and a caseload of members.
  if (ids.member && ids.clinician)
    await seedCareDemo(db, organizationId, ids.member, ids.clinician, ids.supporter, now);
  if (ids.member) await seedSupportDemo(db, ids.member, now);
  if (ids.member && ids.clinician && ids.admin)
    await seedRewardsDemo(db, organizationId, ids.member, ids.clinician, ids.admin, now);
  await seedPeerGroupDemo(db, organizationId, ids.clinician, now);
  if (ids.member && ids.clinician) await seedMessagesDemo(db, ids.member, ids.clinician, now);
  if (ids.member) await seedLessonsDemo(db, ids.member, ids.clinician, now);
  await seedSecondFactorDemo(
    db,
    secrets,
    [ids.clinician, ids.supporter, ids.admin].filter(isId),
    now,
  );
  // (feature demo seeders are called above this line)
  return DEMO_PEOPLE;
}

function isId(id: string | undefined): id is string {
  return id !== undefined;
}

export async function seedDemoCommand(): Promise<number> {
  const people = await withStore(async (store) =>
    seedDemo(store.db, await openSecretBox(store.db, readConfig())),
  );
  process.stdout.write(demoSignIns(people));
  return 0;
}
