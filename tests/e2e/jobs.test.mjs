import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NIGHTLY_AT, api, eventually, openConsole, screenshot, sendChat, useBrowser } from './lib/harness.mjs';

const jobPoll = (request) => request.method() === 'GET' && /^\/jobs\/\d+$/.test(new URL(request.url()).pathname);

describe('jobs', () => {
  const browser = useBrowser();

  test('"Run now" on a queued chat job drives its progress bar to 100 % and polling stops', async () => {
    const { context, page } = await openConsole(browser());
    try {
      // Mining is a small section (~0.2 % of the demo registry): its job finishes in a moment.
      const answer = await sendChat(page, 'Mining');
      const progress = answer.locator('.job-progress');
      const run = progress.getByRole('button', { name: /^Run job \d+ now$/ });
      await run.waitFor();
      const jobId = Number(await progress.getAttribute('data-job-id'));
      const runs = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === `/jobs/${jobId}/run`);
      await run.click();
      await runs;

      const bar = progress.getByRole('progressbar', { name: `Job ${jobId} progress` });
      await eventually(async () => (await bar.getAttribute('aria-valuenow')) === '100', { timeout: 120_000, message: 'the bar at 100 %' });
      await progress.locator('.job-state', { hasText: 'Done' }).waitFor();
      assert.equal(await progress.locator('.job-percent').innerText(), '100%');
      const job = (await api(`/jobs/${jobId}`)).body;
      assert.equal(job.status, 'done');
      assert.equal(job.processed, job.total);
      await screenshot(page, 'chat-run-now-done');

      // Ended jobs are not polled any more: nothing for two more poll periods.
      const later = [];
      page.on('request', (r) => jobPoll(r) && later.push(r.url()));
      await page.waitForTimeout(3_200);
      assert.deepEqual(later, []);
    } finally {
      await context.close();
    }
  });

  test('the Jobs page lists this tenant\'s jobs with status, progress, remaining and next run, and loads more', async () => {
    // A tenant of its own, chosen in the settings (X-Tenant-ID), with more jobs than one page holds.
    const tenant = `e2e-jobs-${Date.now()}`;
    const created = [];
    for (let i = 0; i < 27; i++) {
      const { status, body } = await api('/jobs/staging_upsert', {
        method: 'POST',
        headers: { 'X-Tenant-ID': tenant },
        body: JSON.stringify({ terms: [i === 26 ? 'mining and quarrying' : `paging filler ${String.fromCharCode(97 + i)}`] }),
      });
      assert.equal(status, 202);
      created.push(body.job_id);
    }
    const { context, page } = await openConsole(browser(), null);
    await context.addInitScript((t) => localStorage.setItem('icpsearch.settings', JSON.stringify({ token: '', tenant: t })), tenant);
    try {
      const headers = [];
      page.on('request', (r) => new URL(r.url()).pathname === '/jobs' && headers.push(r.headers()['x-tenant-id']));
      await page.goto('/#/jobs');
      const table = page.getByRole('table', { name: 'Jobs' });
      const rows = table.locator('tbody tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 25);
      assert.ok(headers.length > 0 && headers.every((h) => h === tenant), `X-Tenant-ID on /jobs: ${headers.join(', ')}`);

      // Newest first: the last job created is on top, queued for the nightly window with a Run now button.
      const top = rows.first();
      assert.equal(await top.getAttribute('data-job-id'), String(created[26]));
      const cells = top.locator('td');
      assert.match(await cells.nth(1).innerText(), /mining and quarrying/);
      assert.match(await cells.nth(2).innerText(), /queued/i);
      assert.match(await cells.nth(3).innerText(), /^0 \/ [\d,]+ \(0%\)/);
      assert.match(await cells.nth(4).innerText(), /^[\d,]+$/);
      assert.match(await cells.nth(5).innerText(), new RegExp(`^${NIGHTLY_AT}(, \\w{3} \\d{1,2} \\w{3})?$`));
      await top.getByRole('button', { name: `Run job ${created[26]} now` }).waitFor();

      await page.getByRole('button', { name: 'Load more jobs' }).click();
      await eventually(async () => (await rows.count()) === 27, { message: '27 rows after "Load more"' });
      const ids = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-job-id'))));
      assert.deepEqual(ids, [...created].reverse());
      assert.equal(await page.getByRole('button', { name: 'Load more jobs' }).count(), 0);

      // Run now from the list: the row goes to done at 100 %.
      await top.getByRole('button', { name: `Run job ${created[26]} now` }).click();
      await eventually(async () => /done/i.test(await cells.nth(2).innerText()), { timeout: 60_000, message: 'the run-now job done in the list' });
      await eventually(async () => /\(100%\)/.test(await cells.nth(3).innerText()), { message: '100 % in the list' });
    } finally {
      await context.close();
    }
  });
});
