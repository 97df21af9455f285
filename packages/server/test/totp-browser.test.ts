/**
 * The TOTP second factor of issue #16 in the web app, in real Chromium (Debian /usr/bin/chromium
 * via playwright-core) against a real server on a loopback port over a real PGlite store in a
 * temp folder holding examples/minimal, set up as accounts-browser.test.ts. Codes are computed
 * here with the `otpauth` library from the secret the page shows, as an authenticator app would.
 * Journey: an administrator turns the second factor on from "My security" (a wrong code first),
 * signs out, signs in with the password and is asked for a code (a wrong one refused, email and
 * password kept), then with the right one; requires a second factor of administrators on the
 * administration page; a second administrator without one signs in and sees only the enrolment,
 * enrols, and gets the app; turning off asks for a current code and is refused while required.
 * The server's clock is the real one plus an offset moved by hand a 30-second step at a time: a
 * code's step is accepted only once, so each use of a code takes a later step (the browser's
 * cookies still see real times). Screenshots of the sign-in code step and of the enrolment (and
 * of "My security") in both languages go to artifacts/screenshots/ (gitignored).
 * Needs the web build (npm run build -w @assay/web) and chromium
 * (`bash scripts/ensure-system-packages.sh`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreWorkspace } from '@assay/app';
import { hasTotp, securitySettings } from '@assay/app/access';
import { launchBrowser } from '@assay/render';
import type { Store } from '@assay/store';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen, type Started, WEB_ROOT } from '../src/start-server.js';
import {
  addAdministrator,
  checkedShot,
  type MinimalStore,
  minimalStoreWorkspace,
} from './browser-fixture.js';

const LEAD = { email: 'lead@example.com', name: 'Lena Lead', password: 'correct horse battery' };
const ADA = { email: 'ada@example.com', name: 'Ada Admin', password: 'second admin staple' };

/** Milliseconds added to the real clock for the server (sessions and codes). */
let offsetMs = 0;
const serverNow = () => new Date(Date.now() + offsetMs);
/** Move the server's clock one 30-second TOTP step on: the next code is a new one. */
const nextStep = () => {
  offsetMs += 30_000;
};

let fixture: MinimalStore;
let store: Store;
let ws: StoreWorkspace;
let server: Started;
let browser: Browser;
/** One tab for the whole journey: the steps below run in order and share it. */
let page: Page;
const ids: Record<string, string> = {};

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error(
      'the web app is not built: npm run build -w @assay/web (web-journeys.test.ts builds it too)',
    );
  fixture = await minimalStoreWorkspace('assay-totp-browser-');
  ({ store, ws } = fixture);
  for (const who of [LEAD, ADA]) ids[who.email] = await addAdministrator(store, who);
  server = await listen(
    createApp({ workspace: ws, webRoot: WEB_ROOT, accounts: { store, now: serverNow } }),
    0,
  );
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'assay.lang',
      'en',
    );
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.dispose();
});

/** The code an authenticator app shows for `secret` at the server's time, `steps` steps on. */
const codeFor = (secret: string, steps = 0) =>
  TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp: serverNow().getTime() + steps * 30_000,
  });
/** Six digits that are none of the codes the server accepts now (±1 step, and one more). */
const wrongCodeFor = (secret: string) => {
  const valid = new Set([-1, 0, 1, 2].map((s) => codeFor(secret, s)));
  return ['000000', '111111', '222222'].find((c) => !valid.has(c)) as string;
};

/** Screenshot after the layout check (browser-fixture.ts). */
const shot = (name: string) => checkedShot(page, name);

/** Click the language switch and wait until the page heading reads `heading`. */
async function switchLanguage(heading: string) {
  await page.click('[data-lang-switch]');
  await page.locator('main h1', { hasText: heading }).waitFor();
}

/** Fill and send the sign-in form with email and password only. */
async function sendPassword(who: { email: string; password: string }) {
  const form = page.locator('form[data-sign-in-form]');
  await form.locator('[data-email]').fill(who.email);
  await form.locator('[data-password]').fill(who.password);
  await form.locator('[data-sign-in-submit]').click();
}

async function signOut() {
  await page.click('[data-sign-out]');
  await page.locator('form[data-sign-in-form]').waitFor();
}

/** The secret the enrolment shows (groups of four, monospace), checked against its URI. */
async function shownSecret(): Promise<string> {
  const key = page.locator('[data-totp-secret]');
  await key.waitFor();
  const grouped = (await key.textContent()) ?? '';
  expect(grouped).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4})*( [A-Z2-7]{1,3})?$/);
  const font = await key.evaluate(
    (el) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(el)
        .fontFamily,
  );
  expect(font).toMatch(/mono/i);
  const secret = grouped.replaceAll(' ', '');
  expect(secret.length * 5, 'bits in the secret').toBeGreaterThanOrEqual(160);
  const uri = (await page.locator('[data-totp-uri]').textContent()) ?? '';
  expect(uri.startsWith('otpauth://totp/')).toBe(true);
  expect(new URL(uri).searchParams.get('secret')).toBe(secret);
  return secret;
}

/** The lead's secret, learnt when they enrol on the page. */
let leadSecret = '';
let adaSecret = '';

describe('the TOTP second factor in the browser (issue #16)', () => {
  it('an administrator turns a second factor on from My security; a wrong code is refused', async () => {
    await page.goto(`${server.url}#/tokens`);
    await page.locator('form[data-sign-in-form]').waitFor();
    await sendPassword(LEAD);
    await page.locator('[data-current-user]', { hasText: LEAD.name }).waitFor();
    expect(await page.locator('[data-nav="tokens"]').textContent()).toBe('My security');
    await page.locator('main h1', { hasText: 'My account security' }).waitFor();
    await page.locator('[data-second-factor][data-totp-state="off"]').waitFor();

    await page.click('[data-totp-begin]');
    leadSecret = await shownSecret();
    await page.fill('[data-totp-confirm-code]', wrongCodeFor(leadSecret));
    await page.click('[data-totp-confirm]');
    await page.locator('[data-totp-error="wrong-code"]').waitFor();
    expect(await hasTotp(store, ids[LEAD.email] as string)).toBe(false);

    // typed as many apps show it, with a space in the middle
    const code = codeFor(leadSecret);
    await page.fill('[data-totp-confirm-code]', `${code.slice(0, 3)} ${code.slice(3)}`);
    await page.click('[data-totp-confirm]');
    await page.locator('[data-second-factor][data-totp-state="on"] [data-totp-done="on"]').waitFor();
    expect(await page.locator('[data-totp-secret]').count()).toBe(0);
    expect(await hasTotp(store, ids[LEAD.email] as string)).toBe(true);
    await page.locator('[data-totp-off-code]').waitFor();
    await shot('security-en');
    await switchLanguage('我的帳戶安全');
    expect(await page.locator('[data-nav="tokens"]').textContent()).toBe('我的帳戶安全');
    await shot('security-zh-Hant');
    await switchLanguage('My account security');
  });

  it('signing in asks for the code after the password, keeps both, refuses a wrong code', async () => {
    await signOut();
    await sendPassword(LEAD);
    const codeField = page.locator('form[data-sign-in-form] [data-totp-code]');
    await codeField.waitFor();
    expect(await page.locator('[data-current-user]').count()).toBe(0);
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await page.locator('[data-email]').inputValue()).toBe(LEAD.email);
    expect(await page.locator('[data-password]').inputValue()).toBe(LEAD.password);
    // asked, not refused: no error yet, and the field has the focus
    expect(await page.locator('[data-sign-in-error]').count()).toBe(0);
    expect(
      await codeField.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement),
    ).toBe(true);
    await shot('sign-in-totp-en');
    await switchLanguage('登入 Assay');
    expect(await page.locator('form[data-sign-in-form] label:has([data-totp-code])').textContent()).toContain(
      '驗證碼',
    );
    await shot('sign-in-totp-zh-Hant');
    await switchLanguage('Sign in to Assay');

    nextStep();
    await codeField.fill(wrongCodeFor(leadSecret));
    await page.click('[data-sign-in-submit]');
    await page.locator('[data-sign-in-error="totp-wrong"]').waitFor();
    expect(await page.locator('[data-current-user]').count()).toBe(0);
    expect(await page.locator('[data-email]').inputValue()).toBe(LEAD.email);
    expect(await page.locator('[data-password]').inputValue()).toBe(LEAD.password);

    await codeField.fill(codeFor(leadSecret));
    await page.click('[data-sign-in-submit]');
    await page.locator('[data-current-user]', { hasText: LEAD.name }).waitFor();
  });

  it('requiring a second factor of administrators leaves one without it only the enrolment', async () => {
    await page.click('[data-nav="admin"]');
    const box = page.locator('[data-security-settings] input[data-require-totp]');
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await page.locator('[data-security-settings-changed]').waitFor();
    expect(await box.isChecked()).toBe(true);
    expect((await securitySettings(store)).requireTotpForAdministrators).toBe(true);
    // the lead has a second factor: the app stays as it was
    await page.locator('table.users[data-ready="users"]').waitFor();
    expect(await page.locator('[data-totp-must-enrol]').count()).toBe(0);
    await shot('admin-security-en');

    await signOut();
    await sendPassword(ADA);
    await page.locator('[data-totp-must-enrol]').waitFor();
    expect(await page.locator('[data-current-user]').textContent()).toBe(ADA.name);
    expect(await page.locator('nav a').count()).toBe(0);
    expect(await page.locator('main h1').textContent()).toBe('Set up a second factor first');
    // the server agrees: nothing else answers this session
    const denied = await page.evaluate(async () => {
      const r = await fetch('/api/organisation');
      return { status: r.status, code: ((await r.json()) as { error?: { code?: string } }).error?.code };
    });
    expect(denied).toEqual({ status: 403, code: 'totp-enrolment-required' });

    await page.click('[data-totp-begin]');
    adaSecret = await shownSecret();
    await shot('totp-enrol-en');
    await switchLanguage('請先設定雙重驗證');
    expect(await page.locator('[data-totp-confirm]').textContent()).toBe('確認並啟用');
    await shot('totp-enrol-zh-Hant');
    await switchLanguage('Set up a second factor first');

    await page.fill('[data-totp-confirm-code]', codeFor(adaSecret));
    await page.click('[data-totp-confirm]');
    await page.locator('[data-nav="admin"]').waitFor();
    expect(await page.locator('[data-totp-must-enrol]').count()).toBe(0);
    expect(await hasTotp(store, ids[ADA.email] as string)).toBe(true);
  });

  it('turning off asks for a current code and is refused while the settings require one', async () => {
    await page.click('[data-nav="tokens"]');
    await page.locator('[data-second-factor][data-totp-state="on"]').waitFor();
    nextStep();
    await page.fill('[data-totp-off-code]', codeFor(adaSecret));
    await page.click('[data-totp-off]');
    await page.locator('[data-totp-error="required"]').waitFor();
    expect(await hasTotp(store, ids[ADA.email] as string)).toBe(true);

    await page.click('[data-nav="admin"]');
    const box = page.locator('[data-security-settings] input[data-require-totp]');
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await page.locator(`[data-security-settings-changed]`, { hasText: ADA.name }).waitFor();
    expect((await securitySettings(store)).requireTotpForAdministrators).toBe(false);

    await page.click('[data-nav="tokens"]');
    await page.locator('[data-second-factor][data-totp-state="on"]').waitFor();
    await page.fill('[data-totp-off-code]', wrongCodeFor(adaSecret));
    await page.click('[data-totp-off]');
    await page.locator('[data-totp-error="wrong-code"]').waitFor();
    expect(await hasTotp(store, ids[ADA.email] as string)).toBe(true);
    await page.fill('[data-totp-off-code]', codeFor(adaSecret));
    await page.click('[data-totp-off]');
    await page.locator('[data-second-factor][data-totp-state="off"] [data-totp-done="off"]').waitFor();
    expect(await hasTotp(store, ids[ADA.email] as string)).toBe(false);
    await page.locator('[data-totp-begin]').waitFor();
  });
});
