// Today, the first screen: what each of its cards shows, for the signed-in person, in one answer.
// It owns no data: it asks each feature's own service, as the person, for their own record.
import type { Kysely } from "kysely";
import { TODAY_APPOINTMENT_DAYS, type Today } from "../../../domain/api/today";
import { addScheduleDays } from "../../../domain/dose-schedule";
import { localDayOf } from "../../../domain/local-day";
import { MISSED_DOSE_LOOKBACK_DAYS } from "../../../domain/missed-dose";
import { timeLabels } from "../../../domain/time-labels";
import type { Database } from "../../db/schema";
import type { Actor } from "../../security/session";
import { listWithdrawalEpisodes } from "../assessments/episodes";
// The one place a feature composes others' services (docs/architecture.md): each call is the
// person reading their own data, so every rule, view and refusal stays in its own feature.
import { listAssessmentsDue } from "../assessments/service";
import { listClinicalNotes } from "../care/notes-service";
import { listPlanSuggestions } from "../care/suggestions-service";
import { listCheckins } from "../daily/service";
import { listLessons } from "../lessons/service";
import { listAppointments } from "../medication/appointment-service";
import { getAdherence } from "../medication/dose-service";
import { getRegimen } from "../medication/service";
import { listPlanReviews } from "../plan/motivation-service";
import { getPlan } from "../plan/service";
import { getMemberRewards } from "../rewards/service";

/**
 * Only ever the actor's own Today: there is no member id to ask for someone else's, so no
 * grant is consulted and nothing is audited (a member reading their own record is not).
 */
export async function getToday(
  db: Kysely<Database>,
  actor: Actor,
  now = new Date(),
): Promise<Today> {
  const memberId = actor.userId;
  const date = localDayOf(now, actor.timeZone);
  const [
    checkins,
    plan,
    planReviews,
    assessmentsDue,
    withdrawalEpisodes,
    medication,
    clinicalNotes,
    planSuggestions,
    rewards,
    lessons,
  ] = await Promise.all([
    listCheckins(db, actor, memberId, { from: date, to: date }, now),
    getPlan(db, actor, memberId),
    listPlanReviews(db, actor, memberId, now),
    listAssessmentsDue(db, actor, memberId, now),
    listWithdrawalEpisodes(db, actor, memberId, now),
    medicationToday(db, actor, date, now),
    listClinicalNotes(db, actor, memberId),
    listPlanSuggestions(db, actor, memberId),
    getMemberRewards(db, actor, memberId, now),
    listLessons(db, actor, memberId),
  ]);
  return {
    date,
    checkin: checkins.checkins.find((checkin) => checkin.date === date) ?? null,
    plan,
    planReviews,
    assessmentsDue,
    withdrawalEpisodes,
    medication,
    clinicalNotes,
    planSuggestions,
    rewards,
    lessons,
  };
}

async function medicationToday(db: Kysely<Database>, actor: Actor, date: string, now: Date) {
  const memberId = actor.userId;
  const { regimen } = await getRegimen(db, actor, memberId, now);
  if (!regimen) return null;
  const [adherence, appointments] = await Promise.all([
    getAdherence(
      db,
      actor,
      memberId,
      { from: addScheduleDays(date, 1 - MISSED_DOSE_LOOKBACK_DAYS), to: date },
      now,
    ),
    listAppointments(
      db,
      actor,
      memberId,
      { from: date, to: addScheduleDays(date, TODAY_APPOINTMENT_DAYS) },
      now,
    ),
  ]);
  const labels = timeLabels(actor.locale, actor.timeZone, {
    time: adherence.doses.filter((dose) => dose.day === date).map((dose) => dose.scheduledFor),
    dateTime: appointments.appointments.map((appointment) => appointment.startsAt),
  });
  return { regimen, adherence, appointments, labels };
}
