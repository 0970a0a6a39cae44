import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AUTH_BASE_URL, TENANT, mintToken, openConsole, screenshot, sendChat, useBrowser } from './lib/harness.mjs';

const isInfo = (url) => url.pathname === '/api/info';

describe('auth and errors', () => {
  const browser = useBrowser();

  test('a real gateway with AUTH_MODE=jwt: a refused token opens the settings panel, a valid one gets through', async () => {
    assert.ok(AUTH_BASE_URL, 'E2E_AUTH_BASE_URL (the AUTH_MODE=jwt gateway started by run.sh)');
    const info = await (await fetch(`${AUTH_BASE_URL}/api/info`)).json();
    assert.equal(info.auth?.enabled, true, `the second gateway must run with AUTH_MODE=jwt: /api/info says ${JSON.stringify(info.auth)}`);

    // No token yet: /api/info (open) says tokens are required, so the panel asks for one straight away.
    const fresh = await openConsole(browser(), '#/chat', { baseURL: AUTH_BASE_URL });
    try {
      const dialog = fresh.page.getByRole('dialog', { name: 'Settings' });
      await dialog.waitFor();
      assert.match(await dialog.getByRole('alert').innerText(), /requires a bearer token/);
    } finally {
      await fresh.context.close();
    }

    // A token the gateway refuses: the protected call's 401 opens the panel with the gateway's reason.
    const { context, page } = await openConsole(browser(), null, { baseURL: AUTH_BASE_URL });
    try {
      const forged = mintToken({ tenant_id: TENANT }, { key: 'a-different-key-that-is-long-enough-0123456789' });
      await context.addInitScript((token) => localStorage.setItem('icpsearch.settings', JSON.stringify({ token, tenant: '' })), forged);
      const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/jobs');
      await page.goto('/#/jobs');
      assert.equal((await refused).status(), 401);
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.waitFor();
      assert.match(await dialog.getByRole('alert').innerText(), /Authentication required: the gateway answered 401.*signature is not valid/s);
      assert.equal(await page.getByText('Server unreachable').count(), 0);
      await screenshot(page, 'settings-401-jwt');

      // A token signed with the gateway's key and naming the tenant: the same page now loads.
      const token = mintToken({ tenant_id: TENANT });
      await dialog.getByLabel('Bearer token').fill(token);
      await dialog.getByLabel('Tenant ID').fill('');
      const accepted = page.waitForResponse((r) => new URL(r.url()).pathname === '/jobs' && r.status() === 200);
      await dialog.getByRole('button', { name: 'Save' }).click();
      const response = await accepted;
      assert.equal(response.request().headers().authorization, `Bearer ${token}`);
      await page.getByRole('table', { name: 'Jobs' }).locator('tbody tr').first().waitFor();
      assert.equal(await page.getByRole('dialog', { name: 'Settings' }).count(), 0);
    } finally {
      await context.close();
    }
  });

  // The same 401 coming from /api/info itself, produced by a request route (the real gateway keeps /api/info open).
  test('a 401 from /api/info opens the settings panel with a message, not "server unreachable"', async () => {
    const { context, page } = await openConsole(browser(), null);
    try {
      await page.route(isInfo, (route) => route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'https://icpsearch.dev/problems/unauthorized', title: 'Authentication required.', status: 401, detail: 'A bearer token is required.', code: 'unauthorized' }),
      }));
      await page.goto('/#/chat');
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.waitFor();
      assert.match(await dialog.getByRole('alert').innerText(), /Authentication required/);
      assert.match(await page.getByRole('status', { name: /^Gateway:/ }).innerText(), /Sign-in required/);
      assert.equal(await page.getByText('Server unreachable').count(), 0);
      await screenshot(page, 'settings-401');

      // Saving a token and tenant: kept in localStorage and sent on every call from then on.
      await page.unroute(isInfo);
      await dialog.getByLabel('Bearer token').fill('e2e-token');
      await dialog.getByLabel('Tenant ID').fill('e2e');
      const next = page.waitForRequest((r) => isInfo(new URL(r.url())));
      await dialog.getByRole('button', { name: 'Save' }).click();
      const headers = (await next).headers();
      assert.equal(headers.authorization, 'Bearer e2e-token');
      assert.equal(headers['x-tenant-id'], 'e2e');
      assert.equal(await dialog.count(), 0);

      const chat = page.waitForRequest((r) => new URL(r.url()).pathname === '/chat');
      await sendChat(page, 'Construction');
      assert.equal((await chat).headers().authorization, 'Bearer e2e-token');

      await page.reload();
      await page.getByRole('button', { name: 'Settings' }).click();
      assert.equal(await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Tenant ID').inputValue(), 'e2e');
    } finally {
      await context.close();
    }
  });

  test('a network error or a 5xx shows "server unreachable"', async () => {
    const { context, page } = await openConsole(browser(), null);
    try {
      await page.route(isInfo, (route) => route.abort('connectionrefused'));
      await page.goto('/#/chat');
      const banner = page.getByRole('alert').filter({ hasText: 'Server unreachable' });
      await banner.waitFor();
      assert.equal(await page.getByRole('dialog', { name: 'Settings' }).count(), 0);

      await page.unroute(isInfo);
      await page.route((url) => url.pathname === '/chat', (route) => route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'The cluster is unavailable.', status: 503, detail: 'No silo answered.', code: 'cluster_unavailable' }),
      }));
      const answer = await sendChat(page, 'Manufacturing');
      assert.match(await answer.getByRole('alert').innerText(), /Server unreachable: the gateway answered 503 \(The cluster is unavailable\.\)/);
      await screenshot(page, 'server-unreachable');
    } finally {
      await context.close();
    }
  });
});
