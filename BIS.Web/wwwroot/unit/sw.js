// Keeps the tablet view's shell (page, styles, scripts, SignalR and Leaflet) so the page opens in a dead zone. Data
// never passes through here: messages live in IndexedDB, and /api and /hubs requests go straight to the network.
const CACHE = "bis-unit-shell-v1";
const SHELL = [
  "/unit/",
  "/unit/unit.css",
  "/unit/theme.js",
  "/unit/app.js",
  "/unit/store.js",
  "/unit/state.js",
  "/unit/link.js",
  "/unit/render.js",
  "/unit/map.js",
  "/unit/manifest.webmanifest",
  "/favicon.svg",
  "/lib/signalr/signalr.min.js",
  "/lib/leaflet/leaflet.js",
  "/lib/leaflet/leaflet.css",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  const key = request.mode === "navigate" && url.pathname.startsWith("/unit") ? "/unit/" : url.pathname;
  if (!SHELL.includes(key)) {
    return;
  }
  // Cached copy at once (a cab in a dead zone must not wait on a timeout), refreshed from the network behind it.
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(key);
      const fresh = fetch(request)
        .then((response) => {
          if (response.ok && response.type === "basic" && !response.redirected) {
            cache.put(key, response.clone());
          }
          return response;
        })
        .catch(() => null);
      if (cached) {
        event.waitUntil(fresh);
        return cached;
      }
      return (await fresh) ?? Response.error();
    }),
  );
});
