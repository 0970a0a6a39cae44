import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, eventually, launch, openConsole, screenshot } from './lib/harness.mjs';

const isSuggest = (request) => new URL(request.url()).pathname === '/industries/suggest';
const q = (request) => new URL(request.url()).searchParams.get('q');

describe('industry suggestions', () => {
  let browser;
  let debounceMs;
  before(async () => {
    browser = await launch();
    debounceMs = (await api('/api/info')).body.chat_debounce_ms;
    assert.equal(typeof debounceMs, 'number');
  });
  after(async () => {
    await browser?.close();
  });

  test('typing five characters quickly sends one suggestion request, after the debounce', async () => {
    const { context, page } = await openConsole(browser);
    try {
      const sent = [];
      page.on('request', (request) => isSuggest(request) && sent.push({ q: q(request), at: Date.now() }));
      const input = page.getByRole('combobox', { name: 'Message' });
      await input.click();
      const typedAt = Date.now();
      await input.pressSequentially('manuf', { delay: 40 });
      const doneAt = Date.now();
      const first = page.waitForResponse(isSuggest);
      await first;
      // Absence of a second request can only be shown over a window: one more debounce period after the answer.
      await page.waitForTimeout(debounceMs + 300);

      assert.deepEqual(sent.map((s) => s.q), ['manuf']);
      assert.ok(doneAt - typedAt < debounceMs, `typing took ${doneAt - typedAt} ms, longer than the ${debounceMs} ms debounce`);
      assert.ok(sent[0].at - doneAt >= debounceMs - 50, `sent ${sent[0].at - doneAt} ms after the last key`);
    } finally {
      await context.close();
    }
  });

  test('a request still in flight is aborted (net::ERR_ABORTED) when a newer one starts', async () => {
    const { context, page } = await openConsole(browser);
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
    const { context, page } = await openConsole(browser);
    try {
      const input = page.getByRole('combobox', { name: 'Message' });
      await input.click();
      await input.pressSequentially('manu', { delay: 40 });
      const list = page.getByRole('listbox', { name: 'Message suggestions' });
      const option = list.getByRole('option', { name: /^Manufacturing\b/ }).first();
      await option.waitFor();
      assert.equal(await input.getAttribute('aria-expanded'), 'true');
      await screenshot(page, 'chat-suggestions');

      const after = [];
      page.on('request', (request) => isSuggest(request) && after.push(q(request)));
      await option.click();
      assert.equal(await input.inputValue(), 'Manufacturing');
      assert.equal(await list.isHidden(), true);
      await page.waitForTimeout(debounceMs + 300);
      assert.deepEqual(after, [], 'a picked suggestion is not looked up again');
    } finally {
      await context.close();
    }
  });
});
