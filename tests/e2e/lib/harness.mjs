// Shared set-up for the browser tests: Debian's Chromium through playwright-core (never a downloaded browser),
// the gateway started by run.sh, and a folder for screenshots.
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const BASE_URL = required('E2E_BASE_URL');
export const ARTIFACTS = process.env.E2E_ARTIFACTS || '/tmp/icpsearch-e2e-screens';
export const TENANT = process.env.E2E_TENANT || 'e2e';
export const CANDIDATE_INDUSTRY = process.env.E2E_CANDIDATE_INDUSTRY || 'Wholesale and retail trade';
export const MIN_CANDIDATES = 10_000;
/** A second gateway on the same cluster with AUTH_MODE=jwt (HS256), and what its tokens must carry. */
export const AUTH_BASE_URL = (process.env.E2E_AUTH_BASE_URL || '').replace(/\/$/, '');
export const JWT = {
  key: process.env.E2E_JWT_SIGNING_KEY || '',
  issuer: process.env.E2E_JWT_ISSUER || '',
  audience: process.env.E2E_JWT_AUDIENCE || '',
};
/** JOBS_NIGHTLY_AT of the silo (UTC): the time a queued job waits for. */
export const NIGHTLY_AT = process.env.E2E_NIGHTLY_AT || '02:00';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run these tests through tests/e2e/run.sh`);
  return value.replace(/\/$/, '');
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Launches one browser for the enclosing describe() (before) and closes it when the suite ends (after). Returns a
 * getter, since the browser only exists once the before hook has run.
 */
export function useBrowser() {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

/**
 * A page on the console. The browser runs in UTC, like the silo's nightly window, so a queued job reads
 * "Queued until <NIGHTLY_AT>".
 */
export async function openConsole(browser, hash = '#/chat', options = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: 1366, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-GB',
    acceptDownloads: true,
    reducedMotion: 'reduce',
    ...options,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  // Everything the console loads must come from the gateway: no CDN, fonts or scripts from elsewhere.
  const foreign = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${BASE_URL}/`) && !/^(blob|data):/.test(url)) foreign.push(url);
  });
  page.foreignRequests = foreign;
  if (hash !== null) await page.goto(`/${hash}`);
  return { context, page, errors };
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Polls `probe` until it returns a truthy value or the deadline passes (no fixed sleeps). */
export async function eventually(probe, { timeout = 20_000, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Sends a chat message through the UI and waits for its answer. */
export async function sendChat(page, message) {
  const input = page.getByRole('combobox', { name: 'Message' });
  await input.fill(message);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const answer = page.getByRole('article', { name: `Answer to ${message}` });
  await answer.locator('.answer, .bubble-error').first().waitFor({ timeout: 60_000 });
  return answer;
}

/** Calls the gateway directly (for set-up and cross-checks), as tenant e2e. */
export async function api(pathname, init = {}) {
  const response = await fetch(`${BASE_URL}${pathname}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', 'X-Tenant-ID': TENANT, ...(init.headers ?? {}) },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

/** Waits for `ok` to appear; fails at once, with the page's own message, when `error` appears first. */
export async function appearsUnlessError(ok, error, message, timeout = 20_000) {
  await eventually(async () => {
    if ((await error.count()) > 0) throw new Error(`${message}: the page shows "${(await error.first().innerText()).trim()}"`);
    return (await ok.count()) > 0;
  }, { timeout, message });
}

/** An HS256 JWT for the auth gateway, as an identity provider would issue it. */
export function mintToken(claims, { key = JWT.key, issuer = JWT.issuer, audience = JWT.audience, ttlSeconds = 3600 } = {}) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: issuer, aud: audience, sub: 'e2e-console', iat: now, nbf: now - 5, exp: now + ttlSeconds, ...claims })}`;
  return `${unsigned}.${createHmac('sha256', Buffer.from(key, 'utf8')).update(unsigned).digest('base64url')}`;
}
