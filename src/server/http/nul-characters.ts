import type { FastifyRequest } from "fastify";
import { AppError } from "../errors";

/**
 * PostgreSQL text cannot hold the NUL character: a path, query or body carrying one failed
 * deep in a query as a 500 (the fuzz suite found it). No person types one, so every request
 * that carries one is refused up front with a 400 naming where it was, on both databases alike.
 */
export async function rejectNulCharacters(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [
    ["params", request.params],
    ["query", request.query],
    ["body", request.body],
  ] as const) {
    const field = nulFieldIn(value, "");
    if (field !== null) {
      throw new AppError(
        "invalid_characters",
        400,
        "This contains a character that cannot be stored (NUL).",
        field || part,
      );
    }
  }
}

/** The dotted path of the first string or key holding a NUL, or null when there is none. */
export function nulFieldIn(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes("\u0000")) return here;
    const found = nulFieldIn(inner, here);
    if (found !== null) return found;
  }
  return null;
}
