import type { z } from "zod";
import { ApiError } from "../api";
import { type NewWrite, newClientId, queueWrite } from "./sync";

/** A write made through the queue: landed (with the server's answer) or kept on the phone. */
export type Saved<T> = { isQueued: false; value: T } | { isQueued: true; id: string };

/**
 * What a form calls to save one of the day-to-day records (issue 15): the write is kept on the
 * phone first and sent at once when it can be. A refusal while the person is still on the form
 * comes back as the same ApiError a direct call would throw, so forms show it as before.
 */
export async function saveThroughQueue<Schema extends z.ZodType>(
  write: NewWrite,
  answerSchema: Schema,
  id: string = newClientId(),
): Promise<Saved<z.infer<Schema>>> {
  const outcome = await queueWrite(write, id);
  if (outcome.status === "refused") {
    const { status, code, message, field } = outcome.refusal;
    throw new ApiError(status, code, message, field);
  }
  if (outcome.status === "queued") return { isQueued: true, id };
  const parsed = answerSchema.safeParse(outcome.answer);
  if (!parsed.success) {
    throw new ApiError(200, "bad_response", `Unexpected response from ${write.path}`);
  }
  return { isQueued: false, value: parsed.data };
}
