import { test, expect, type Page } from '@playwright/test';

// Console errors (hydration mismatches, failed requests) fail the test.
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('a learner walks from the catalog to the first topic of Python backend', async ({ page }) => {
  const errors = watchConsole(page);
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
  expect(errors).toEqual([]);
});

test('an unknown page answers 404 with a way back', async ({ page }) => {
  const response = await page.goto('/professions/astronaut');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Такой страницы нет' })).toBeVisible();
  await page.getByRole('link', { name: 'К профессиям' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('at 360 px nothing scrolls sideways and the tab bar replaces the sidebar', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const url of ['/', '/professions/python-backend', '/professions/python-backend/intern',
    '/professions/python-backend/intern/python-basics',
    '/professions/python-backend/intern/python-basics/string-formatting']) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      .catch(() => null);
    if (overflow !== null) expect(overflow, url).toBeLessThanOrEqual(0);
    await expect(page.getByRole('navigation', { name: 'Разделы внизу' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Разделы', exact: true })).toBeHidden();
  }
});
