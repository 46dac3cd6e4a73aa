/**
 * Quick exit: leave Waymark at once for a blank page, the way domestic-violence sites do.
 *
 * - Everything on screen goes first (the DOM is emptied), and this tab's sessionStorage too.
 * - `location.replace("about:blank")`: no request to anyone, no Waymark address left showing,
 *   and the current history entry is replaced, so Back cannot land on this screen.
 * - Earlier Waymark entries in this tab's history cannot be erased by a page. So a flag is
 *   left in sessionStorage: if Waymark is reached again through Back/Forward (or restored from
 *   the back-forward cache) while it is set, it leaves again before drawing anything. A fresh
 *   visit (typing the address, the home-screen icon) clears the flag and opens as usual.
 */
const EXITED_KEY = "waymark.exited";
export const NEUTRAL_PAGE = "about:blank";

export function quickExit(): void {
  try {
    sessionStorage.clear();
    sessionStorage.setItem(EXITED_KEY, "1");
  } catch {
    // Storage may be off; leaving matters more than the flag.
  }
  document.title = "";
  document.body.replaceChildren();
  window.location.replace(NEUTRAL_PAGE);
}

/** Called before the app draws: true when it has left again (the caller must draw nothing). */
export function leaveAgainIfExited(): boolean {
  let exited = false;
  try {
    exited = sessionStorage.getItem(EXITED_KEY) === "1";
    if (exited && !cameBackThroughHistory()) {
      sessionStorage.removeItem(EXITED_KEY);
      return false;
    }
  } catch {
    return false;
  }
  if (exited) quickExit();
  return exited;
}

/** A page restored from the back-forward cache never re-runs its scripts: catch it here. */
export function watchBackForwardRestore(): void {
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    try {
      if (sessionStorage.getItem(EXITED_KEY) === "1") quickExit();
    } catch {
      // Nothing to do without storage.
    }
  });
}

function cameBackThroughHistory(): boolean {
  const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
  return navigation?.type === "back_forward";
}
