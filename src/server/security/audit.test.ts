import { describe, expect, it } from "vitest";
import { newAuditId } from "./audit";

describe("an audit event's id", () => {
  it("is a UUID led by the millisecond it was made, so a batch's ids sit together", () => {
    const before = Date.now();
    const ids = Array.from({ length: 1_000 }, () => newAuditId());
    const after = Date.now();
    const madeAt = (id: string) => Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(madeAt(id)).toBeGreaterThanOrEqual(before);
      expect(madeAt(id)).toBeLessThanOrEqual(after);
    }
    const times = ids.map(madeAt);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
