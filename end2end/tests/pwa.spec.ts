import { test, expect, type Page } from './fixtures';
import { execFileSync } from 'node:child_process';

// The installable app: manifest, service worker, offline reading and answers that
// wait on the device. A service worker needs JavaScript, so apart from the
// manifest these run in the `js` project only.
const TOPIC = '/professions/python-backend/intern/python-basics/immutable-types';
const TOPIC_TITLE = /неизменяемые типы/;

function needsJs(info: { project: { name: string } }) {
  test.skip(info.project.name === 'no-js', 'a service worker needs JavaScript');
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

function grey(colour: string) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  expect(m, `${colour} is a #rrggbb colour`).not.toBeNull();
  expect(m![1] === m![2] && m![2] === m![3], `${colour} is grey`).toBe(true);
}

/** Rows in the answers table with these client ids (the e2e server's database). */
function storedRows(clientIds: string[]): number {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set (scripts/test.sh sets it)');
  const list = clientIds.map((id) => `'${id.replace(/[^0-9a-f-]/gi, '')}'`).join(',');
  const out = execFileSync(process.env.E2E_PSQL ?? 'psql', [url, '-tAc',
    `SELECT count(*) FROM answers WHERE client_id IN (${list})`]);
  return Number(out.toString().trim());
}

/** Loads `/`, waits for the worker, and reloads so that it controls the page. */
async function controlled(page: Page) {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('the manifest is valid and its icons have the sizes it states', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const response = await request.get(href!);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest.name).toBe('Grader');
  expect(manifest.short_name).toBe('Грейдер');
  expect(manifest.start_url).toMatch(/^\//);
  expect(manifest.scope).toBe('/');
  expect(manifest.display).toBe('standalone');
  grey(manifest.theme_color);
  grey(manifest.background_color);

  const pngs = manifest.icons.filter((i: { type: string }) => i.type === 'image/png');
  const stated = pngs.map((i: { sizes: string }) => i.sizes).sort();
  expect(stated).toEqual(['192x192', '512x512', '512x512']);
  expect(pngs.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
  for (const icon of pngs) {
    const bytes = await (await request.get(icon.src)).body();
    const [w, h] = pngSize(bytes);
    expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
  }
  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect(pngSize(await (await request.get(touch!)).body())).toEqual([180, 180]);
});

test('the service worker registers, controls the page and precaches the shell', async ({ page }, info) => {
  needsJs(info);
  await controlled(page);
  const css = await page.locator('link[rel="stylesheet"]#leptos').getAttribute('href');
  const shell = await page.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.startsWith('grader-shell-'))!;
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => new URL(r.url).pathname);
  });
  expect(shell).toEqual(expect.arrayContaining([css, '/offline', '/icons/icon-192.png',
    '/fonts/nunito-latin-wght-normal.woff2']));
  expect(shell.some((p) => p.endsWith('.wasm'))).toBe(true);
});

test('a page visited once loads offline, and an unvisited one shows the offline page', async ({ page, context }, info) => {
  needsJs(info);
  await controlled(page);
  await page.goto(TOPIC);
  await expect(page.getByRole('heading', { level: 1, name: TOPIC_TITLE })).toBeVisible();

  await context.setOffline(true);
  await page.goto(TOPIC);
  await expect(page.getByRole('heading', { level: 1, name: TOPIC_TITLE })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Состояние сети' })).toContainText('Нет сети');
  // Styled from the precache: the sticky status strip has its border.
  await expect(page.getByRole('status', { name: 'Состояние сети' })).toHaveCSS('position', 'sticky');

  await page.goto('/professions/devops');
  await expect(page.getByRole('heading', { level: 1, name: 'Нет подключения к интернету' })).toBeVisible();
  await expect(page.getByRole('link', { name: TOPIC_TITLE })).toBeVisible();
  await context.setOffline(false);
});

test.describe('offline answers', () => {
  // While offline the worker answers the card with its own 503 («saved on the device»).
  test.use({ allowErrors: /status of 503|^503: POST .*\/api\/learning\/answer$/ });
  test('answers given offline wait on the device and are stored exactly once on reconnect', async ({ page, context }, info) => {
    needsJs(info);
    await controlled(page);
    await page.goto(TOPIC);
    const theory = page.getByRole('region', { name: /Теория/ }).getByRole('article').first();
    const task = page.getByRole('region', { name: /Что выведет код/ }).getByRole('article').first();
    // Each form carries its client id; the queue and the database key on it.
    const ids = [
      await theory.locator('input[name="client_id"]').first().inputValue(),
      await task.locator('input[name="client_id"]').first().inputValue(),
    ];

    await context.setOffline(true);
    await theory.getByRole('button', { name: 'Понимаю', exact: true }).click();
    await expect(theory.getByRole('status')).toContainText('ответ сохранён на устройстве');
    await task.getByRole('textbox', { name: /Ваш ответ/ }).fill('offline guess');
    await task.getByRole('button', { name: 'Проверить' }).click();
    await expect(task.getByRole('status')).toContainText('ответ сохранён на устройстве');
    const status = page.getByRole('status', { name: 'Состояние сети' });
    await expect(status).toContainText('Ждут отправки: 2');
    expect(storedRows(ids)).toBe(0);
    const queued = await page.evaluate(() => new Promise<unknown[]>((ok) => {
      const open = indexedDB.open('grader-offline', 1);
      open.onsuccess = () => {
        const all = open.result.transaction('outbox').objectStore('outbox').getAll();
        all.onsuccess = () => { open.result.close(); ok(all.result); };
      };
    }));
    expect(queued).toHaveLength(2);

    await context.setOffline(false);
    await expect(status).toContainText('Ответы отправлены: 2', { timeout: 15_000 });
    expect(storedRows(ids)).toBe(2);

    // A reply lost on the way back makes the worker send the same answers again:
    // put them back in the queue and ask for a sync. Still one row each.
    await page.evaluate(async (items) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const open = indexedDB.open('grader-offline', 1);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const tx = db.transaction('outbox', 'readwrite');
      for (const item of items) tx.objectStore('outbox').put(item);
      await new Promise((ok) => { tx.oncomplete = ok; });
      db.close();
      (await navigator.serviceWorker.ready).active!.postMessage({ type: 'sync' });
    }, queued);
    await expect.poll(() => page.evaluate(() => new Promise<number>((ok) => {
      const open = indexedDB.open('grader-offline', 1);
      open.onsuccess = () => {
        const count = open.result.transaction('outbox').objectStore('outbox').count();
        count.onsuccess = () => { open.result.close(); ok(count.result); };
      };
    }))).toBe(0);
    expect(storedRows(ids)).toBe(2);

    // An emptied outbox alone proves nothing: the same answers under new client ids
    // must turn up as new rows with exactly those ids, sent by the worker.
    const fresh = await page.evaluate(async (items) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const open = indexedDB.open('grader-offline', 1);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const tx = db.transaction('outbox', 'readwrite');
      const ids: string[] = [];
      for (const item of items as { client_id: string; body: string }[]) {
        const id = crypto.randomUUID();
        ids.push(id);
        tx.objectStore('outbox').put({ ...item, client_id: id, body: item.body.replace(item.client_id, id) });
      }
      await new Promise((ok) => { tx.oncomplete = ok; });
      db.close();
      (await navigator.serviceWorker.ready).active!.postMessage({ type: 'sync' });
      return ids;
    }, queued);
    await expect.poll(() => storedRows(fresh), { timeout: 15_000 }).toBe(2);
    expect(storedRows(ids)).toBe(2);

    // The results are the server's, shown once sent.
    await page.getByRole('button', { name: 'Показать результаты' }).click();
    await expect(theory.getByRole('status', { name: 'Результат ответа' })).toContainText('Отлично');
    await expect(task.getByRole('status', { name: 'Результат ответа' })).toContainText('Неверно');
  });
});

test('«Установить приложение» appears when the browser offers installing', async ({ page }, info) => {
  needsJs(info);
  await page.goto('/');
  const card = page.getByRole('region', { name: 'Грейдер на телефоне' });
  await expect(card).toBeHidden();
  await page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: () => { (window as unknown as { prompted: boolean }).prompted = true; },
      userChoice: Promise.resolve({ outcome: 'accepted' }),
    });
    window.dispatchEvent(offer);
  });
  await card.getByRole('button', { name: 'Установить приложение' }).click();
  expect(await page.evaluate(() => (window as unknown as { prompted: boolean }).prompted)).toBe(true);
  await expect(card).toBeHidden();
});

test('on an iPhone the card explains Share → «На экран "Домой"»', async ({ browser }, info) => {
  needsJs(info);
  const iphone = await browser.newContext({
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
    viewport: { width: 390, height: 844 },
  });
  const page = await iphone.newPage();
  await page.goto('/');
  const card = page.getByRole('region', { name: 'Грейдер на телефоне' });
  await expect(card).toContainText('«Поделиться»');
  await expect(card).toContainText('На экран “Домой”');
  await expect(card.getByRole('button', { name: 'Установить приложение' })).toBeHidden();
  await iphone.close();
});

test('after logging out, nothing of the account is left on the device', async ({ page, context }, info) => {
  needsJs(info);
  const email = `device-${info.project.name}-${Date.now()}@example.ru`;
  const name = 'Вера Офлайн';
  await controlled(page);
  await page.goto('/register');
  await page.getByLabel('Как вас называть').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Пароль').fill('python2026');
  await page.getByRole('button', { name: 'Создать аккаунт' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // Pages read while signed in are saved for offline reading.
  await page.goto(TOPIC);
  await expect(page.getByRole('heading', { level: 1, name: TOPIC_TITLE })).toBeVisible();
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Выйти', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);

  // The worker comes back for the next visitor (Clear-Site-Data removed it).
  await controlled(page);
  const leftovers = await page.evaluate(async ([email, name]) => {
    const found: string[] = [];
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        const text = await (await cache.match(request))!.text();
        if (text.includes(email) || text.includes(name)) found.push(request.url);
      }
    }
    return found;
  }, [email, name]);
  expect(leftovers).toEqual([]);

  await context.setOffline(true);
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Нет подключения к интернету' })).toBeVisible();
  await context.setOffline(false);
});

/** Every URL path in the worker's caches, by cache name. */
async function cached(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      out[name] = keys.map((r) => new URL(r.url).pathname);
    }
    return out;
  });
}

test('the worker keeps no account, authoring or API response', async ({ page }, info) => {
  needsJs(info);
  await controlled(page);
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(process.env.E2E_ADMIN_EMAIL ?? 'admin-e2e@example.ru');
  await page.getByLabel('Пароль').fill(process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  // Pages the worker must pass through without keeping, each opened as a page.
  for (const url of ['/profile', '/admin', '/admin/tokens', '/admin/users', '/api/v1/progress',
    '/api/v1/professions', '/login']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(400);
  }
  // And a page it should keep, so that the worker is known to be saving pages.
  await page.goto(TOPIC);
  await expect(page.getByRole('heading', { level: 1, name: TOPIC_TITLE })).toBeVisible();

  await expect.poll(async () => Object.values(await cached(page)).flat()).toContain(TOPIC);
  const kept = Object.values(await cached(page)).flat();
  expect(kept.filter((p) => /^\/(profile|admin|api|login|register|logout)(\/|$)/.test(p))).toEqual([]);
});

test('a new version drops the caches of the old one and carries the saved pages over', async ({ page }, info) => {
  needsJs(info);
  await controlled(page);
  const current = Object.keys(await cached(page)).sort();
  expect(current).toHaveLength(2);
  // What the previous deploy left: its shell, and a saved page of its build.
  const old = 'grader-pages-0000000000000000';
  await page.evaluate(async ([old, topic]) => {
    await (await caches.open('grader-shell-0000000000000000')).put('/pkg/grader.old.css', new Response('old'));
    await (await caches.open(old)).put(new URL(topic, location.href).href, new Response('a page of the old build'));
    // The next visit installs the worker afresh, as a deploy's new version would be.
    await (await navigator.serviceWorker.getRegistration())!.unregister();
  }, [old, TOPIC]);
  await controlled(page);

  await expect.poll(async () => Object.keys(await cached(page)).sort()).toEqual(current);
  const pages = current.find((n) => n.startsWith('grader-pages-'))!;
  const carried = await page.evaluate(async ([pages, topic]) => {
    const hit = await (await caches.open(pages)).match(new URL(topic, location.href).href);
    return hit ? await hit.text() : '';
  }, [pages, TOPIC]);
  expect(carried, 'the saved page was fetched again from this build').toMatch(TOPIC_TITLE);
  expect(carried).not.toContain('a page of the old build');
});
