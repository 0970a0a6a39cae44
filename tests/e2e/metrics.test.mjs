import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { api, eventually, openConsole, screenshot, sendChat, useBrowser } from './lib/harness.mjs';

const isMetrics = (r) => new URL(r.url()).pathname === '/api/metrics';

describe('metrics', () => {
  const browser = useBrowser();

  test('the Metrics page shows chat TTFB p95, rows/min and job duration p95 as numbers and charts, refreshing every 5 s', async () => {
    const { context, page } = await openConsole(browser());
    try {
      // Something to measure: a chat (server and browser TTFB) after the seeding job (rows/min, job duration).
      await sendChat(page, 'Education');
      const fetched = [];
      page.on('request', (r) => isMetrics(r) && fetched.push(Date.now()));
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();

      const metrics = (await api('/api/metrics')).body;
      assert.equal(typeof metrics.rows_per_minute, 'number');
      for (const id of ['kpi-ttfb-server', 'kpi-rows-per-minute', 'kpi-job-duration']) {
        const value = page.getByTestId(id).locator('.kpi-value');
        await eventually(async () => /\d/.test(await value.innerText()), { message: `a number in ${id}` });
      }
      await eventually(async () => /\d/.test(await page.getByTestId('kpi-ttfb-client').locator('.kpi-value').innerText()),
        { timeout: 15_000, message: 'the browser-reported TTFB p95' });
      assert.equal(await page.locator('figure.chart canvas').count(), 3);
      await eventually(() => fetched.length >= 2, { timeout: 12_000, message: 'a refresh of /api/metrics' });
      const gap = fetched[1] - fetched[0];
      assert.ok(gap >= 4_000 && gap <= 8_000, `refreshed after ${gap} ms`);
      await screenshot(page, 'metrics');
    } finally {
      await context.close();
    }
  });
});
