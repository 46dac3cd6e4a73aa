/*
 * Waymark's service worker. Its one job: the app shell (and with it the crisis help screen)
 * opens without a network. Hand-written so every line can be audited.
 *
 * - Never touches /api: personal data is never written to the cache.
 * - Navigations: network first (a fresh deploy shows at once), cached index.html when offline
 *   or when the network takes longer than a few seconds.
 * - Other same-origin GETs (hashed assets, icons, manifest): stale-while-revalidate.
 */
const CACHE = "waymark-shell-v1";
const NAVIGATION_TIMEOUT_MS = 3000;

self.addEventListener("install", (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))),
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
  event.respondWith(staleWhileRevalidate(event, request));
});

/** Caches index.html and every file it links (the hashed entry script and stylesheet). */
async function precacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch("/index.html", { cache: "no-cache" });
  if (!response.ok) throw new Error(`index.html answered ${response.status}`);
  const html = await response.clone().text();
  await cache.put("/index.html", response);
  await cache.addAll(linkedUrls(html));
}

function linkedUrls(html) {
  const urls = [...html.matchAll(/(?:src|href)="(\/[^"/][^"]*)"/g)].map((match) => match[1]);
  return [...new Set(urls)].filter((url) => !url.startsWith("/api/"));
}

async function networkFirstShell(request) {
  const network = fetch(request);
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null));
  const response = await Promise.race([network.catch(() => null), timeout]);
  const isShell = response?.ok && response.headers.get("content-type")?.includes("text/html");
  if (isShell) {
    const html = await response.clone().text();
    const cache = await caches.open(CACHE);
    await cache.put("/index.html", response.clone());
    await pruneOldAssets(cache, html);
    return response;
  }
  if (response) return response;
  const cached = await caches.match("/index.html");
  // Nothing cached yet (first visit while the worker installs): keep waiting for the network.
  return cached ?? network;
}

/** Drops hashed files an older build linked, so the cache does not grow with every deploy. */
async function pruneOldAssets(cache, html) {
  const current = new Set(linkedUrls(html));
  const requests = await cache.keys();
  const stale = requests.filter((cachedRequest) => {
    const path = new URL(cachedRequest.url).pathname;
    return path.startsWith("/assets/") && !current.has(path);
  });
  await Promise.all(stale.map((cachedRequest) => cache.delete(cachedRequest)));
}

async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  const refresh = fetch(request).then(async (response) => {
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  });
  if (!cached) return refresh;
  event.waitUntil(refresh.catch(() => undefined));
  return cached;
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
