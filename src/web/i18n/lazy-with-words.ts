import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import type { Locale } from "../../domain/api/auth";
import type { WordSetName } from "./catalogs";
import { loadShownWords, loadWords } from "./load-words";

/** Screens whose code may be asked for before they draw (`preloadGroupCode`, `preloadGroupWords`). */
export type PreloadGroup = "today";

const groups = new Map<PreloadGroup, { sets: readonly WordSetName[]; load: () => unknown }[]>();

/**
 * A screen whose code and words load when it is first opened, both at once, in the language
 * on screen. The <Suspense> around it shows its loading state until both are here, so the
 * screen never draws a key instead of its words. Name every set its code shows besides the
 * shell's (word-usage.test.ts checks the list). `preloadWith` names a group whose code and
 * words can be asked for ahead of time (Today's card bodies, as the app starts).
 */
// biome-ignore lint/suspicious/noExplicitAny: the same bound as React's own lazy()
export function lazyWithWords<Component extends ComponentType<any>>(
  sets: readonly WordSetName[],
  load: () => Promise<Component>,
  options: { preloadWith?: PreloadGroup } = {},
): LazyExoticComponent<Component> {
  if (options.preloadWith) {
    const group = groups.get(options.preloadWith) ?? [];
    group.push({ sets, load });
    groups.set(options.preloadWith, group);
  }
  return lazy(async () => {
    const [component] = await Promise.all([load(), loadShownWords(sets)]);
    return { default: component };
  });
}

/**
 * Starts loading a group's code; the browser keeps each module once, so the screens' own
 * `import()` finds it. A failure is only a lost head start: each screen asks again as it draws.
 */
export function preloadGroupCode(group: PreloadGroup): void {
  for (const screen of groups.get(group) ?? []) {
    Promise.resolve()
      .then(screen.load)
      .catch(() => undefined);
  }
}

/** Starts loading a group's words in `locale`, once the person's language is known. */
export function preloadGroupWords(group: PreloadGroup, locale: Locale): void {
  for (const screen of groups.get(group) ?? []) {
    loadWords(locale, screen.sets).catch(() => undefined);
  }
}
