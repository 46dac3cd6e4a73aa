import { expect } from "vitest";
import type { TestPerson } from "../../../../test/support/people";
import type { EscalationSchedule } from "../../../domain/rewards/schedule";

/** Higgins' proportions without the bonus, so runs are easy to add up by hand. */
export const PLAIN_SCHEDULE: EscalationSchedule = {
  startPoints: 10,
  stepPoints: 5,
  maxPointsPerOccasion: null,
  bonusEvery: null,
  bonusPoints: 0,
};

export async function setRewardSettings(
  admin: TestPerson,
  organizationId: string,
  yearlyCapPoints: number,
  schedule: EscalationSchedule = PLAIN_SCHEDULE,
) {
  const saved = await admin.browser.put(`/api/organizations/${organizationId}/rewards/settings`, {
    schedule,
    yearlyCapPoints,
  });
  expect(saved.statusCode).toBe(200);
}
