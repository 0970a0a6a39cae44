import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { api, eventually, openConsole, screenshot, useBrowser } from './lib/harness.mjs';

const isSuggest = (request) => new URL(request.url()).pathname === '/industries/suggest';
const q = (request) => new URL(request.url()).searchParams.get('q');

describe('industry suggestions', () => {
  const browser = useBrowser();
  let debounceMs;
  before(async () => {
    debounceMs = (await api('/api/info')).body.chat_debounce_ms;
    assert.equal(typeof debounceMs, 'number');
  });

  test('typing five characters quickly sends one suggestion request, after the debounce', async () => {
    const { context, page } = await openConsole(browser());
    try {
      const sent = [];
      page.on('request', (request) => isSuggest(request) && sent.push(q(request)));
      const input = page.getByRole('combobox', { name: 'Message' });
      await input.click();
      // Keystroke times on the page's own clock, the one Resource Timing uses for the request's start.
      await input.evaluate((el) => {
        window.__keys = [];
        el.addEventListener('input', () => window.__keys.push(performance.now()));
      });
      const answered = page.waitForResponse(isSuggest);
      await input.pressSequentially('manuf', { delay: 30 });
      await answered;
      // Absence of a second request can only be shown over a window: one more debounce period after the answer.
      await page.waitForTimeout(debounceMs + 300);

      assert.deepEqual(sent, ['manuf']);
      const { keys, started } = await page.evaluate(() => ({
        keys: window.__keys,
        started: performance.getEntriesByType('resource').filter((e) => e.name.includes('/industries/suggest')).map((e) => e.startTime),
      }));
      assert.equal(keys.length, 5);
      const gaps = keys.slice(1).map((t, i) => t - keys[i]);
      assert.ok(Math.max(...gaps) < debounceMs, `keys must come faster than the ${debounceMs} ms debounce (gaps ${gaps.map(Math.round).join(', ')} ms)`);
      assert.equal(started.length, 1);
      const wait = started[0] - keys[keys.length - 1];
      assert.ok(wait >= debounceMs - 20, `the request started ${Math.round(wait)} ms after the last key; the debounce is ${debounceMs} ms`);
    } finally {
      await context.close();
    }
  });

  test('a request still in flight is aborted (net::ERR_ABORTED) when a newer one starts', async () => {
    const { context, page } = await openConsole(browser());
    try {
      // Hold each suggestion request for 1.5 s before it goes on to the gateway, so the next one overtakes it.
      await page.route((url) => url.pathname === '/industries/suggest', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue().catch(() => {}); // the page may have aborted it meanwhile
      });
      const sent = [];
      const aborted = [];
      page.on('request', (request) => isSuggest(request) && sent.push(q(request)));
      page.on('requestfailed', (request) => isSuggest(request) && aborted.push({ q: q(request), error: request.failure()?.errorText }));
      const finished = page.waitForResponse((response) => isSuggest(response.request()) && q(response.request()) === 'logis');

      const input = page.getByRole('combobox', { name: 'Message' });
      await input.click();
      await input.pressSequentially('lo');
      await eventually(() => sent.includes('lo'), { message: 'the request for "lo"' });
      await input.pressSequentially('gis', { delay: 40 });
      await finished;

      assert.deepEqual(sent, ['lo', 'logis']);
      assert.deepEqual(aborted, [{ q: 'lo', error: 'net::ERR_ABORTED' }]);
    } finally {
      await context.close();
    }
  });

  test('suggestions come from the SSIC reference and picking one fills the message', async () => {
    const { context, page } = await openConsole(browser());
    try {
      const input = page.getByRole('combobox', { name: 'Message' });
      await input.click();
      const answered = page.waitForResponse(isSuggest);
      await input.pressSequentially('manu', { delay: 40 });
      assert.equal((await answered).status(), 200, 'GET /industries/suggest');
      const list = page.getByRole('listbox', { name: 'Message suggestions' });
      const options = list.getByRole('option');
      await options.first().waitFor();
      assert.equal(await input.getAttribute('aria-expanded'), 'true');
      const titles = await list.locator('.combo-title').allInnerTexts();
      assert.ok(titles.length >= 1 && titles.length <= 8, `${titles.length} suggestions`);
      assert.ok(titles.some((t) => /manu/i.test(t)), `suggestions for "manu": ${titles.join(' | ')}`);
      await screenshot(page, 'chat-suggestions');

      const after = [];
      page.on('request', (request) => isSuggest(request) && after.push(q(request)));
      const pick = titles.findIndex((t) => /manu/i.test(t));
      await options.nth(pick).click();
      assert.equal(await input.inputValue(), titles[pick]);
      assert.equal(await list.isHidden(), true);
      await page.waitForTimeout(debounceMs + 300);
      assert.deepEqual(after, [], 'a picked suggestion is not looked up again');
    } finally {
      await context.close();
    }
  });
});
