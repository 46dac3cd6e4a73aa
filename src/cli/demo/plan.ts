import { createHash } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import type { Kysely } from "kysely";
import type { UpdateStepBody } from "../../domain/api/plan";
import type { IntakeAnswers } from "../../domain/intake";
import type { Database } from "../../server/db/schema";
import { memberDay, type Transact, type WriteOptions } from "../../server/features/plan/access";
import { submitIntake } from "../../server/features/plan/intake-service";
import {
  createPlanReview,
  recordReadiness,
  updateMotivation,
} from "../../server/features/plan/motivation-service";
import { createStep, updateStep } from "../../server/features/plan/service";
import { type Actor, actorFor } from "../../server/security/session";

/**
 * Alex's recovery plan over about three months: the intake on the first day (methadone and
 * counseling, a court date, a daughter, a steady home), steps done week by week, a wobble
 * after the lapse issue 4's demo puts about 37 days ago, readiness that rises, and weekly
 * checks. Everything goes through the plan's own services, so history reads as if Alex had
 * used the app. Deterministic for a given `now`; skipped when the member already has a plan.
 */
const DAY_MS = 86_400_000;
const INTAKE_DAYS_AGO = 95;

const INTAKE: IntakeAnswers = {
  stage: "recently_started",
  treatment: ["methadone", "counseling"],
  domains: ["physical_health", "home_family", "relationships", "support_groups", "finances"],
  whatMattersMost: "Being there for my daughter, Mia",
  supportPeople: [
    { name: "Jordan", role: "friend" },
    { name: "Sam Rivera", role: "counselor" },
  ],
  costPerDay: 40,
  hasCourtDates: true,
  unstableHousing: false,
  hasChildren: true,
};

/** [days ago, step template key, change]: how the starter steps moved over the weeks. */
const STEP_CHANGES: [number, string, UpdateStepBody][] = [
  [94, "plan.medication.step.clinicDetails", { status: "done" }],
  [93, "plan.medication.step.clinicRoutine", { status: "doing" }],
  [92, "plan.legal.step.listDates", { status: "done" }],
  [90, "plan.legal.step.contactLawyer", { status: "done", note: "Public defender: Ms. Ortiz" }],
  [88, "plan.medication.step.missedDose", { status: "done" }],
  [86, "plan.support_groups.step.lookUpMeetings", { status: "done" }],
  [
    84,
    "plan.support_groups.step.tryOneMeeting",
    { status: "done", note: "Tuesday NA at St. Mark's" },
  ],
  [80, "plan.medication.step.clinicRoutine", { status: "done" }],
  [78, "plan.medication.step.nextSession", { status: "done" }],
  [75, "plan.shared.step.naloxone", { status: "done" }],
  [70, "plan.support_groups.step.getANumber", { status: "done" }],
  [66, "plan.physical_health.step.bookCheckup", { status: "doing" }],
  [62, "plan.legal.step.keepProof", { status: "doing" }],
  [58, "plan.physical_health.step.bookCheckup", { status: "done" }],
  [55, "plan.home_family.step.regularTime", { status: "done", note: "Saturday mornings" }],
  [50, "plan.physical_health.step.askTesting", { status: "done" }],
  [45, "plan.finances.step.inAndOut", { status: "doing" }],
  [40, "plan.relationships.step.mapPeople", { status: "done" }],
  [32, "plan.medication.step.talkAboutDose", { status: "done" }],
  [28, "plan.finances.step.oneBill", { status: "done" }],
  [25, "plan.finances.step.saveRegained", { status: "doing" }],
  [20, "plan.home_family.step.childcareHelp", { status: "dropped" }],
  // Dropped by mistake, then undone the next day.
  [19, "plan.home_family.step.childcareHelp", { status: "todo" }],
  [15, "plan.relationships.step.reachOut", { status: "done" }],
  [10, "plan.home_family.step.honestTalk", { status: "doing" }],
  [7, "plan.legal.step.keepProof", { status: "done", note: "Folder handed to Ms. Ortiz" }],
  [3, "plan.medication.step.bringOneThing", { status: "done" }],
];

/** [days ago, importance, confidence, readiness]: rising, with a dip after the lapse. */
const READINESS: [number, number, number, number][] = [
  [95, 9, 3, 6],
  [81, 9, 4, 7],
  [67, 9, 5, 8],
  [53, 10, 6, 8],
  [36, 10, 5, 7],
  [22, 10, 7, 9],
  [8, 10, 8, 9],
];

export async function seedPlanDemo(db: Kysely<Database>, memberId: string, now: Date) {
  const already = await db
    .selectFrom("plan_goals")
    .select("id")
    .where("member_id", "=", memberId)
    .limit(1)
    .executeTakeFirst();
  if (already) return;
  const member = await db
    .selectFrom("users")
    .select("time_zone")
    .where("id", "=", memberId)
    .executeTakeFirst();
  if (!member) return;
  const zone = member.time_zone;
  const actor: Actor = await actorFor(db, memberId, "demo");
  let counter = 0;
  const newId = () => demoId(`${memberId}:plan:${counter++}`);
  /** An evening instant `daysAgo` local days before today, in Alex's zone. */
  const daysAgo = (days: number, hour = 20) => {
    const [year, month, day] = memberDay(new Date(now.getTime() - days * DAY_MS), zone)
      .split("-")
      .map(Number) as [number, number, number];
    return new Date(new TZDate(year, month - 1, day, hour, 15, zone).getTime());
  };

  await db.transaction().execute(async (trx) => {
    const run: Transact = (work) => work(trx);
    const at = (days: number, hour?: number): WriteOptions => ({
      run,
      now: daysAgo(days, hour),
      newId,
    });
    const plan = await submitIntake(
      trx,
      actor,
      memberId,
      { ...INTAKE, recoveryStart: memberDay(daysAgo(INTAKE_DAYS_AGO), zone) },
      at(INTAKE_DAYS_AGO, 19),
    );
    const steps = plan.domains.flatMap((domain) => domain.goals.flatMap((goal) => goal.steps));
    const stepId = (key: string) => steps.find((step) => step.templateKey === key)?.id;
    const goalId = (key: string) =>
      plan.domains.flatMap((domain) => domain.goals).find((goal) => goal.templateKey === key)?.id;

    await updateMotivation(
      trx,
      actor,
      memberId,
      {
        reasons: [
          "Being there for my daughter, Mia",
          "Keeping my job at the warehouse",
          "Waking up without dread",
        ],
        motivators: [
          { kind: "children", text: "Mia's school plays and Saturday mornings" },
          { kind: "work", text: "My supervisor gave me a second chance" },
          { kind: "health", text: "Feeling strong enough to play basketball again" },
        ],
        lettingGo: [
          { kind: "people", text: "The friends I only saw when using" },
          { kind: "places", text: "The corner by the bus depot" },
          { kind: "habits", text: "Staying up all night" },
        ],
      },
      at(94),
    );
    await updateMotivation(
      trx,
      actor,
      memberId,
      {
        decisionalBalance: {
          goodThingsAboutUsing: ["It took the edge off bad days"],
          notSoGoodAboutUsing: ["Missing time with Mia", "Money gone by Wednesday", "Court"],
          goodThingsAboutChanging: ["Mia trusts me again", "Money for rent and a bus pass"],
          notSoGoodAboutChanging: ["Daily clinic visits take time", "Evenings feel long"],
        },
      },
      at(60),
    );

    for (const [days, importance, confidence, readiness] of READINESS) {
      await recordReadiness(
        trx,
        actor,
        memberId,
        { importance, confidence, readiness },
        at(days, 9),
      );
    }

    for (const [days, key, change] of STEP_CHANGES) {
      const id = stepId(key);
      if (id) await updateStep(trx, actor, memberId, id, change, at(days));
    }
    const courtFolder = stepId("plan.legal.step.keepProof");
    const courtDate = memberDay(new Date(now.getTime() + 12 * DAY_MS), zone);
    if (courtFolder) {
      await updateStep(trx, actor, memberId, courtFolder, { dueDate: courtDate }, at(62, 21));
    }

    // After the lapse: Alex adds a step of their own and a reason, and the checks pick it up.
    const supportGoal = goalId("plan.support_groups.goal.findGroup");
    let ownStep: string | undefined;
    if (supportGoal) {
      ownStep = (
        await createStep(
          trx,
          actor,
          memberId,
          {
            goalId: supportGoal,
            title: "Text Jordan when a hard evening is coming",
            helper: "Jordan",
          },
          at(35),
        )
      ).id;
      await updateStep(trx, actor, memberId, ownStep, { status: "doing" }, at(30));
    }
    await updateMotivation(
      trx,
      actor,
      memberId,
      {
        reasons: [
          "Being there for my daughter, Mia",
          "I don't have to start over: the days I have count",
          "Keeping my job at the warehouse",
          "Waking up without dread",
        ],
      },
      at(33),
    );

    const reviews: [number, string, string, ({ stepId: string } | { text: string })[]][] = [
      [
        34,
        "I went back to the clinic the morning after I used, and told Sam.",
        "Two hard days. Evenings alone are when it starts.",
        [...(ownStep ? [{ stepId: ownStep }] : []), { text: "Go to the Tuesday meeting" }],
      ],
      [
        13,
        "Three meetings this week. Mia and I made pancakes on Saturday.",
        "Paying the phone bill left me short.",
        withIds([
          stepId("plan.finances.step.saveRegained"),
          stepId("plan.relationships.step.reachOut"),
        ]),
      ],
      [
        6,
        "Handed the folder to my lawyer. Court date is on the calendar.",
        "Sleep is still rough some nights.",
        [...withIds([stepId("plan.home_family.step.honestTalk")]), { text: "Bed by eleven" }],
      ],
    ];
    for (const [days, wentWell, wasHard, nextSteps] of reviews) {
      await createPlanReview(trx, actor, memberId, { wentWell, wasHard, nextSteps }, at(days, 21));
    }
  });
}

function withIds(ids: (string | undefined)[]): { stepId: string }[] {
  return ids.filter((id): id is string => id !== undefined).map((id) => ({ stepId: id }));
}

/** A UUID-shaped id derived from a seed, so the same demo gets the same ids. */
function demoId(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
