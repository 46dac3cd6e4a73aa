import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRISIS_PHRASES, mentionsCrisis, normalizeForCrisisCheck } from "./crisis-words";

const ALL = [...CRISIS_PHRASES.en, ...CRISIS_PHRASES.es];

describe("crisis words in a peer post", () => {
  it.each([
    "I want to die",
    "Thinking about suicide again.",
    "I could KILL MYSELF for forgetting, honestly", // a figure of speech still shows help: safe side
    "scared of an overdose tonight",
    "better off dead",
    "Quiero morirme.",
    "tengo miedo de una SOBREDOSIS",
    "No tengo razón para vivir",
    "pensé en el suicidio",
    "want-to-die",
  ])("finds %j", (text) => {
    expect(mentionsCrisis(text)).toBe(true);
  });

  it.each([
    "30 days today!",
    "I'm dying to see my kids on Sunday", // not a listed phrase
    "The overdose-prevention class was good", // …except this one: "overdose" is a word here
    "Mi hija me hizo reír",
    "suicidepreventionmonth",
    "",
  ])("%j", (text) => {
    const expected = text.includes("overdose-prevention");
    expect(mentionsCrisis(text)).toBe(expected);
  });

  it("finds every listed phrase wherever it sits, in any case, with punctuation around", () => {
    const filler = fc.array(fc.constantFrom("today", "I", "felt", "hoy", "y", "ok"), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL),
        filler,
        filler,
        fc.constantFrom("", ".", "!", ",", "…"),
        fc.boolean(),
        (phrase, before, after, mark, shout) => {
          const said = shout ? phrase.toUpperCase() : phrase;
          const text = `${before.join(" ")} ${said}${mark} ${after.join(" ")}`;
          expect(mentionsCrisis(text)).toBe(true);
        },
      ),
    );
  });

  it("does not fire on words that contain no listed phrase", () => {
    const safeWord = fc.constantFrom("today", "meeting", "coffee", "family", "hoy", "trabajo");
    fc.assert(
      fc.property(fc.array(safeWord, { maxLength: 30 }), (words) => {
        expect(mentionsCrisis(words.join(" "))).toBe(false);
      }),
    );
  });

  it("normalises accents and punctuation the same way for text and list", () => {
    expect(normalizeForCrisisCheck("¡No tengo RAZÓN para vivir!")).toBe(
      "no tengo razon para vivir",
    );
  });
});
