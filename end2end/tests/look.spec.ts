import { test, expect } from './fixtures';

// DESIGN.md: grayscale only. Every pixel of a screenshot must have r = g = b.
// The screenshot is decoded in a separate JavaScript-enabled page (canvas), so
// this also checks the no-JS rendering.
// '/nope' is a 404 page on purpose; the browser logs its status.
test.describe('the look', () => {
  test.use({ allowErrors: /status of 404/ });
  test('every page is grayscale at desktop and phone widths', async ({ page, browser }) => {
    const decoder = await browser.newPage({ javaScriptEnabled: true });
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      for (const url of ['/', '/professions/python-backend', '/professions/python-backend/intern',
        '/professions/python-backend/intern/python-basics',
        '/professions/python-backend/intern/python-basics/reference-model', '/nope']) {
        await page.goto(url);
        await page.evaluate(() => document.fonts?.ready).catch(() => undefined);
        const png = (await page.screenshot({ fullPage: true })).toString('base64');
        const colored = await decoder.evaluate(async (data) => {
          const img = new Image();
          img.src = `data:image/png;base64,${data}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          const px = ctx.getImageData(0, 0, img.width, img.height).data;
          let count = 0;
          for (let i = 0; i < px.length; i += 4) {
            if (px[i] !== px[i + 1] || px[i + 1] !== px[i + 2]) count++;
          }
          return count;
        }, png);
        expect(colored, `${url} at ${width}px`).toBe(0);
      }
    }
    await decoder.close();
  });
});

test('the font is self-hosted', async ({ request }) => {
  const font = await request.get('/fonts/nunito-cyrillic-wght-normal.woff2');
  expect(font.status()).toBe(200);
  expect(font.headers()['content-type']).toContain('font/woff2');
});
