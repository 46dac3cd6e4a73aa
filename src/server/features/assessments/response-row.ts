import type { Answers, InstrumentDef } from "../../../domain/instruments/questionnaire";
import { hoursSinceLastUse } from "../../../domain/withdrawal";
import type { AssessmentResponseTable } from "../../db/tables/assessments";

/**
 * A response as stored: its answers and the score the instrument gives them at the time, and
 * for a withdrawal rating the episode it belongs to with the hours since last use. The one
 * place a response row is made (the service, the demo, the bench's data set, the tests).
 */
export function responseRow(response: {
  def: InstrumentDef;
  memberId: string;
  id: string;
  answers: Answers;
  at: Date;
  enteredBy: string;
  createdAt?: Date;
  episode?: { id: string; lastUseAt: Date } | null;
}): AssessmentResponseTable {
  const { def, answers, at, episode } = response;
  return {
    member_id: response.memberId,
    id: response.id,
    instrument_id: def.id,
    instrument_version: def.version,
    answers: JSON.stringify(answers),
    score: JSON.stringify(def.score(answers)),
    at: at.toISOString(),
    entered_by: response.enteredBy,
    episode_id: episode?.id ?? null,
    hours_since_last_use: episode ? hoursSinceLastUse(episode.lastUseAt, at) : null,
    created_at: (response.createdAt ?? at).toISOString(),
  };
}
