import { beforeEach, describe, expect, it, vi } from "vitest";

// Each test starts from a fresh loader: the app's state is the module's own.
async function freshLoader() {
  vi.resetModules();
  const catalogs = await import("./catalogs");
  const loader = await import("./load-words");
  const { translate, isMessageKey } = await import("./translate");
  return { ...catalogs, ...loader, translate, isMessageKey };
}

describe("loading words set by set", () => {
  beforeEach(() => {
    vi.restoreAllMocks();
  });

  it("has the English shell words from the start, and a feature's only once its set loads", async () => {
    const words = await freshLoader();
    expect(words.wordsLoaded("en", ["shell"])).toBe(true);
    expect(words.translate("en", "nav.today")).toBe("Today");
    expect(words.wordsLoaded("en", ["lessons"])).toBe(false);
    expect(words.isMessageKey("lessons.title")).toBe(false);

    await words.loadWords("en", ["lessons"]);
    expect(words.wordsLoaded("en", ["lessons"])).toBe(true);
    expect(words.isMessageKey("lessons.title")).toBe(true);
    expect(words.translate("en", "lessons.title")).toBe(
      (await import("./lessons.en.json")).default["lessons.title"],
    );
  });

  it("loads Spanish through the same sets, each file once however many screens ask", async () => {
    const words = await freshLoader();
    const fetchSpanish = vi.spyOn(words.wordSets.lessons, "es");
    await Promise.all([
      words.loadWords("es", ["shell", "lessons"]),
      words.loadWords("es", ["lessons"]),
    ]);
    await words.loadWords("es", ["lessons"]);
    expect(fetchSpanish).toHaveBeenCalledTimes(1);
    expect(words.wordsLoaded("es", ["shell", "lessons"])).toBe(true);
    expect(words.translate("es", "lessons.title")).toBe(
      (await import("./lessons.es.json")).default["lessons.title"],
    );
    expect(words.translate("es", "nav.today")).toBe(
      (await import("./es.json")).default["nav.today"],
    );
  });

  it("shows a set's English words when its Spanish file cannot be fetched, and tries again later", async () => {
    const words = await freshLoader();
    vi.spyOn(words.wordSets.lessons, "es").mockRejectedValueOnce(new Error("offline"));
    await words.loadWords("es", ["lessons"]);
    expect(words.wordsLoaded("es", ["lessons"])).toBe(false);
    expect(words.translate("es", "lessons.title")).toBe(
      (await import("./lessons.en.json")).default["lessons.title"],
    );

    await words.loadWords("es", ["lessons"]);
    expect(words.wordsLoaded("es", ["lessons"])).toBe(true);
  });

  it("fails only when not even the English words can be fetched", async () => {
    const words = await freshLoader();
    vi.spyOn(words.wordSets.care, "es").mockRejectedValueOnce(new Error("offline"));
    vi.spyOn(words.wordSets.care, "en").mockRejectedValueOnce(new Error("offline"));
    await expect(words.loadWords("es", ["care"])).rejects.toThrow("offline");
  });

  it("loads a lazy screen's words in the language on screen, and remembers every set asked for", async () => {
    const words = await freshLoader();
    expect(words.requestedWordSets()).toEqual(["shell"]);
    words.setShownLocale("es");
    await words.loadShownWords(["messages"]);
    expect(words.wordsLoaded("es", ["messages"])).toBe(true);
    expect(words.wordsLoaded("en", ["messages"])).toBe(false);
    expect(words.requestedWordSets().sort()).toEqual(["messages", "shell"]);
  });

  it("shows the key itself, never a crash, when a screen draws before its words", async () => {
    const words = await freshLoader();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(words.translate("en", "peerGroup.title")).toBe("peerGroup.title");
    expect(console.error).toHaveBeenCalled();
  });
});
