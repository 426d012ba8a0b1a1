// Offline support: caches the app shell and the WebAssembly module on
// install and answers from the cache first. The build stamps the cache name.
const CACHE = 'gleaner-__BUILD_HASH__';
const SHELL = [
  './',
  'index.html',
  'example.html',
  'app.css',
  'app.js',
  'zip.js',
  'worker.js',
  'icon.svg',
  'manifest.webmanifest',
  'pkg/init.js',
  'pkg/gleaner.js',
  'pkg/gleaner_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gleaner-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      try {
        return await fetch(req);
      } catch (e) {
        if (req.mode === 'navigate') {
          const shell = await cache.match('index.html');
          if (shell) return shell;
        }
        throw e;
      }
    }),
  );
});
