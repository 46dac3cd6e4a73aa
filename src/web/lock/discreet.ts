import type { MessageKey } from "../i18n/translate";
import { isDiscreet, setDiscreetStored } from "./lock-store";

/**
 * Discreet mode on this device: a neutral name ("Notes"), a neutral icon and a neutral tab
 * title, and the neutral manifest for an install made while it is on. An installed app's name
 * and icon are fixed by the browser at install time, so turning it on after installing needs a
 * reinstall to change the home-screen icon (docs/security.md, "A shared phone").
 */
export const DISCREET_MANIFEST = "/manifest-discreet.webmanifest";
const NORMAL_MANIFEST = "/manifest.webmanifest";
export const DISCREET_ICON = "/icon-discreet.svg";
const NORMAL_ICON = "/icon.svg";

export function applyDiscreetMode(on: boolean): void {
  setDiscreetStored(on);
  applyDiscreetHead();
}

/** Points the page's manifest and icon links at the neutral (or usual) files. */
export function applyDiscreetHead(): void {
  const on = isDiscreet();
  document
    .querySelector('link[rel="manifest"]')
    ?.setAttribute("href", on ? DISCREET_MANIFEST : NORMAL_MANIFEST);
  document
    .querySelector('link[rel="icon"]')
    ?.setAttribute("href", on ? DISCREET_ICON : NORMAL_ICON);
  if (on) document.title = "Notes";
  void markForServiceWorker(on);
}

/** The service worker cannot read localStorage: it looks for this entry (public/sw.js). */
async function markForServiceWorker(on: boolean): Promise<void> {
  if (!("caches" in window)) return;
  try {
    const cache = await caches.open("waymark-shell-v1");
    if (on) await cache.put("/discreet-mode", new Response("on"));
    else await cache.delete("/discreet-mode");
  } catch {
    // Cache Storage can be unavailable (private windows); only the notification icon is lost.
  }
}

/** The tab title for a screen: only the neutral name in discreet mode. */
export function documentTitle(
  t: (key: MessageKey, params?: Record<string, string>) => string,
  screenKey: MessageKey,
): string {
  return isDiscreet() ? t("protection.discreet.appName") : t("app.title", { screen: t(screenKey) });
}
