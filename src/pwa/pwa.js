// Grader's page script (plain JS, no WASM, so it runs before and without the
// islands): registers the service worker, shows the network state and the answers
// waiting on the device, and offers installing the app. See src/pwa/sw.js.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const worker = navigator.serviceWorker;
  let synced = null; // the last report of sent answers, until the page reloads

  if (worker) {
    worker.register('/sw.js', { scope: '/' }).catch(() => {});
    worker.addEventListener('message', (event) => {
      const message = event.data || {};
      if (message.type === 'synced') synced = message;
      if (message.type === 'outbox' || message.type === 'synced') render();
    });
  }

  function askToSend() {
    if (worker) worker.ready.then((reg) => reg.active && reg.active.postMessage({ type: 'sync' }));
  }

  function waiting() {
    return new Promise((resolve) => {
      if (!window.indexedDB) return resolve(0);
      const open = indexedDB.open('grader-offline', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'client_id' });
      open.onerror = () => resolve(0);
      open.onsuccess = () => {
        const db = open.result;
        const count = db.transaction('outbox').objectStore('outbox').count();
        count.onsuccess = () => { db.close(); resolve(count.result); };
        count.onerror = () => { db.close(); resolve(0); };
      };
    });
  }

  async function render() {
    const box = $('net-status');
    if (!box) return;
    const n = await waiting();
    const parts = [];
    if (!navigator.onLine) {
      parts.push(n ? 'Нет сети.' : 'Нет сети. Открытые темы доступны, ответы сохранятся на устройстве.');
    }
    if (n) parts.push('Ждут отправки: ' + n + '.');
    if (synced && !n && navigator.onLine) {
      parts.push('Ответы отправлены: ' + synced.sent + '.');
      if (synced.refused) parts.push('Не приняты: ' + synced.refused + ' (упражнение сняли с публикации).');
    }
    $('net-status-text').textContent = parts.join(' ');
    $('net-status-reload').hidden = !(synced && synced.sent && !n && navigator.onLine);
    box.hidden = parts.length === 0;
  }

  // Logging out: this device forgets the account's saved pages and the answers
  // still waiting (the server's Clear-Site-Data says the same to browsers that
  // honour it), before the form goes.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !/\/api\/auth\/logout$/.test(form.action)) return;
    if (form.dataset.cleared) return;
    event.preventDefault();
    forgetDevice().finally(() => {
      form.dataset.cleared = '1';
      form.submit();
    });
  }, true);

  async function forgetDevice() {
    try {
      if (window.caches) {
        const names = await caches.keys();
        await Promise.all(names.filter((n) => n.startsWith('grader-pages-')).map((n) => caches.delete(n)));
      }
      if (window.indexedDB) {
        await new Promise((resolve) => {
          const del = indexedDB.deleteDatabase('grader-offline');
          del.onsuccess = del.onerror = del.onblocked = () => resolve();
        });
      }
    } catch (err) { /* nothing saved, or storage unavailable: nothing to forget */ }
  }

  // The `online` event can come before the network carries requests (a phone
  // rejoining Wi-Fi, or the worker learning of it later than the page): a send
  // that fails then would leave the queue waiting for the next page load. So ask
  // again a few times, while answers still wait and the browser says online.
  let retrying = false;
  async function sendWhenOnline() {
    if (retrying) return;
    retrying = true;
    try {
      for (const pause of [0, 1000, 3000, 7000, 15000]) {
        await new Promise((resolve) => setTimeout(resolve, pause));
        if (!navigator.onLine || (await waiting()) === 0) return;
        askToSend();
      }
    } finally {
      retrying = false;
    }
  }

  window.addEventListener('online', () => { render(); sendWhenOnline(); });
  window.addEventListener('offline', render);
  document.addEventListener('DOMContentLoaded', () => {
    const reload = $('net-status-reload');
    if (reload) reload.addEventListener('click', () => location.reload());
    render();
    if (navigator.onLine) askToSend();
    install();
    listSaved();
  });

  // «Установить приложение»: the browser's prompt where it offers one; the Share
  // menu steps on iOS, whose Safari does not.
  function install() {
    const card = $('install-card');
    const button = $('install-button');
    const ios = $('install-ios');
    if (!card) return;
    const standalone = matchMedia('(display-mode: standalone)').matches || navigator.standalone === true;
    if (standalone) return;
    let offer = null;
    window.addEventListener('beforeinstallprompt', (event) => {
      event.preventDefault();
      offer = event;
      button.hidden = false;
      card.hidden = false;
    });
    button.addEventListener('click', async () => {
      if (!offer) return;
      offer.prompt();
      await Promise.resolve(offer.userChoice).catch(() => null);
      offer = null;
      card.hidden = true;
    });
    window.addEventListener('appinstalled', () => { card.hidden = true; });
    const iPhone = /iphone|ipad|ipod/i.test(navigator.userAgent)
      || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
    if (iPhone) {
      ios.hidden = false;
      card.hidden = false;
    }
  }

  // On the offline page: the pages this device has saved, by their titles.
  async function listSaved() {
    const list = $('offline-saved-list');
    if (!list || !window.caches) return;
    const name = (await caches.keys()).find((n) => n.startsWith('grader-pages-'));
    if (!name) return;
    const cache = await caches.open(name);
    const parser = new DOMParser();
    for (const request of (await cache.keys()).slice(0, 60)) {
      const response = await cache.match(request);
      const title = parser.parseFromString(await response.text(), 'text/html').title;
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = new URL(request.url).pathname;
      link.textContent = (title || link.href).replace(/ — Грейдер$/, '');
      item.append(link);
      list.append(item);
    }
    $('offline-saved').hidden = list.children.length === 0;
  }
})();
