import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { CANDIDATE_INDUSTRY, MIN_CANDIDATES, appearsUnlessError, eventually, openConsole, screenshot, useBrowser } from './lib/harness.mjs';

const MAX_ROWS_IN_DOM = 100;

describe('candidates', () => {
  const browser = useBrowser();

  test(`the virtualized list loads ${MIN_CANDIDATES.toLocaleString('en')}+ rows page by page, keeps < ${MAX_ROWS_IN_DOM} rows in the DOM and reaches the last row`, async () => {
    const { context, page, errors } = await openConsole(browser(), `#/candidates?industry=${encodeURIComponent(CANDIDATE_INDUSTRY)}`);
    try {
      const pages = [];
      page.on('request', (r) => new URL(r.url()).pathname === '/candidates' && pages.push(new URL(r.url()).searchParams));
      const scroller = page.getByTestId('candidates-scroll');
      const status = page.getByTestId('candidates-count');
      const domRows = () => page.evaluate(() => document.querySelectorAll('.vscroll [role="row"]').length);
      await appearsUnlessError(scroller.locator('[role="row"]'), page.locator('.list-status .error-text'), 'the first candidate rows');
      await screenshot(page, 'candidates');

      let most = 0;
      for (let i = 0; i < 500; i++) {
        const text = await status.innerText();
        most = Math.max(most, await domRows());
        if (/end of list/.test(text)) break;
        await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        await eventually(async () => (await status.innerText()) !== text, { message: `more rows after ${text}` });
      }
      const text = await status.innerText();
      const loaded = Number(/^([\d,]+) loaded/.exec(text)?.[1].replace(/,/g, ''));
      assert.match(text, /end of list/);
      assert.ok(loaded >= MIN_CANDIDATES, `loaded ${loaded} rows`);
      assert.ok(most < MAX_ROWS_IN_DOM, `at most ${most} row elements were in the DOM`);
      assert.ok(pages.length >= Math.ceil(loaded / 200), `${pages.length} keyset pages`);
      assert.equal(pages[0].get('industry'), CANDIDATE_INDUSTRY);
      assert.equal(pages[0].get('after'), null);
      assert.ok(pages.slice(1).every((p) => p.get('after')), 'every later page carries the cursor');

      // The last row is rendered, visible in the scroller, and numbered as the last one.
      await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      const last = scroller.locator(`[role="row"][aria-rowindex="${loaded + 1}"]`);
      await last.waitFor();
      assert.equal(await last.locator('.c-rank').innerText(), loaded.toLocaleString('en-GB'));
      const box = await last.boundingBox();
      const frame = await scroller.boundingBox();
      assert.ok(box && frame && box.y >= frame.y - 1 && box.y + box.height <= frame.y + frame.height + 1, 'last row inside the viewport');
      assert.ok((await domRows()) < MAX_ROWS_IN_DOM);
      await screenshot(page, 'candidates-end');

      // Scores arrive best first.
      const scores = await scroller.locator('[role="row"] .c-score').allInnerTexts();
      assert.deepEqual([...scores].map(Number), [...scores].map(Number).sort((a, b) => b - a));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('"Download CSV" fetches the current filter with the API helper and saves a Blob', async () => {
    const { context, page } = await openConsole(browser(), `#/candidates?industry=${encodeURIComponent(CANDIDATE_INDUSTRY)}`);
    try {
      const exported = page.waitForRequest((r) => new URL(r.url()).pathname === '/candidates/export');
      let file = null;
      const downloaded = page.waitForEvent('download', { timeout: 60_000 }).then((d) => (file = d), () => null);
      await page.getByRole('button', { name: 'Download CSV' }).click();
      const request = await exported;
      assert.equal(new URL(request.url()).searchParams.get('industry'), CANDIDATE_INDUSTRY);
      const failure = page.locator('.toolbar [role="alert"]');
      await eventually(async () => {
        if ((await failure.count()) > 0) throw new Error(`the CSV download failed: ${await failure.innerText()}`);
        return file;
      }, { timeout: 60_000, message: 'the CSV download' });
      await downloaded;
      assert.match(file.suggestedFilename(), /\.csv$/);
      assert.match(file.url(), /^blob:/);
      const csv = await readFile(await file.path(), 'utf8');
      const lines = csv.split(/\r?\n/).filter(Boolean);
      assert.match(lines[0], /name/i);
      assert.match(lines[0], /score/i);
      assert.ok(lines.length - 1 >= MIN_CANDIDATES, `${lines.length - 1} data lines`);
    } finally {
      await context.close();
    }
  });
});
