import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALIAS_MAX_LENGTH, aliasKey, checkAlias } from "./alias";

describe("alias rules", () => {
  it.each([
    ["River", "River"],
    ["  Maple   Leaf ", "Maple Leaf"],
    ["Luz_del-Alba.2", "Luz_del-Alba.2"],
    ["Amanecer", "Amanecer"],
    ["Ñandú", "Ñandú"],
  ])("accepts %j as %j", (raw, alias) => {
    expect(checkAlias(raw)).toMatchObject({ ok: true, alias });
  });

  it.each([
    ["sam@example.org", "email"],
    ["SAM@EXAMPLE.ORG", "email"],
    ["sam @ example . org", "email"],
    ["sam(at)example.org", "email"],
    ["sam [at] mail", "email"],
    ["sam＠example.org", "email"],
    ["@river", "email"],
    ["5551234567", "phone"],
    ["call 555-123-4567", "phone"],
    ["555 12 34 567", "phone"],
    ["ab", "too_short"],
    ["  a  ", "too_short"],
    ["x".repeat(ALIAS_MAX_LENGTH + 1), "too_long"],
    ["<b>hi</b>", "characters"],
    ["two  --dashes", "characters"],
    ["-dash first", "characters"],
    ["emoji 🙂 face", "characters"],
  ])("refuses %j (%s)", (raw, problem) => {
    expect(checkAlias(raw)).toEqual({ ok: false, problem });
  });

  it("compares aliases without case or accents", () => {
    expect(aliasKey("RÍVER")).toBe(aliasKey("river"));
    expect(aliasKey("Ñandú")).toBe("nandu");
    expect(aliasKey(" Maple  Leaf")).toBe("maple leaf");
  });

  it("never accepts anything holding an email address, whatever surrounds it", () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(word, word, word, fc.constantFrom("", "x ", "hi "), (user, host, tld, before) => {
        expect(checkAlias(`${before}${user}@${host}.${tld}`)).toMatchObject({ ok: false });
      }),
    );
  });

  it("never accepts seven or more digits, however they are spaced", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 12 }),
        fc.constantFrom("", " ", "-", "."),
        (digits, separator) => {
          expect(checkAlias(`Me ${digits.join(separator)}`)).toMatchObject({ ok: false });
        },
      ),
    );
  });

  it("accepted aliases are normalised, fit the limits and keep their own key", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const checked = checkAlias(raw);
        if (!checked.ok) return;
        expect(checked.alias).toBe(checked.alias.trim());
        expect([...checked.alias].length).toBeGreaterThanOrEqual(3);
        expect([...checked.alias].length).toBeLessThanOrEqual(ALIAS_MAX_LENGTH);
        expect(checked.alias).not.toContain("@");
        expect(checkAlias(checked.alias)).toEqual(checked);
        expect(checked.key).toBe(aliasKey(checked.alias.toUpperCase()));
      }),
    );
  });
});
