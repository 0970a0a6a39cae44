import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { api, openConsole, screenshot, sendChat, useBrowser } from './lib/harness.mjs';

// Each test has a tenant of its own (X-Tenant-ID from the settings), so its profile never re-scores tenant e2e.
async function openAs(browser, tenant, hash) {
  const { context, page, errors } = await openConsole(browser, null);
  await context.addInitScript((t) => localStorage.setItem('icpsearch.settings', JSON.stringify({ token: '', tenant: t })), tenant);
  await page.goto(`/${hash}`);
  return { context, page, errors };
}

const asTenant = (tenant) => ({ headers: { 'X-Tenant-ID': tenant } });
const chipTexts = async (page) =>
  (await page.getByRole('list', { name: 'Target industries' }).locator('li > span').allInnerTexts()).map((t) => t.trim());

describe('the ICP page', () => {
  const browser = useBrowser();

  test('edits and saves the profile, keeps it over a reload, and shows a bad value next to its field', async () => {
    const tenant = `e2e-icp-${Date.now()}`;
    const { context, page, errors } = await openAs(browser(), tenant, '#/icp');
    try {
      await page.getByRole('heading', { level: 1, name: 'ICP' }).waitFor();
      const minAge = page.getByLabel('Minimum age (years)');
      await minAge.waitFor();

      // The SSIC picker offers headings from /industries/suggest; picking one adds its code.
      await page.getByRole('combobox', { name: 'Add target industry' }).fill('Manufacturing');
      await page.getByRole('option', { name: /^Manufacturing\s*Section C$/ }).click();
      assert.deepEqual(await chipTexts(page), ['Manufacturing (section C)']);

      await minAge.fill('5');
      await page.getByLabel('Maximum age (years)').fill('30');
      await page.getByLabel('Minimum officers').fill('2');
      await page.getByLabel('Maximum officers').fill('50');
      await page.getByRole('checkbox', { name: /^Private limited company/ }).check();
      await page.getByRole('checkbox', { name: /^Live Company/ }).check();
      await page.getByRole('checkbox', { name: 'D22 Jurong', exact: true }).check();
      await page.getByRole('checkbox', { name: /^D09 Orchard/ }).check();
      await page.getByLabel('Age weight').fill('40');
      await page.getByRole('button', { name: 'Save ICP' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await screenshot(page, 'icp-saved');

      // What the API stores is what the form showed.
      const stored = (await api('/icp', asTenant(tenant))).body;
      assert.deepEqual(stored.target_ssic_codes, ['C']);
      assert.deepEqual([stored.min_age_years, stored.max_age_years, stored.min_officers, stored.max_officers], [5, 30, 2, 50]);
      assert.deepEqual(stored.districts, ['09', '22']);
      assert.deepEqual(stored.statuses, ['Live Company']);
      const options = (await api('/icp/options', asTenant(tenant))).body;
      assert.deepEqual(stored.entity_types, options.entity_types.find((t) => t.code === 'private_limited').descriptions);
      assert.deepEqual(stored.weights, { industry: 35, status: 15, age: 40, size: 15, district: 10, entity_type: 10 });

      // A reload shows the saved values.
      await page.reload();
      await minAge.waitFor();
      assert.equal(await minAge.inputValue(), '5');
      assert.equal(await page.getByLabel('Maximum age (years)').inputValue(), '30');
      assert.equal(await page.getByLabel('Minimum officers').inputValue(), '2');
      assert.equal(await page.getByLabel('Maximum officers').inputValue(), '50');
      assert.equal(await page.getByLabel('Age weight').inputValue(), '40');
      assert.ok(await page.getByRole('checkbox', { name: /^Private limited company/ }).isChecked());
      assert.ok(await page.getByRole('checkbox', { name: /^Live Company/ }).isChecked());
      assert.ok(await page.getByRole('checkbox', { name: 'D22 Jurong', exact: true }).isChecked());
      assert.ok(!(await page.getByRole('checkbox', { name: /^D01 / }).isChecked()));
      assert.deepEqual(await chipTexts(page), ['section C']);

      // A maximum below the minimum: PUT /icp answers 400 naming max_age_years, shown at that field only.
      const maxAge = page.getByLabel('Maximum age (years)');
      await maxAge.fill('3');
      const put = page.waitForResponse((r) => new URL(r.url()).pathname === '/icp' && r.request().method() === 'PUT');
      await page.getByRole('button', { name: 'Save ICP' }).click();
      const problem = await (await put).json();
      assert.equal((await put).status(), 400);
      assert.equal(problem.field, 'max_age_years');
      const field = page.locator('[data-field="max_age_years"]');
      await field.getByRole('alert').waitFor();
      assert.match(await field.getByRole('alert').innerText(), /max_age_years \(3\) is below min_age_years \(5\)/);
      assert.equal(await maxAge.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('.field-error').count(), 1);
      await screenshot(page, 'icp-field-error');

      // A weight out of range is shown at that weight; the stored profile is unchanged.
      await maxAge.fill('30');
      await page.getByLabel('Age weight').fill('150');
      await page.getByRole('button', { name: 'Save ICP' }).click();
      await page.locator('[data-field="weights.age"]').getByRole('alert').waitFor();
      assert.equal(await page.locator('.field-error').count(), 1);
      assert.equal((await api('/icp', asTenant(tenant))).body.weights.age, 40);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('"Save as my ICP" on a chat answer stores what it understood, and the ICP page shows it', async () => {
    const tenant = `e2e-icp-chat-${Date.now()}`;
    // Weights of the tenant's own, which saving from a chat answer keeps.
    const put = await api('/icp', { method: 'PUT', body: JSON.stringify({ weights: { age: 40 } }), ...asTenant(tenant) });
    assert.equal(put.status, 200);
    const { context, page, errors } = await openAs(browser(), tenant, '#/chat');
    try {
      const message = 'Pte Ltd manufacturing companies in Jurong with at least 2 officers, incorporated after 1990, except food';
      const answer = await sendChat(page, message);
      await answer.getByRole('button', { name: 'Save as my ICP' }).click();
      const done = answer.getByRole('status', { name: 'Saved ICP' });
      await done.waitFor();
      const summary = await done.innerText();
      const maxAge = new Date().getUTCFullYear() - 1991;
      for (const part of ['section C', 'D22', 'at least 2 officers', 'Private limited company', `at most ${maxAge} years old`, 'live entities', 'weights 35/15/40/15/10/10', 'except food']) {
        assert.ok(summary.includes(part), `"${part}" in "${summary}"`);
      }
      await screenshot(page, 'icp-saved-from-chat');

      await done.getByRole('link', { name: 'Open the ICP page →' }).click();
      const minOfficers = page.getByLabel('Minimum officers');
      await minOfficers.waitFor();
      assert.equal(await minOfficers.inputValue(), '2');
      assert.equal(await page.getByLabel('Maximum officers').inputValue(), '');
      assert.equal(await page.getByLabel('Minimum age (years)').inputValue(), '');
      assert.equal(await page.getByLabel('Maximum age (years)').inputValue(), String(maxAge));
      assert.equal(await page.getByLabel('Age weight').inputValue(), '40');
      assert.deepEqual(await chipTexts(page), ['section C']);
      assert.ok(await page.getByRole('checkbox', { name: 'D22 Jurong', exact: true }).isChecked());
      assert.ok(await page.getByRole('checkbox', { name: /^Private limited company/ }).isChecked());
      assert.ok(!(await page.getByRole('checkbox', { name: /^Foreign company/ }).isChecked()));
      assert.equal(await page.getByRole('group', { name: 'Statuses' }).getByRole('checkbox', { checked: true }).count(), 0);
      await screenshot(page, 'icp-from-chat');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
