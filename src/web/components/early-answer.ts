/**
 * An answer asked for as the app starts, alongside /api/me, before React has drawn the screen
 * that shows it (issue 16: on a slow network each round trip saved is half a second). The
 * screen takes it the first time it loads and asks afresh after that. `key` names what was
 * asked (whose, which day), so a screen that shows something else does not take it.
 */
export function earlyAnswer<T>() {
  let early: { key: string; answer: Promise<T> } | null = null;
  let taken = false;
  return {
    ask(key: string, load: () => Promise<T>): void {
      // The screen may already have asked for itself (the device was slower than the network).
      if (early || taken) return;
      const answer = load();
      // Handled when the screen takes it; this keeps an early failure from being reported as
      // unhandled before then.
      answer.catch(() => undefined);
      early = { key, answer };
    },
    take(key: string, load: () => Promise<T>): Promise<T> {
      taken = true;
      const asked = early?.key === key ? early.answer : null;
      early = null;
      return asked ?? load();
    },
  };
}
