import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  TODAY_CARD_BODIES,
  TODAY_CARD_WORD_SETS,
  todayCardBodyPattern,
  todayWordsPattern,
} from "./chunks";

const SCREENS = path.resolve("src/web/screens");

/** Every `lazyWithWords([sets], () => import("./Body")…, { preloadWith: "today" })`. */
function todayCardLazies() {
  const found: { body: string; sets: string[] }[] = [];
  for (const file of fs.readdirSync(SCREENS, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".tsx")) continue;
    const code = fs.readFileSync(path.join(SCREENS, file), "utf8");
    const lazy =
      /lazyWithWords\(\s*\[([^\]]*)\],\s*\(\) => import\("\.\/([\w-]+)"\)[^;]*?preloadWith: "today"/g;
    for (const [, sets = "", body = ""] of code.matchAll(lazy)) {
      found.push({
        body: `${path.dirname(file)}/${body}`,
        sets: [...sets.matchAll(/"([\w-]+)"/g)].map((set) => set[1] as string),
      });
    }
  }
  return found;
}

describe("Today's chunks", () => {
  it("group exactly the card bodies and words that Today's cards load", () => {
    const lazies = todayCardLazies();
    expect(lazies.length).toBeGreaterThanOrEqual(4);
    expect(lazies.map((lazy) => lazy.body).sort()).toEqual([...TODAY_CARD_BODIES].sort());
    expect([...new Set(lazies.flatMap((lazy) => lazy.sets))].sort()).toEqual(
      [...TODAY_CARD_WORD_SETS].sort(),
    );
  });

  it("match module ids on any path separator, and name the words' language", () => {
    expect(todayCardBodyPattern.test("/app/src/web/screens/daily/TodayCardBody.tsx")).toBe(true);
    expect(todayCardBodyPattern.test("C:\\app\\src\\web\\screens\\plan\\PlanTodayCard.tsx")).toBe(
      true,
    );
    expect(todayCardBodyPattern.test("/app/src/web/screens/daily/CheckinScreen.tsx")).toBe(false);
    expect(todayWordsPattern.exec("/app/src/web/i18n/medication.es.json")?.[1]).toBe("es");
    expect(todayWordsPattern.test("/app/src/web/i18n/care.en.json")).toBe(false);
  });
});
