import { describe, expect, it, vi } from "vitest";

// The preload groups and the loaded words are the modules' own state: start fresh.
async function fresh() {
  vi.resetModules();
  const lazy = await import("./lazy-with-words");
  const words = await import("./load-words");
  return { ...lazy, ...words };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("screens loaded ahead of time", () => {
  it("loads a group's code only when asked, and not the code of other screens", async () => {
    const { lazyWithWords, preloadGroupCode } = await fresh();
    const card = vi.fn(async () => () => null);
    const screen = vi.fn(async () => () => null);
    lazyWithWords(["daily"], card, { preloadWith: "today" });
    lazyWithWords(["lessons"], screen);
    await settled();
    expect(card).not.toHaveBeenCalled();

    preloadGroupCode("today");
    await settled();
    expect(card).toHaveBeenCalledTimes(1);
    expect(screen).not.toHaveBeenCalled();
  });

  it("loads the group's words in the person's language", async () => {
    const { lazyWithWords, preloadGroupWords, wordsLoaded } = await fresh();
    lazyWithWords(["daily"], async () => () => null, { preloadWith: "today" });
    lazyWithWords(["lessons"], async () => () => null);
    preloadGroupWords("today", "es");
    await vi.waitFor(() => expect(wordsLoaded("es", ["daily"])).toBe(true));
    expect(wordsLoaded("en", ["daily"])).toBe(false);
    expect(wordsLoaded("es", ["lessons"])).toBe(false);
  });

  it("keeps a failed head start quiet: the screen asks again as it draws", async () => {
    const { lazyWithWords, preloadGroupCode } = await fresh();
    const failing = vi.fn(() => Promise.reject(new Error("offline")));
    lazyWithWords(["daily"], failing, { preloadWith: "today" });
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    preloadGroupCode("today");
    await settled();
    await settled();
    process.off("unhandledRejection", unhandled);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
