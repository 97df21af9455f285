/**
 * "My security" (#/tokens): changing one's password and the TOTP recovery codes, and the sign-in
 * page's recovery-code step, in real Chromium (Debian /usr/bin/chromium via playwright-core)
 * against a real server on a loopback port over a real PGlite store in a temp folder holding
 * examples/minimal (browser-fixture.ts), once in English and once in Chinese (zh-Hant), each
 * language with its own administrator in its own browser context.
 * Journey: a wrong current password is refused with the message beside the field (the fields
 * emptied), then the right one changes it: the other browser's session ends, this one stays;
 * after signing out the old password is refused and the new one signs in. A second factor is
 * enrolled through the app (as an authenticator app would, codes by `otpauth`); on the page a
 * wrong code is refused beside the field, a right one makes 10 recovery codes, read from the
 * page (monospace), from the downloaded text file and from the clipboard. Signing in with one
 * through "Use a recovery code" works once (typed in lower case with spaces), the count goes
 * from 10 to 9, the same code is refused the second time, and the link back to the 6-digit code
 * signs in with the app's code. Last, repeated wrong current passwords are throttled (429): the
 * form says how long to wait and the button waits.
 * The server's clock is the real one plus an offset moved by hand (a code's 30-second step is
 * accepted once; failures older than the throttle's delay no longer hold anyone up).
 * Screenshots (after the layout check) go to artifacts/screenshots/security-*-<lang>.png and
 * sign-in-recovery-<lang>.png. Needs the web build (npm run build -w @assay/web) and chromium.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreWorkspace } from '@assay/app';
import { beginTotpEnrolment, confirmTotpEnrolment, recoveryCodesLeft } from '@assay/app/access';
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

type Lang = 'en' | 'zh-Hant';

/** What each language's run expects to read on the page (locales/<lang>/security.ts and common.ts). */
const TEXT: Record<
  Lang,
  {
    heading: string;
    currentRequired: string;
    currentWrong: string;
    newTooShort: string;
    againDifferent: string;
    changed: string;
    codeWrong: string;
    unused: (n: number) => string;
    recoveryInstead: string;
    recoveryFormat: string;
    recoveryWrong: string;
    useRecoveryCode: string;
  }
> = {
  en: {
    heading: 'My account security',
    currentRequired: 'Enter your current password.',
    currentWrong: 'The current password is wrong.',
    newTooShort: 'The new password needs at least 12 characters.',
    againDifferent: 'The two new passwords are not the same.',
    changed: 'Every other session of yours (other browsers and devices) has been signed out',
    codeWrong: 'The code is wrong or was already used',
    unused: (n) => `Unused recovery codes: ${n}`,
    recoveryInstead: 'You may type one of your recovery codes instead of the 6-digit code.',
    recoveryFormat: 'A recovery code has 16 letters and digits',
    recoveryWrong: 'This recovery code is wrong or was already used.',
    useRecoveryCode: 'Use a recovery code',
  },
  'zh-Hant': {
    heading: '我的帳戶安全',
    currentRequired: '請輸入現時密碼。',
    currentWrong: '現時密碼不正確。',
    newTooShort: '新密碼最少須有 12 個字元。',
    againDifferent: '兩次輸入的新密碼不相同。',
    changed: '您在其他瀏覽器及裝置上的登入已全部登出',
    codeWrong: '驗證碼不正確或已使用過',
    unused: (n) => `未使用的復原碼：${n} 個`,
    recoveryInstead: '可以輸入其中一個復原碼，代替 6 位數字驗證碼。',
    recoveryFormat: '復原碼由 16 個英文字母及數字組成',
    recoveryWrong: '這個復原碼不正確或已使用過。',
    useRecoveryCode: '改用復原碼',
  },
};

type Person = { email: string; name: string; password: string; newPassword: string };
const PEOPLE: Record<Lang, Person> = {
  en: {
    email: 'lead@example.com',
    name: 'Lena Lead',
    password: 'correct horse battery',
    newPassword: 'a longer staple for 2026',
  },
  'zh-Hant': {
    email: 'chan@example.com',
    name: '陳大文',
    password: 'second admin staple',
    newPassword: '新的密碼 harbour 2026 九龍',
  },
};

/** Milliseconds added to the real clock for the server (sessions, codes, the throttle). */
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
const ids: Record<string, string> = {};

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('the web app is not built: npm run build -w @assay/web');
  fixture = await minimalStoreWorkspace('assay-security-browser-');
  ({ store, ws } = fixture);
  for (const who of Object.values(PEOPLE)) ids[who.email] = await addAdministrator(store, who);
  server = await listen(
    createApp({ workspace: ws, webRoot: WEB_ROOT, accounts: { store, now: serverNow } }),
    0,
  );
  browser = await launchBrowser();
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

/** A tab in a browser context of its own (its own cookies), in `lang`. */
async function newTab(lang: Lang): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const tab = await context.newPage();
  await tab.addInitScript((l) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'assay.lang',
      l,
    );
  }, lang);
  return tab;
}

async function sendPassword(page: Page, who: { email: string }, password: string) {
  const form = page.locator('form[data-sign-in-form]');
  await form.locator('[data-email]').fill(who.email);
  await form.locator('[data-password]').fill(password);
  await form.locator('[data-sign-in-submit]').click();
}

async function signOut(page: Page) {
  await page.click('[data-sign-out]');
  await page.locator('form[data-sign-in-form]').waitFor();
}

/** GET /api/session from the tab: the signed-in user's email, or null. */
const sessionUser = (page: Page) =>
  page.evaluate(async () => {
    const r = await fetch('/api/session');
    return ((await r.json()) as { user: { email: string } | null }).user?.email ?? null;
  });

/** The text of the element, with `allowed` (codes, names, product names) taken out: no Latin left. */
async function latinLeft(page: Page, selector: string, allowed: RegExp[]): Promise<string[]> {
  let text = (await page.locator(selector).textContent()) ?? '';
  for (const a of allowed) text = text.replace(a, ' ');
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}

const RECOVERY_CODE = /[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}/g;

describe.each(['en', 'zh-Hant'] as const)('My security in %s', (lang) => {
  const who = PEOPLE[lang];
  const text = TEXT[lang];
  let page: Page;
  let secret = '';
  let codes: string[] = [];

  beforeAll(async () => {
    page = await newTab(lang);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('changes the password: checked on sending, a wrong current one refused beside its field, other sessions end', async () => {
    // Another browser signed in as the same person: its session ends with the change.
    const other = await newTab(lang);
    await other.goto(server.url);
    await sendPassword(other, who, who.password);
    await other.locator('[data-current-user]').waitFor();
    expect(await sessionUser(other)).toBe(who.email);

    await page.goto(`${server.url}#/tokens`);
    await sendPassword(page, who, who.password);
    await page.locator('main h1', { hasText: text.heading }).waitFor();
    const form = page.locator('[data-change-password-form]');
    await form.waitFor();
    // without a second factor there are no recovery codes to show
    await page.locator('[data-second-factor][data-totp-state="off"]').waitFor();
    expect(await page.locator('[data-recovery-section]').count()).toBe(0);

    const current = form.locator('[data-current-password]');
    const fresh = form.locator('[data-new-password]');
    const again = form.locator('[data-new-password-again]');
    expect(await current.getAttribute('autocomplete')).toBe('current-password');
    expect(await fresh.getAttribute('autocomplete')).toBe('new-password');
    expect(await again.getAttribute('autocomplete')).toBe('new-password');
    expect(await current.getAttribute('type')).toBe('password');
    expect(await form.locator('input[autocomplete="username"]').inputValue()).toBe(who.email);

    // checked on sending, in the browser: nothing is sent
    await form.locator('[data-change-password-submit]').click();
    await form.locator('[data-field-error="currentPassword"]', { hasText: text.currentRequired }).waitFor();
    await form.locator('[data-field-error="newPassword"]', { hasText: text.newTooShort }).waitFor();
    await current.fill('not the password');
    await fresh.fill('eleven char');
    await again.fill('eleven char');
    await form.locator('[data-change-password-submit]').click();
    await form.locator('[data-field-error="newPassword"]', { hasText: text.newTooShort }).waitFor();
    await fresh.fill(who.newPassword);
    await again.fill(`${who.newPassword}!`);
    await form.locator('[data-change-password-submit]').click();
    await form.locator('[data-field-error="newPasswordAgain"]', { hasText: text.againDifferent }).waitFor();
    expect(await form.locator('[data-field-error="newPassword"]').count()).toBe(0);

    // sent: the server refuses the current password; the message stands beside that field
    await again.fill(who.newPassword);
    await form.locator('[data-change-password-submit]').click();
    const wrong = form.locator('[data-field-error="currentPassword"]', { hasText: text.currentWrong });
    await wrong.waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    expect(await current.getAttribute('aria-describedby')).toBe(await wrong.getAttribute('id'));
    // nothing typed is kept once sent
    for (const field of [current, fresh, again]) expect(await field.inputValue()).toBe('');
    expect(await sessionUser(other)).toBe(who.email);
    await checkedShot(page, `security-password-wrong-${lang}`);

    await current.fill(who.password);
    await fresh.fill(who.newPassword);
    await again.fill(who.newPassword);
    await form.locator('[data-change-password-submit]').click();
    await page.locator('[data-password-changed="true"]', { hasText: text.changed }).waitFor();
    for (const field of [current, fresh, again]) expect(await field.inputValue()).toBe('');
    expect(await form.locator('[data-field-error]').count()).toBe(0);
    expect(await sessionUser(page)).toBe(who.email);
    expect(await sessionUser(other)).toBeNull();
    await other.context().close();
  });

  it('after signing out the old password is refused and the new one signs in', async () => {
    await signOut(page);
    await sendPassword(page, who, who.password);
    await page.locator('[data-sign-in-error="bad-credentials"]').waitFor();
    expect(await page.locator('[data-current-user]').count()).toBe(0);
    await sendPassword(page, who, who.newPassword);
    await page.locator('[data-current-user]', { hasText: who.name }).waitFor();
  });

  it('makes recovery codes with a current code: shown once, monospace, copied and downloaded', async () => {
    const id = ids[who.email] as string;
    // The second factor turned on as the page would (its own journey is totp-browser.test.ts).
    const begun = await beginTotpEnrolment(store, id);
    if (!begun.ok) throw new Error(begun.message);
    secret = begun.secret;
    expect(await confirmTotpEnrolment(store, id, codeFor(secret), serverNow())).toEqual({ ok: true });
    await page.reload();
    const section = page.locator('[data-recovery-section]');
    await section.locator('[data-recovery-unused="0"]', { hasText: text.unused(0) }).waitFor();

    nextStep();
    const code = section.locator('[data-recovery-code]');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await code.fill(wrongCodeFor(secret));
    await section.locator('[data-make-recovery-codes]').click();
    await section.locator('[data-field-error="code"]', { hasText: text.codeWrong }).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.inputValue()).toBe('');
    expect(await recoveryCodesLeft(store, id)).toBe(0);

    await code.fill(codeFor(secret));
    await section.locator('[data-make-recovery-codes]').click();
    const list = section.locator('[data-recovery-codes]');
    await list.waitFor();
    codes = await list.locator('li code').allTextContents();
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(new Set(codes).size).toBe(10);
    const font = await list.evaluate(
      (el) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(
          el,
        ).fontFamily,
    );
    expect(font).toMatch(/mono/i);
    await section.locator('[data-recovery-unused="10"]', { hasText: text.unused(10) }).waitFor();
    expect(await recoveryCodesLeft(store, id)).toBe(10);
    expect(await section.locator('[data-field-error]').count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.locator('[data-download-recovery-codes]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('assay-recovery-codes.txt');
    const file = await readFile(await download.path(), 'utf8');
    expect(file.match(RECOVERY_CODE)).toEqual(codes);
    expect(file).toContain(who.email);

    await section.locator('[data-new-recovery-codes] .buttons button.small').click();
    const copied = await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    );
    expect(copied.split('\n')).toEqual(codes);

    await checkedShot(page, `security-codes-${lang}`);
    if (lang === 'zh-Hant') {
      // the sections are Chinese through: only codes, the example code shape and numbers are Latin
      expect(await latinLeft(page, '[data-change-password]', [])).toEqual([]);
      expect(await latinLeft(page, '[data-recovery-section]', [RECOVERY_CODE])).toEqual([]);
    }
  });

  it('signs in once with a recovery code through "Use a recovery code"; the count goes down by one', async () => {
    const id = ids[who.email] as string;
    await signOut(page);
    await sendPassword(page, who, who.newPassword);
    await page.locator('form[data-sign-in-form] [data-totp-code]').waitFor();
    await page.locator('[data-recovery-instead]', { hasText: text.recoveryInstead }).waitFor();
    const toggle = page.locator('[data-use-recovery-code="on"]');
    expect(await toggle.textContent()).toBe(text.useRecoveryCode);
    await toggle.click();
    const field = page.locator('form[data-sign-in-form] [data-recovery-code]');
    await field.waitFor();
    expect(await page.locator('[data-totp-code]').count()).toBe(0);
    expect(
      await field.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement),
    ).toBe(true);
    expect(await field.getAttribute('inputmode')).toBeNull();

    const used = codes[3] as string;
    // typed as someone might copy it by hand: lower case, spaces for hyphens
    const typed = used.toLowerCase().replaceAll('-', ' ');
    await field.fill(typed);
    await checkedShot(page, `sign-in-recovery-${lang}`);
    if (lang === 'zh-Hant') expect(await latinLeft(page, 'form[data-sign-in-form]', [/Assay/g])).toEqual([]);

    // what cannot be a recovery code is not sent
    await field.fill('ABCD-1234');
    await page.click('[data-sign-in-submit]');
    await page.locator('[data-sign-in-error="recovery-format"]', { hasText: text.recoveryFormat }).waitFor();
    if (lang === 'zh-Hant')
      expect(await latinLeft(page, '[data-sign-in-error]', [/K7QM-2XJD-P4RA-WN6T/g])).toEqual([]);
    await field.fill(typed);
    await page.click('[data-sign-in-submit]');
    await page.locator('[data-current-user]', { hasText: who.name }).waitFor();
    await page
      .locator('[data-recovery-section] [data-recovery-unused="9"]', { hasText: text.unused(9) })
      .waitFor();
    expect(await recoveryCodesLeft(store, id)).toBe(9);

    // used up: the same code is refused; the link back takes the app's code again
    await signOut(page);
    await sendPassword(page, who, who.newPassword);
    await page.click('[data-use-recovery-code="on"]');
    await field.fill(used);
    await page.click('[data-sign-in-submit]');
    await page.locator('[data-sign-in-error="recovery-wrong"]', { hasText: text.recoveryWrong }).waitFor();
    expect(await page.locator('[data-current-user]').count()).toBe(0);
    await page.click('[data-use-recovery-code="off"]');
    const totp = page.locator('form[data-sign-in-form] [data-totp-code]');
    await totp.waitFor();
    expect(await page.locator('[data-sign-in-error]').count()).toBe(0);
    nextStep();
    await totp.fill(codeFor(secret));
    await page.click('[data-sign-in-submit]');
    await page.locator('[data-current-user]', { hasText: who.name }).waitFor();
    expect(await recoveryCodesLeft(store, id)).toBe(9);
  });

  // Once, in English: the throttle counts the account's failures in every language alike.
  it.runIf(lang === 'en')(
    'after repeated wrong current passwords it says how long to wait, and waits',
    async () => {
      await page.click('[data-nav="tokens"]');
      const form = page.locator('[data-change-password-form]');
      await form.waitFor();
      const tryWrong = async () => {
        await form.locator('[data-current-password]').fill('not the password at all');
        await form.locator('[data-new-password]').fill(who.password);
        await form.locator('[data-new-password-again]').fill(who.password);
        await form.locator('[data-change-password-submit]').click();
      };
      // Nine failures, each after the wait the one before imposed (16 s at most): none throttled.
      for (let n = 1; n <= 9; n++) {
        offsetMs += 60_000;
        await tryWrong();
        await form.locator('[data-field-error="currentPassword"]', { hasText: text.currentWrong }).waitFor();
        expect(await form.locator('[data-password-throttled]').count()).toBe(0);
      }
      // The tenth at once: 429 with Retry-After (2^(9-5) = 16 s after the ninth failure).
      await tryWrong();
      const note = form.locator('[data-password-throttled]');
      await note.waitFor();
      const seconds = Number((/try again in (\d+) s/.exec((await note.textContent()) ?? '') ?? [])[1]);
      expect(seconds).toBeGreaterThan(10);
      expect(seconds).toBeLessThanOrEqual(16);
      expect(await form.locator('[data-change-password-submit]').isDisabled()).toBe(true);
      expect(await form.locator('[data-field-error="currentPassword"]').count()).toBe(0);
    },
  );
});
