import { test, expect, type Page } from './fixtures';

test('a learner walks from the catalog to the first topic of Python backend', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Кем вы хотите стать?' })).toBeVisible();
  const professions = page.getByRole('list', { name: 'Профессии' });
  // The nine seeded professions (authoring tests running alongside may add more).
  await expect(professions.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) }).nth(8)).toBeVisible();
  await expect(page.getByRole('img', { name: 'Рейтинг 0 из 5' }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Бэкендер / Веб-разработчик' }).click();
  await expect(page).toHaveURL(/\/professions\/python-backend$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Бэкендер / Веб-разработчик' })).toBeVisible();

  await page.getByRole('link', { name: /^Стажёр/ }).click();
  await expect(page).toHaveURL(/\/professions\/python-backend\/intern$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Стажёр' })).toBeVisible();
  const path = page.getByRole('list', { name: 'Путь обучения' });
  await expect(path.getByRole('img', { name: /Модуль 2: Управляющие конструкции — закрыт/ })).toBeVisible();

  await page.getByRole('link', { name: /Модуль 1: Основы Python/ }).click();
  await expect(page).toHaveURL(/\/intern\/python-basics$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Основы Python' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Освоено 0 %' }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Простые неизменяемые типы данных' }).click();
  await expect(page).toHaveURL(/\/python-basics\/immutable-types$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Простые неизменяемые типы данных' })).toBeVisible();

  // A theory card's answer is hidden until revealed (works without JavaScript: <details>).
  const theory = page.getByRole('region', { name: /Теория/ });
  const firstCard = theory.getByRole('article').first();
  await expect(firstCard.locator('.prose')).toBeHidden();
  await firstCard.locator('summary').click();
  await expect(firstCard.locator('.prose')).toBeVisible();
  await expect(firstCard.getByRole('button', { name: 'Понимаю', exact: true })).toBeEnabled();

  await expect(page.getByRole('region', { name: /Вопросы/ }).getByRole('group').first()).toBeVisible();
  await expect(page.getByRole('region', { name: /Кейсы/ }).getByRole('textbox', { name: /Пропуск 1 из/ }).first()).toBeVisible();
  await page.getByRole('link', { name: /Следующая тема/ }).click();
  await expect(page).toHaveURL(/\/python-basics\/variables-naming$/);
});

test.describe('a missing page', () => {
  // The browser reports the 404 reply itself as a console error.
  test.use({ allowErrors: /404/ });
  test('an unknown page answers 404 with a way back', async ({ page }) => {
  const response = await page.goto('/professions/astronaut');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Такой страницы нет' })).toBeVisible();
  await page.getByRole('link', { name: 'К профессиям' }).click();
  await expect(page).toHaveURL(/\/$/);
  });
});

// Every element's right edge against the viewport: `overflow-x: hidden` on the body
// would hide real overflow from a scrollWidth check. Elements inside a container
// that scrolls on its own (a code block) may extend past it: that is their job.
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsItself = (el: Element | null): boolean => {
      for (; el && el !== document.body; el = el.parentElement) {
        const s = getComputedStyle(el);
        if (['auto', 'scroll'].includes(s.overflowX) && el.scrollWidth > el.clientWidth) return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (r.right > width + 0.5 && !scrollsItself(el.parentElement)) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
      }
    }
    return out;
  });
}

test('at 360 px nothing scrolls sideways and the tab bar replaces the sidebar', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const url of ['/', '/professions/python-backend', '/professions/python-backend/intern',
    '/professions/python-backend/intern/python-basics',
    '/professions/python-backend/intern/python-basics/string-formatting', '/login', '/profile']) {
    await page.goto(url);
    expect(await overflowing(page), url).toEqual([]);
    await expect(page.getByRole('navigation', { name: 'Разделы внизу' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Разделы', exact: true })).toBeHidden();
  }
});

test('at 360 px a code block that scrolls sideways is reached and scrolled by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/professions/python-backend/intern/python-basics/string-formatting');
  const blocks = page.getByRole('region', { name: 'Фрагмент кода' });
  await expect(blocks.first()).toBeAttached();
  // The first block wider than its box.
  const count = await blocks.count();
  let wide = -1;
  for (let i = 0; i < count && wide < 0; i++) {
    if (await blocks.nth(i).evaluate((el) => el.scrollWidth > el.clientWidth)) wide = i;
  }
  expect(wide, 'a code block on this page scrolls sideways at 360 px').toBeGreaterThanOrEqual(0);
  const block = blocks.nth(wide);
  await expect(block).toHaveAttribute('tabindex', '0');
  // Tab until the block has focus (no mouse), then scroll it with the arrow key.
  await page.locator('body').focus();
  for (let i = 0; i < 200 && !(await block.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(block).toBeFocused();
  const outline = await block.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline, 'a visible focus ring').not.toBe('none');
  await block.evaluate((el) => { el.scrollLeft = 0; });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => block.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
