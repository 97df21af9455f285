/**
 * The collection cycle and evidence files in the browser (issue #17), in real Chromium (Debian
 * /usr/bin/chromium via playwright-core) against a real server on a loopback port over a real
 * PGlite store in a temp folder holding examples/minimal (group → smelter, mine), with accounts.
 * In English and in Chinese (zh-Hant), on a unit of its own each (smelter × 2025 × employment,
 * mine × 2025 × employment): the administrator (who also holds preparer and approver on the
 * group) signs in on the Cycle page, submits the unit and sees its state change; a reviewer
 * reviews it meanwhile (over the API), so the administrator's exception on the version shown is
 * refused 412 and the list is fetched again; approving is then refused as self-approval with the
 * server's message (English) or its Chinese sentence (zh-Hant; the original one click away), and
 * nothing changes. On the data grid the administrator attaches a PDF to a data point and sees it
 * listed, and an HTML file named .pdf is refused with the server's message naming the problem,
 * and not listed. In English the administrator also locks the period, a submit is then refused
 * 409 period-locked, and unlocks it. Screenshots (checkedShot: nothing wider than 1280 px, nav
 * labels on one line) go to artifacts/screenshots/cycle-<lang>.png and evidence-<lang>.png.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreWorkspace } from '@assay/app';
import { addUser, grantRole } from '@assay/app/access';
import { launchBrowser } from '@assay/render';
import type { Store } from '@assay/store';
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

const ADMIN = { email: 'lead@example.com', name: 'Lena Lead', password: 'correct horse battery' };
const REVIEWER = { email: 'rita@example.com', name: 'Rita Reviewer', password: 'review staple 2025' };
/** A minimal PDF: the type is read from its first bytes ("%PDF-"). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>\n');

let fixture: MinimalStore;
let store: Store;
let ws: StoreWorkspace;
let server: Started;
let browser: Browser;
let reviewerId: string;

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('the web app is not built: npm run build -w @assay/web (the test set-up builds it)');
  fixture = await minimalStoreWorkspace('assay-cycle-browser-');
  ({ store, ws } = fixture);
  const adminId = await addAdministrator(store, ADMIN);
  // The administrator submits and approves nothing unless granted those roles (docs/workflow.md).
  for (const role of ['preparer', 'approver'])
    await grantRole(
      store,
      { userId: adminId, role, entityId: 'group', grantedBy: 'test set-up' },
      new Date(),
    );
  const reviewer = await addUser(store, REVIEWER, new Date());
  if (!reviewer.ok) throw new Error(reviewer.message);
  reviewerId = reviewer.id;
  await grantRole(
    store,
    { userId: reviewerId, role: 'reviewer', entityId: 'group', grantedBy: 'test set-up' },
    new Date(),
  );
  server = await listen(createApp({ workspace: ws, webRoot: WEB_ROOT, accounts: { store } }), 0);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.dispose();
});

/** The unit's state and version as stored (the workflow's records). */
async function stored(entityId: string, topic: string) {
  const u = (await ws.cycle.units('2025')).find((x) => x.entityId === entityId && x.topic === topic);
  return { state: u?.state ?? 'draft', version: u?.version ?? 0 };
}

/** An API address on the server (its url ends with "/"). */
const api = (path: string) => new URL(`/api${path}`, server.url).toString();

/** The reviewer reviews a unit over the API (a session of their own, same-origin writes). */
async function reviewAsReviewer(entityId: string, topic: string, version: number) {
  const context = await browser.newContext();
  try {
    const origin = { origin: new URL(server.url).origin };
    const signIn = await context.request.post(api('/session'), {
      data: { email: REVIEWER.email, password: REVIEWER.password },
      headers: origin,
    });
    expect(signIn.status()).toBe(204);
    const review = await context.request.post(api(`/workflow/${entityId}/2025/${topic}/review`), {
      data: { version },
      headers: origin,
    });
    expect(review.status(), await review.text()).toBe(200);
  } finally {
    await context.close();
  }
}

type Lang = 'en' | 'zh-Hant';
const TEXT = {
  en: {
    title: 'Collection cycle',
    submitted: 'Submitted',
    reviewed: 'Reviewed',
    selfApproval: 'you submitted this unit, so someone else must approve it',
    stale: 'someone acted on it meanwhile',
    attached: 'invoice.pdf is attached.',
    refusedLead: 'fake.pdf was not uploaded: its content is not an allowed type.',
    why: 'only two people in the team this month',
  },
  'zh-Hant': {
    title: '數據收集週期',
    submitted: '已提交',
    reviewed: '已審核',
    selfApproval: '此單元由您提交或審核，須由其他人審批',
    stale: '其他人剛處理了此單元。',
    attached: '已附加 invoice.pdf。',
    refusedLead: '未能上載 fake.pdf：檔案內容不屬允許的類型',
    why: '本月團隊只有兩人',
  },
} as const;

async function openAs(lang: Lang, hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((l) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'assay.lang',
      l,
    );
  }, lang);
  const page = await context.newPage();
  await page.goto(`${server.url}${hash}`);
  const form = page.locator('form[data-sign-in-form]');
  await form.locator('[data-email]').fill(ADMIN.email);
  await form.locator('[data-password]').fill(ADMIN.password);
  await form.locator('[data-sign-in-submit]').click();
  await page.locator('[data-current-user]', { hasText: ADMIN.name }).waitFor();
  return page;
}

describe.each([
  ['en', 'smelter', 'hc-s-f'],
  ['zh-Hant', 'mine', 'hc-m-f'],
] as const)('the collection cycle in the browser (%s)', (lang, entity, dataPoint) => {
  const text = TEXT[lang];
  const unitRow = (page: Page) => page.locator(`tr[data-unit="${entity}/employment"]`);
  let page: Page;
  afterAll(() => page?.context().close());

  it('submits a unit and sees its state change; a stale exception and self-approval are refused with the server’s message', async () => {
    page = await openAs(lang, '#/cycle');
    await page.locator('[data-cycle-ready="2025"]').waitFor();
    expect(await page.locator('main h1').textContent()).toBe(text.title);
    expect(await page.locator('[data-nav="cycle"]').getAttribute('class')).toBe('active');
    const row = unitRow(page);
    expect(await row.locator('[data-state]').getAttribute('data-state')).toBe('draft');

    await row.locator('[data-action="submit"]').click();
    await row.locator('[data-state="submitted"]').waitFor();
    expect(await row.locator('[data-state]').textContent()).toBe(text.submitted);
    await row.locator('[data-done="submit"]').waitFor();
    expect(await row.locator('td.col-submitter').textContent()).toBe(ADMIN.name);
    expect(await stored(entity, 'employment')).toEqual({ state: 'submitted', version: 1 });

    // Meanwhile the reviewer reviews it; this page still shows version 1.
    await reviewAsReviewer(entity, 'employment', 1);
    // Keyboard: the exception form opens on Enter, Escape closes it and focus goes back to its button.
    await row.locator('[data-action="exception"]').focus();
    await page.keyboard.press('Enter');
    const form = row.locator('form[data-comment-form="exception"]');
    await form.waitFor();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(
      await row
        .locator('[data-action="exception"]')
        .evaluate((b) => b === (b.ownerDocument as { activeElement: unknown }).activeElement),
    ).toBe(true);
    await row.locator('[data-action="exception"]').click();
    await form.locator('[data-send="exception"]').click();
    await form.locator('[data-field-error="comment"]').waitFor(); // required, checked before sending
    await form.locator('select[data-exception-user]').selectOption(reviewerId);
    await form.locator('[data-comment]').fill(text.why);
    await form.locator('[data-send="exception"]').click();
    const stale = row.locator('[data-refusal="stale-version"]');
    await stale.waitFor();
    expect(await stale.locator('[data-refusal-text]').textContent()).toContain(text.stale);
    await row.locator('[data-state="reviewed"]').waitFor(); // fetched again after the refusal
    expect(await row.locator('td.col-reviewer').textContent()).toBe(REVIEWER.name);
    expect(await stored(entity, 'employment')).toEqual({ state: 'reviewed', version: 2 });

    await row.locator('[data-action="approve"]').click();
    const refusal = row.locator('[data-rule="self-approval"]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await refusal.locator('[data-refusal-text]').textContent()).toContain(text.selfApproval);
    if (lang === 'zh-Hant')
      // The server's own words are kept one click away (English).
      expect(await refusal.locator('[data-server-message]').textContent()).toContain(TEXT.en.selfApproval);
    expect(await stored(entity, 'employment')).toEqual({ state: 'reviewed', version: 2 });
    expect(await row.locator('[data-state]').textContent()).toBe(text.reviewed);
    await checkedShot(page, `cycle-${lang}`);
    if (lang === 'zh-Hant') {
      // Switching the language re-renders the page's i18next text in place; the refusal stays.
      await page.click('[data-lang-switch]');
      await page.locator('main h1', { hasText: TEXT.en.title }).waitFor();
      expect(await row.locator('[data-state]').textContent()).toBe(TEXT.en.reviewed);
      expect(await refusal.locator('[data-refusal-text]').textContent()).toContain(TEXT.en.selfApproval);
      await page.click('[data-lang-switch]');
      await page.locator('main h1', { hasText: text.title }).waitFor();
    }
  });

  it('attaches a PDF to a data point and lists it; an HTML file named .pdf is refused, saying why', async () => {
    await page.goto(`${server.url}#/data`);
    await page.locator('table.grid[data-ready="data"]').waitFor();
    await page.selectOption('select[name="entity"]', entity);
    await page.locator(`button[data-evidence="${dataPoint}"]`).click();
    const row = page.locator(`tr[data-evidence-of="${dataPoint}"]`);
    const input = row.locator('input[data-evidence-file]');
    await input.setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF });
    await row.locator('[data-evidence-upload]').click();
    await row.locator('[data-evidence-status]', { hasText: text.attached }).waitFor();
    await row.locator('tr[data-evidence-file-row="invoice.pdf"]').waitFor();
    expect(await row.locator('tr[data-evidence-file-row="invoice.pdf"] td').nth(1).textContent()).toBe('PDF');

    await input.setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: HTML });
    await row.locator('[data-evidence-upload]').click();
    const refused = row.locator('[data-evidence-refused="contentBase64"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(text.refusedLead);
    expect(await refused.locator('[data-server-message]').textContent()).toContain('starts like HTML');
    expect(await row.locator('tr[data-evidence-file-row]').count()).toBe(1);
    // As the server keeps them (the administrator's session): only the PDF.
    const listed = await page.context().request.get(api(`/data-points/${dataPoint}/evidence`));
    const files = ((await listed.json()) as { evidence: { fileName: string }[] }).evidence;
    expect(files.map((f) => f.fileName)).toEqual(['invoice.pdf']);
    await checkedShot(page, `evidence-${lang}`);
  });

  // Once, in English: collection-journey-browser.test.ts locks a period on this page in zh-Hant.
  it.runIf(lang === 'en')('locks the period, refuses a submit while locked, and unlocks it', async () => {
    await page.goto(`${server.url}#/cycle?period=2025`);
    const panel = page.locator('section[data-lock]');
    await panel.locator('[data-lock-action="lock"]').waitFor();
    await panel.locator('[data-lock-action="lock"]').click();
    await panel.locator('[role="alert"]').waitFor(); // the reason is required
    await panel.locator('[data-lock-reason]').fill('all units approved by the ESG committee');
    await panel.locator('[data-lock-action="lock"]').click();
    await page.locator('section[data-lock="locked"]').waitFor();
    expect(await panel.locator('[data-lock-state]').textContent()).toContain('2025 is locked since');
    await panel.locator('[data-not-approved]').waitFor();
    const group = page.locator('tr[data-unit="group/economic"]');
    await group.locator('[data-action="submit"]').click();
    await group.locator('[data-refusal="period-locked"]').waitFor();
    expect(await stored('group', 'economic')).toEqual({ state: 'draft', version: 0 });
    await panel.locator('[data-lock-reason]').fill('a correction approved by the committee');
    await panel.locator('[data-lock-action="unlock"]').click();
    await page.locator('section[data-lock="open"]').waitFor();
  });
});
