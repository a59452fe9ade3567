// Grader's service worker. The server fills in __VERSION__ and __PRECACHE__ for
// each build (src/pwa/assets.rs), so every deploy installs a new worker.
//
// - The app shell (CSS, JS, WASM, font, icons, /offline) is precached all or
//   nothing into a cache named after the version; older caches go on activation.
// - Pages: network first; a copy is kept, and served when the network is down
//   (never of a `no-store` page such as the profile).
// - Answers posted without network are queued in IndexedDB (keyed by client id,
//   ungraded) and sent in order when it is back. The server stores each client id
//   once, so a resend after a lost reply is harmless: every answer lands once.
'use strict';

const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const SHELL = 'grader-shell-' + VERSION;
const PAGES = 'grader-pages-' + VERSION;
const SHELL_URLS = new Set(PRECACHE);
const ANSWER_PATH = '/api/learning/answer';
const DB_NAME = 'grader-offline';
const OUTBOX = 'outbox';
// Not kept for offline reading: authoring, accounts and the API.
const NOT_SAVED = /^\/(admin|api|login|register|logout)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    // addAll fails as a whole: a half-fetched shell never becomes active.
    await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await self.clients.claim();
    const names = await caches.keys();
    const old = names.filter((n) => n.startsWith('grader-') && n !== SHELL && n !== PAGES);
    // The learner's saved pages move to this version, fetched again so that they
    // name this build's files; a page that cannot be fetched now is dropped.
    const pages = await caches.open(PAGES);
    for (const name of old.filter((n) => n.startsWith('grader-pages-'))) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        try {
          const response = await fetch(request.url, { credentials: 'same-origin' });
          if (response.ok && response.type === 'basic') await pages.put(request.url, response);
        } catch (err) {
          break; // offline again: nothing more to fetch
        }
      }
    }
    await Promise.all(old.map((n) => caches.delete(n)));
    await sync();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === ANSWER_PATH) {
    event.respondWith(answer(request));
  } else if (request.method !== 'GET') {
    return;
  } else if (request.mode === 'navigate') {
    event.respondWith(page(event, request, url));
  } else if (SHELL_URLS.has(url.pathname + url.search)) {
    event.respondWith(caches.match(request, { cacheName: SHELL }).then((hit) => hit || fetch(request)));
  }
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'sync') event.waitUntil(sync());
});

// Background Sync, where the browser has it: sends the queue even with no tab open.
self.addEventListener('sync', (event) => {
  if (event.tag === 'grader-outbox') event.waitUntil(sync());
});

async function page(event, request, url) {
  try {
    const response = await fetch(request);
    // A page the server marks `no-store` (the profile: e-mail, name) is never kept.
    const noStore = /no-store/i.test(response.headers.get('Cache-Control') || '');
    if (response.ok && response.type === 'basic' && !noStore && !NOT_SAVED.test(url.pathname)) {
      const copy = response.clone();
      event.waitUntil(caches.open(PAGES).then((cache) => cache.put(url.href, copy)));
    }
    event.waitUntil(sync()); // the network is back: send what waits
    return response;
  } catch (err) {
    const pages = await caches.open(PAGES);
    const saved = (await pages.match(url.href)) || (await pages.match(url.href, { ignoreSearch: true }));
    return saved || (await caches.match('/offline', { cacheName: SHELL })) || Response.error();
  }
}

async function answer(request) {
  const body = await request.clone().text();
  // Older queued answers go first: a learner's latest answer is the one that counts.
  await sync();
  try {
    return await fetch(request);
  } catch (err) {
    const form = new URLSearchParams(body);
    const item = {
      client_id: form.get('client_id') || crypto.randomUUID(),
      body,
      content_type: request.headers.get('Content-Type') || 'application/x-www-form-urlencoded',
      queued_at: Date.now(),
    };
    await outbox('readwrite', (store) => store.put(item));
    await notify({ type: 'outbox' });
    if (self.registration.sync) self.registration.sync.register('grader-outbox').catch(() => {});
    if (request.mode === 'navigate') {
      // A form posted without JavaScript: back to the exercise, as the server would.
      const back = form.get('return_to') || '/';
      const path = back.startsWith('/') && !back.startsWith('//') ? back : '/';
      const anchor = '#ex-' + form.get('kind') + '-' + form.get('exercise_id');
      return Response.redirect(new URL(path + anchor, self.location.origin).href, 303);
    }
    // The exercise card reads this as AppError::Queued and takes the next id.
    return new Response(JSON.stringify({ Queued: { next_client_id: crypto.randomUUID() } }), {
      status: 503,
      headers: { 'Content-Type': 'application/json' },
    });
  }
}

// One send at a time per worker; the server's (learner, client id) key covers the rest.
let sending = null;
function sync() {
  if (!sending) sending = send().finally(() => { sending = null; });
  return sending;
}

async function send() {
  const items = (await outbox('readonly', (store) => store.getAll())) || [];
  items.sort((a, b) => a.queued_at - b.queued_at);
  let sent = 0;
  let refused = 0;
  for (const item of items) {
    let response;
    try {
      response = await fetch(ANSWER_PATH, {
        method: 'POST',
        body: item.body,
        headers: { 'Content-Type': item.content_type, Accept: 'application/json' },
        credentials: 'same-origin',
      });
    } catch (err) {
      break; // still offline
    }
    if (response.status >= 500) break; // the server is struggling: try later
    // 2xx: stored. 4xx: refused for good (say, the exercise was unpublished).
    await outbox('readwrite', (store) => store.delete(item.client_id));
    if (response.ok) sent += 1;
    else refused += 1;
  }
  if (sent || refused) await notify({ type: 'synced', sent, refused });
}

function database() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(OUTBOX, { keyPath: 'client_id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function outbox(mode, use) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(OUTBOX, mode);
    const request = use(tx.objectStore(OUTBOX));
    tx.oncomplete = () => { db.close(); resolve(request.result); };
    tx.onerror = () => { db.close(); reject(tx.error); };
  });
}

async function notify(message) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) client.postMessage(message);
}
