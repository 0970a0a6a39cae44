import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NIGHTLY_AT, eventually, openConsole, screenshot, sendChat, useBrowser } from './lib/harness.mjs';

describe('chat', () => {
  const browser = useBrowser();

  test('typing "Manufacturing" shows the notice, 10 scored companies and the queued job', async () => {
    const { context, page, errors } = await openConsole(browser());
    try {
      const answer = await sendChat(page, 'Manufacturing');

      const notice = answer.getByTestId('chat-notice');
      assert.match(await notice.innerText(), /^Manufacturing \(section C, [\d,]+ codes\)\. Upserted and enriched 10 now; scheduled [\d,]+ remaining for nightly processing \(job \d+(, already queued)?\)\.$/);
      const rows = answer.getByRole('table', { name: 'Companies' }).locator('tbody tr');
      assert.equal(await rows.count(), 10);
      const first = rows.first();
      assert.match(await first.locator('td').nth(2).innerText(), /^\d{1,3}$/, 'score');
      assert.match(await first.locator('td').nth(3).innerText(), /^(high|medium|low)$/i, 'bucket');
      assert.ok((await first.locator('td').nth(4).innerText()).length > 10, 'rationale');

      // The scheduled job waits for the nightly window (JOBS_NIGHTLY_AT, UTC); the browser runs in UTC too.
      const progress = answer.locator('.job-progress');
      await progress.locator('.job-state', { hasText: 'Queued until' }).waitFor();
      assert.match(await progress.locator('.job-state').innerText(), new RegExp(`^Queued until ${NIGHTLY_AT}(, \\w{3} \\d{1,2} \\w{3})?$`));
      await answer.getByRole('progressbar').waitFor();
      await progress.getByRole('button', { name: /^Run job \d+ now$/ }).waitFor();

      await screenshot(page, 'chat');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the job progress polls GET /jobs/{id} about every 1.5 s', async () => {
    const { context, page } = await openConsole(browser());
    try {
      const polls = [];
      page.on('request', (request) => {
        if (request.method() === 'GET' && /\/jobs\/\d+$/.test(new URL(request.url()).pathname)) polls.push(Date.now());
      });
      await sendChat(page, 'Manufacturing');
      await eventually(() => polls.length >= 4, { timeout: 15_000, message: 'four polls of the job' });
      const gaps = polls.slice(1, 4).map((t, i) => t - polls[i]);
      // Each poll waits ~1.5 s after the previous answer: not a tight loop, not stalled.
      for (const gap of gaps) assert.ok(gap >= 1_300 && gap <= 3_000, `poll gaps ${gaps.join(', ')} ms`);
    } finally {
      await context.close();
    }
  });

  test('a problem+json answer shows its title and detail', async () => {
    const { context, page } = await openConsole(browser());
    try {
      const tooLong = 'x'.repeat(4001);
      const answer = await sendChat(page, tooLong);
      const error = answer.getByRole('alert');
      assert.match(await error.innerText(), /message has 4001 characters; at most 4000 are allowed/);
    } finally {
      await context.close();
    }
  });

  test('the console reports its measured chat TTFB to POST /metrics/ttfb', async () => {
    const { context, page } = await openConsole(browser());
    try {
      const reported = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/metrics/ttfb');
      await sendChat(page, 'Construction');
      const request = await reported;
      const body = request.postDataJSON();
      assert.equal(body.route, 'chat');
      assert.ok(body.ms > 0 && body.ms < 600_000, `ms = ${body.ms}`);
      const response = await request.response();
      assert.equal(response?.status(), 202, 'status of POST /metrics/ttfb');
    } finally {
      await context.close();
    }
  });
});
