// Contingency management: staff verify the targets a clinician set, the member earns points on
// an escalating schedule with reset, redeems them for what the clinic lists, and sees the ledger.
import type { Kysely } from "kysely";
import type { MemberRewards, RewardProgram } from "../../../domain/api/rewards";
import { localDayOf } from "../../../domain/local-day";
import { ledgerTotals } from "../../../domain/rewards/ledger";
import type { TargetKind } from "../../../domain/rewards/targets";
import type { Database } from "../../db/schema";
import { authorizeMemberAccess } from "../../security/policy";
import type { Actor } from "../../security/session";
import * as queries from "./queries";
import { kindOf, ledgerLineView, pointsByOccasion, targetView } from "./views";

/** How many ledger lines one answer carries, newest first. */
const LEDGER_LINES = 200;

/**
 * The member's rewards, one program per organization: balance, targets, the clinic's list and
 * the ledger. Someone else reads it only under a live "rewards" grant (audited by the policy).
 */
export async function getMemberRewards(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
): Promise<MemberRewards> {
  await authorizeMemberAccess(
    db,
    actor,
    { memberId, category: "rewards", action: "read", resource: "rewards" },
    now,
  );
  const organizations = await queries.programOrganizations(db, memberId);
  if (organizations.length === 0) return { programs: [] };
  const ids = organizations.map((organization) => organization.id);
  const [settings, targets, occasions, ledger, catalogue, timeZone] = await Promise.all([
    queries.settingsOf(db, ids),
    queries.targetsOf(db, memberId),
    queries.occasionsOf(db, memberId),
    queries.ledgerOf(db, memberId),
    queries.activeCatalogue(db, ids),
    queries.memberTimeZone(db, memberId),
  ]);
  const year = localDayOf(now, timeZone).slice(0, 4);
  const targetKinds = new Map(targets.map((target) => [target.id, kindOf(target.kind)]));
  const occasionFacts = new Map<string, { occurredOn: string; targetKind: TargetKind }>();
  for (const row of occasions) {
    const targetKind = targetKinds.get(row.target_id);
    if (targetKind) occasionFacts.set(row.id, { occurredOn: row.occurred_on, targetKind });
  }
  const reversed = new Set(ledger.flatMap((line) => (line.reverses_id ? [line.reverses_id] : [])));
  const points = pointsByOccasion(ledger);
  const programs = organizations.map((organization): RewardProgram => {
    const own = ledger.filter((line) => line.organization_id === organization.id);
    const programSettings = settings.get(organization.id) ?? null;
    return {
      organization,
      settings: programSettings,
      ...ledgerTotals(own),
      earnedThisYear: ledgerTotals(own.filter((line) => line.local_day.startsWith(year))).earned,
      targets: targets
        .filter((target) => target.organization_id === organization.id)
        .map((target) => targetView(target, occasions, programSettings, points)),
      catalogue: catalogue
        .filter((reward) => reward.organization_id === organization.id)
        .map((reward) => ({
          id: reward.id,
          name: reward.name,
          description: reward.description,
          pointsCost: reward.points_cost,
          active: reward.active === 1,
        })),
      ledger: own
        .slice(-LEDGER_LINES)
        .reverse()
        .map((line) => ledgerLineView(line, occasionFacts, reversed, now)),
    };
  });
  return { programs };
}
