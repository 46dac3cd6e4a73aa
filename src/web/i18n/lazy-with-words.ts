import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import type { WordSetName } from "./catalogs";
import { loadShownWords } from "./load-words";

/**
 * A screen whose code and words load when it is first opened, both at once, in the language
 * on screen. The <Suspense> around it shows its loading state until both are here, so the
 * screen never draws a key instead of its words. Name every set its code shows besides the
 * shell's (word-usage.test.ts checks the list).
 */
// biome-ignore lint/suspicious/noExplicitAny: the same bound as React's own lazy()
export function lazyWithWords<Component extends ComponentType<any>>(
  sets: readonly WordSetName[],
  load: () => Promise<Component>,
): LazyExoticComponent<Component> {
  return lazy(async () => {
    const [component] = await Promise.all([load(), loadShownWords(sets)]);
    return { default: component };
  });
}
