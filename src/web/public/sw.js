/*
 * Waymark's service worker. Its job: every screen of the current build opens without a
 * network (issue 15) — Today, check-in, cravings and coping tools, lapse, help, medication —
 * in English or Spanish. Hand-written so every line can be audited.
 *
 * - Never touches /api: personal data is never written to this cache (the app keeps what it
 *   needs offline in IndexedDB, cleared at sign-out).
 * - Install: caches index.html and every file of this build (all lazily loaded chunks and every
 *   set of words in both languages), listed in BUILD by scripts/precache-web.mjs at build time.
 *   A new build changes BUILD, so the browser installs the new worker; activating it drops every
 *   older build's cache and nothing else.
 * - Navigations: network first (a fresh deploy shows at once), this build's index.html when
 *   offline or when the network takes longer than a few seconds.
 * - Other same-origin GETs: from this build's cache, else the network.
 */
// Replaced by scripts/precache-web.mjs; in development the worker is not registered at all.
const BUILD = { id: "development", files: [] };
const CACHE_PREFIX = "waymark-";
const CACHE = `${CACHE_PREFIX}build-${BUILD.id}`;
const NAVIGATION_TIMEOUT_MS = 3000;

self.addEventListener("install", (event) => {
  event.waitUntil(precacheBuild().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirstShell(request));
    return;
  }
  event.respondWith(cacheFirst(request));
});

/** index.html and every file of this build; one failed download fails the install (retried). */
async function precacheBuild() {
  const cache = await caches.open(CACHE);
  const response = await fetch("/index.html", { cache: "no-cache" });
  if (!response.ok) throw new Error(`index.html answered ${response.status}`);
  const html = await response.clone().text();
  await cache.put("/index.html", response);
  const files = BUILD.files.length > 0 ? BUILD.files : linkedUrls(html);
  await cache.addAll(files.filter((file) => file !== "/index.html"));
}

function linkedUrls(html) {
  const urls = [...html.matchAll(/(?:src|href)="(\/[^"/][^"]*)"/g)].map((match) => match[1]);
  return [...new Set(urls)].filter((url) => !url.startsWith("/api/"));
}

async function networkFirstShell(request) {
  const network = fetch(request);
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null));
  const response = await Promise.race([network.catch(() => null), timeout]);
  if (response) return response;
  const cached = await caches.match("/index.html", { cacheName: CACHE });
  // Nothing cached yet (first visit while the worker installs): keep waiting for the network.
  return cached ?? network;
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  // Something this build did not list (a file added outside the build): keep it too.
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

/*
 * Reminders sent by Web Push: the server's payload is {title, body, tag, url}, already
 * discreet unless the member asked for details. A tag replaces an older notification of the
 * same reminder rather than stacking them.
 */
self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {};
  }
  event.waitUntil(
    isDiscreet().then((discreet) => {
      const fallbackTitle = discreet ? "Notes" : "Waymark";
      const title =
        typeof message.title === "string" && message.title ? message.title : fallbackTitle;
      const options = {
        body: typeof message.body === "string" ? message.body : "",
        icon: discreet ? "/icon-discreet.svg" : "/icon.svg",
        data: { url: sameOriginPath(message.url) },
      };
      if (typeof message.tag === "string" && message.tag) options.tag = message.tag;
      return self.registration.showNotification(title, options);
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(sameOriginPath(event.notification.data?.url), self.location.origin).href;
  event.waitUntil(focusOrOpen(url));
});

/**
 * Discreet mode lives in the page's localStorage, which a worker cannot read; the page leaves
 * this marker in Cache Storage (src/web/lock/discreet.ts) so notifications use the plain icon.
 */
async function isDiscreet() {
  try {
    return Boolean(await caches.match("/discreet-mode"));
  } catch {
    return false;
  }
}

/** Only a path on this origin is opened from a notification. */
function sameOriginPath(url) {
  if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//")) return "/";
  return url;
}

async function focusOrOpen(url) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((client) => client.url === url) ?? windows[0];
  if (open) {
    await open.focus();
    if (open.url !== url && "navigate" in open) await open.navigate(url);
    return;
  }
  await self.clients.openWindow(url);
}
