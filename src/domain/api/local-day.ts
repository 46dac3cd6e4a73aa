import { z } from "zod";
import { isLocalDay, LOCAL_DAY_PATTERN } from "../local-day";

/**
 * A local day in a request (domain/local-day.ts). Kept out of the domain module so that the
 * browser can use local days without building a schema (docs/architecture.md, "zod in the
 * browser").
 */
export const localDaySchema = z
  .string()
  .regex(LOCAL_DAY_PATTERN, { message: "Use a date written as YYYY-MM-DD" })
  .refine(isLocalDay, { message: "That date is not on the calendar" });
