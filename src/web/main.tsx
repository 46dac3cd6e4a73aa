import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { applyDiscreetHead } from "./lock/discreet";
import { leaveAgainIfExited, watchBackForwardRestore } from "./lock/quick-exit";
import { preloadDailyScreen } from "./screens/daily/routes";
import { askForTodayEarly } from "./screens/today/api";
import { askWhoIsSignedInEarly } from "./session";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/forms.css";
import "./styles/screens.css";
import "./styles/offline.css";

/** How long the first draw waits for /api/me: about one round trip on a slow phone network. */
const FIRST_DRAW_WAIT_MS = 300;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// After a quick exit, Back must not bring Waymark up again: leave before drawing anything.
watchBackForwardRestore();
if (!leaveAgainIfExited()) {
  applyDiscreetHead();
  // Who is signed in, and on Today its answer and its cards' code (on the check-in or craving
  // log, its code), are on their way before React draws anything.
  const whoIsSignedIn = askWhoIsSignedInEarly();
  askForTodayEarly(whoIsSignedIn);
  preloadDailyScreen(location.pathname, whoIsSignedIn);
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root");
  const draw = () =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  // The first frame waits a moment for who is signed in, so it is drawn in its own shape
  // instead of a loading state the answer then shifts (session.tsx). A slow answer does not
  // hold it longer: the loading state is drawn, as before.
  Promise.race([whoIsSignedIn.catch(() => null), wait(FIRST_DRAW_WAIT_MS)]).then(draw, draw);
}

// Only production builds get the service worker: in development it would serve stale modules.
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Without a worker the app still works online; offline help is what is lost.
    });
  });
}
