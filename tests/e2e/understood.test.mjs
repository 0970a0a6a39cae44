import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { api, screenshot, sendChat, useBrowser, openConsole } from './lib/harness.mjs';

const chipLabels = async (answer) =>
  (await answer.getByRole('list', { name: 'Understood items' }).locator('li > span').allInnerTexts()).map((t) => t.trim());

describe('what the chat understood', () => {
  const browser = useBrowser();

  test('each understood item is a chip, and removing one re-runs the search without it', async () => {
    const { context, page, errors } = await openConsole(browser());
    try {
      const message = 'Manufacturing companies in Jurong with at least 2 officers';
      const answer = await sendChat(page, message);

      assert.deepEqual(await chipLabels(answer), ['Manufacturing (section C)', 'D22', 'at least 2 officers']);
      assert.match(await answer.getByTestId('chat-notice').innerText(), /^Manufacturing \(section C, [\d,]+ codes\) · Jurong \(D22\) · at least 2 officers\. /);
      await screenshot(page, 'understood-chips');

      // Removing the officers chip sends the message the remaining chips make, and its answer drops the filter.
      const rerun = page.waitForResponse((r) => new URL(r.url()).pathname === '/chat' && r.request().method() === 'POST');
      await answer.getByRole('button', { name: 'Remove at least 2 officers' }).click();
      const sent = JSON.parse((await rerun).request().postData()).message;
      assert.equal(sent, 'manufacturing, D22');
      const second = await page.getByRole('article', { name: `Answer to ${sent}` });
      await second.locator('.answer').waitFor({ timeout: 60_000 });
      assert.deepEqual(await chipLabels(second), ['Manufacturing (section C)', 'D22']);

      // The counts agree with the API: the filter only ever narrows.
      const narrow = await api('/chat', { method: 'POST', body: JSON.stringify({ message }) });
      const wide = await api('/chat', { method: 'POST', body: JSON.stringify({ message: sent }) });
      assert.equal(narrow.body.understood.filters.officers.min, 2);
      assert.equal(wide.body.understood.filters.officers, null);
      assert.ok(wide.body.total_matches >= narrow.body.total_matches);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('an unmatched word is shown with "did you mean" suggestions, and a broad search offers refinements', async () => {
    const { context, page } = await openConsole(browser());
    try {
      const answer = await sendChat(page, 'manufacturing, manfactrng');
      const unmatched = answer.getByLabel('Not understood: manfactrng');
      await unmatched.waitFor();
      // A misspelling too far from any title for the resolver, near enough for /industries/suggest.
      await unmatched.getByRole('button').first().waitFor({ timeout: 10_000 });
      const suggestion = await unmatched.getByRole('button').first().innerText();
      const suggested = await api(`/industries/suggest?q=${encodeURIComponent('manfactrng')}&limit=3`);
      assert.equal(suggestion, suggested.body.items[0].title);

      const refine = answer.getByLabel('Refine');
      const chips = refine.getByRole('button');
      assert.ok((await chips.count()) >= 2 && (await chips.count()) <= 8, 'two to eight refinements');
      assert.match(await chips.first().innerText(), /^.+ · [\d,]+$/);
      await screenshot(page, 'understood-refine');
    } finally {
      await context.close();
    }
  });
});
