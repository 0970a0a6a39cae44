import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually, openConsole, screenshot, sendChat, useBrowser } from './lib/harness.mjs';

describe('header navigation', () => {
  const browser = useBrowser();

  test('the header links reach every page and "Chat" returns to the conversation', async () => {
    const { context, page, errors } = await openConsole(browser(), null);
    try {
      await page.goto('/');
      const nav = page.getByRole('navigation', { name: 'Main' });
      const heading = page.getByRole('heading', { level: 1 });
      assert.equal(await heading.innerText(), 'Chat');
      assert.equal(await nav.getByRole('link', { name: 'Chat' }).getAttribute('aria-current'), 'page');
      await sendChat(page, 'Transportation');

      for (const [name, hash] of [['Candidates', '#/candidates'], ['Jobs', '#/jobs'], ['ICP', '#/icp'], ['Metrics', '#/metrics']]) {
        await nav.getByRole('link', { name }).click();
        await eventually(async () => (await heading.innerText()) === name, { message: `the ${name} page` });
        assert.ok(new URL(page.url()).hash.startsWith(hash), page.url());
        assert.equal(await nav.getByRole('link', { name }).getAttribute('aria-current'), 'page');
        assert.equal(await nav.locator('[aria-current="page"]').count(), 1);
        // Every page has the same header.
        assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Chat', 'Candidates', 'Jobs', 'ICP', 'Metrics']);
        await screenshot(page, `page-${name.toLowerCase()}`);
      }

      await nav.getByRole('link', { name: 'Jobs' }).click();
      await page.getByRole('table', { name: 'Jobs' }).locator('tbody tr').first().waitFor();
      await screenshot(page, 'jobs');

      await nav.getByRole('link', { name: 'Chat' }).click();
      await eventually(async () => (await heading.innerText()) === 'Chat', { message: 'back on the chat' });
      assert.equal(new URL(page.url()).hash, '#/chat');
      await page.getByRole('article', { name: 'Answer to Transportation' }).waitFor();
      await page.getByRole('combobox', { name: 'Message' }).waitFor();

      // The brand also leads to the chat, from anywhere.
      await nav.getByRole('link', { name: 'Metrics' }).click();
      await page.getByRole('link', { name: 'IcpSearch home (chat)' }).click();
      await eventually(async () => (await heading.innerText()) === 'Chat', { message: 'the chat via the brand link' });
      assert.deepEqual(errors, []);
      assert.deepEqual(page.foreignRequests, [], 'requests that did not go to the gateway');
    } finally {
      await context.close();
    }
  });
});
