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
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// Only production builds get the service worker: in development it would serve stale modules.
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Without a worker the app still works online; offline help is what is lost.
    });
  });
}
