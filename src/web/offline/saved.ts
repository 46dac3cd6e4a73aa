import type { z } from "zod";
import { ApiError } from "../api";
import { type NewWrite, newClientId, queueWrite } from "./sync";

/** A write made through the queue: landed (with the server's answer) or kept on the phone. */
export type Saved<T> = { isQueued: false; value: T } | { isQueued: true; id: string };

/**
 * What a form calls to save one of the day-to-day records (issue 15): the write is kept on the
 * phone first and sent at once when it can be. A refusal while the person is still on the form
 * comes back as the same ApiError a direct call would throw, so forms show it as before. The
 * answer's type is named by its schema, as a type (`saveThroughQueue<typeof checkinSchema>`).
 */
export async function saveThroughQueue<Schema extends z.ZodType>(
  write: NewWrite,
  id: string = newClientId(),
): Promise<Saved<z.output<Schema>>> {
  const outcome = await queueWrite(write, id);
  if (outcome.status === "refused") {
    const { status, code, message, field } = outcome.refusal;
    throw new ApiError(status, code, message, field);
  }
  if (outcome.status === "queued") return { isQueued: true, id };
  // Typed, not parsed: the server checked its answer against this schema (web/api.ts#call).
  return { isQueued: false, value: outcome.answer as z.output<Schema> };
}
