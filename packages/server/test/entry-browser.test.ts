/**
 * The entry side of the collection cycle in the browser (issue #17; users-and-journeys.md
 * journeys 1 and 2), in real Chromium (Debian /usr/bin/chromium via playwright-core) against a
 * real server on a loopback port over a real PGlite store, once in English and once in Chinese
 * (zh-Hant), each on a store of its own: examples/minimal with 2026 as the reporting year and the
 * smelter's diesel of December 2025 (10 t) and January 2025 (9 t) to compare with.
 *
 * The administrator opens the 2026 cycle (monthly) on Assignments and assigns the smelter's
 * energy topic for January to the preparer, due 2026-02-10 (overdue by the server's clock: this
 * runs after that day), and sees the smelter's progress. The preparer (preparer role only) signs
 * in without a page named and lands on My tasks, where January's energy is due and flagged
 * overdue; opens its entry form, sees last period's (10 t) and last year's (9 t) diesel beside
 * the field, types 120 t and is warned (more than ten times both), a negative amount and is told
 * plainly, enters 12 t with its source; the line is changed meanwhile elsewhere (13 t), so saving
 * 14 t is refused 412 with both values shown and 14 kept, and "Use mine" saves it; attaches the
 * invoice PDF to the line, comments on it and submits the unit. The reviewer signs in, finds the
 * submission in the bell and marks it read, comments on the unit on the cycle page and chooses
 * Chinese for their e-mail on My security. Each step is checked against the store as well as the
 * page. Screenshots (checkedShot: nothing wider than
 * 1280 px, nav labels on one line): artifacts/screenshots/{assignments,tasks,entry,entry-warning}-<lang>.png.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addUser, grantRole } from '@assay/app/access';
import { type ActivityLine, type Bundle, q } from '@assay/core';
import { launchBrowser } from '@assay/render';
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
const PREPARER = { email: 'ann@example.com', name: 'Ann Preparer', password: 'diesel invoices 2026' };
const REVIEWER = { email: 'rita@example.com', name: 'Rita Reviewer', password: 'review staple 2025' };
type Person = typeof ADMIN;
/** A minimal PDF: the type is read from its first bytes ("%PDF-"). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const diesel = (id: string, periodId: string, amount: string): ActivityLine => ({
  id,
  entityId: 'smelter',
  periodId,
  activity: 'fuel',
  subject: 'diesel',
  use: 'combustion',
  amount: q(`${amount} t`),
  attributes: {},
  source: 'fuel invoices',
});
/** 2026 as the reporting year, and last December's and last January's diesel of the smelter. */
const withDiesel = (b: Bundle): Bundle => ({
  ...b,
  reporting: { current: '2026', prior: ['2025', '2024'] },
  activityLines: [
    ...b.activityLines,
    diesel('diesel-2025-01', '2025-01', '9'),
    diesel('diesel-2025-12', '2025-12', '10'),
  ],
});
/** The row of the line still to enter (last period's and last year's diesel, not entered yet). */
const TO_ENTER = 'new:smelter|fuel|diesel|combustion';

type Lang = 'en' | 'zh-Hant';
const TEXT = {
  en: {
    assignments: 'Assignments',
    opened: 'Cycle 2026 is open: data entered monthly.',
    tasks: 'My tasks',
    overdue: 'overdue',
    previousHeader: 'Last period (December 2025)',
    lastYearHeader: 'Last year (January 2025)',
    previous: '10 t',
    lastYear: '9 t',
    warnLastYear: 'More than ten times last January (9 t): check the amount and the unit.',
    warnPrevious: 'More than ten times December 2025 (10 t)',
    negative: 'An amount cannot be negative.',
    attached: 'invoice-0117.pdf is attached.',
    submitted: 'Submitted: the reviewers have been told.',
    bellTitle: 'Submitted for your review: ',
    theirs: '(version 2 now): 13 t',
    mine: 'What you typed: 14 t.',
    version3: 'version 3',
  },
  'zh-Hant': {
    assignments: '任務指派',
    opened: '已開啟 2026 週期：按月填報。',
    tasks: '我的任務',
    overdue: '已逾期',
    previousHeader: '上期（2025年12月）',
    lastYearHeader: '去年同期（2025年1月）',
    previous: '10 噸',
    lastYear: '9 噸',
    warnLastYear: '超過去年1月（9 噸）的十倍：請檢查數量及單位。',
    warnPrevious: '超過2025年12月（10 噸）的十倍',
    negative: '數量不可為負數。',
    attached: '已附加 invoice-0117.pdf。',
    submitted: '已提交：系統已通知審核人。',
    bellTitle: '待你審核：',
    theirs: '（現為第 2 版）：13 噸',
    mine: '您輸入的是：14 噸。',
    version3: '第 3 版',
  },
} as const;

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('the web app is not built: npm run build -w @assay/web (the test set-up builds it)');
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe.each(['en', 'zh-Hant'] as const)('entering a month in the browser (%s)', (lang: Lang) => {
  const text = TEXT[lang];
  let fixture: MinimalStore;
  let server: Started;
  let preparerId: string;

  beforeAll(async () => {
    fixture = await minimalStoreWorkspace(`assay-entry-browser-${lang}-`, withDiesel);
    const { store } = fixture;
    await addAdministrator(store, ADMIN);
    for (const [who, role, entityId] of [
      [PREPARER, 'preparer', 'smelter'],
      [REVIEWER, 'reviewer', 'group'],
    ] as const) {
      const added = await addUser(store, who, new Date());
      if (!added.ok) throw new Error(added.message);
      await grantRole(store, { userId: added.id, role, entityId, grantedBy: 'test set-up' }, new Date());
      if (who === PREPARER) preparerId = added.id;
    }
    server = await listen(createApp({ workspace: fixture.ws, webRoot: WEB_ROOT, accounts: { store } }), 0);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await fixture?.dispose();
  });

  /** An API address on the server (its url ends with "/"). */
  const api = (path: string) => new URL(`/api${path}`, server.url).toString();
  /** A line's stored amount (exact decimal text). */
  const amountOf = (id: string) =>
    fixture.ws
      .snapshot()
      .bundle.activityLines.find((l) => l.id === id)
      ?.amount.value.toFixed();

  /** A new browser context in `lang`, signed in as `who` at `hash`. */
  async function signedIn(who: Person, hash: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((l) => {
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('assay.lang', l);
    }, lang);
    const page = await context.newPage();
    await page.goto(`${server.url}${hash}`);
    const form = page.locator('form[data-sign-in-form]');
    await form.locator('[data-email]').fill(who.email);
    await form.locator('[data-password]').fill(who.password);
    await form.locator('[data-sign-in-submit]').click();
    await page.locator('[data-current-user]', { hasText: who.name }).waitFor();
    return page;
  }

  it('the administrator opens the 2026 cycle, assigns the smelter’s energy for January and sees its progress', async () => {
    const page = await signedIn(ADMIN, '#/assignments');
    try {
      await page.locator('[data-assignments-ready]').waitFor();
      expect(await page.locator('main h1').textContent()).toBe(text.assignments);
      const open = page.locator('form[data-open-cycle]');
      await open.locator('[data-open-cycle-submit]').click();
      await open.locator('[role="alert"]').waitFor(); // the period is required, checked before sending
      await open.locator('[data-cycle-period]').fill('2026');
      await open.locator('[data-cycle-frequency]').selectOption('month');
      await open.locator('[data-open-cycle-submit]').click();
      await open.locator('[data-cycle-opened="2026"]', { hasText: text.opened }).waitFor();
      await page.locator('[data-assignments-ready="2026"]').waitFor();
      expect((await fixture.ws.assignments.cycles()).map((c) => [c.periodId, c.frequency])).toEqual([
        ['2026', 'month'],
      ]);

      const assign = page.locator('form[data-assign-form]');
      await assign.locator('[data-assign-submit]').click();
      await assign.locator('[data-field-error="topics"]').waitFor(); // a topic and a preparer are required
      await assign.locator('[data-assign-topic="energy"]').check();
      await assign.locator('[data-assign-entity]').selectOption('smelter');
      await assign.locator('[data-assign-period="2026-01"]').check();
      await assign.locator('[data-assign-assignee]').selectOption(preparerId);
      await assign.locator('[data-assign-due]').fill('2026-02-10');
      await assign.locator('[data-assign-submit]').click();
      await assign.locator('[data-assigned]').waitFor();
      const stored = await fixture.ws.assignments.list({ cycleId: '2026' });
      expect(stored.length).toBeGreaterThan(0);
      expect(
        new Set(stored.map((a) => `${a.entityId}/${a.periodId}/${a.topic}/${a.assignee}/${a.dueDate}`)),
      ).toEqual(new Set([`smelter/2026-01/energy/${preparerId}/2026-02-10`]));

      // Progress: one unit assigned, due and overdue (the due day has passed by the server's clock).
      const smelter = page.locator('tr[data-progress-entity="smelter"]');
      await smelter.waitFor();
      expect(await smelter.locator('[data-count="assigned"]').textContent()).toBe('1');
      expect(await smelter.locator('[data-count="overdue"]').textContent()).toBe('1');
      await page
        .locator(`[data-assignment-list="2026-01"] tr[data-assignment^="smelter/"]`)
        .first()
        .waitFor();
      expect(await page.locator('tr[data-assignment^="smelter/"]').count()).toBe(stored.length);
      await checkedShot(page, `assignments-${lang}`);
    } finally {
      await page.context().close();
    }
  });

  it('the preparer lands on My tasks, enters January’s diesel with last period and last year beside it, is warned at ten times, attaches the invoice and submits', async () => {
    const page = await signedIn(PREPARER, '');
    try {
      // No page named: a preparer starts on their tasks.
      await page.locator('[data-tasks-ready]').waitFor();
      expect(await page.locator('main h1').textContent()).toBe(text.tasks);
      expect(await page.locator('[data-nav="tasks"]').getAttribute('class')).toBe('active');
      expect(await page.locator('[data-nav="assignments"]').count()).toBe(0);
      const task = page.locator('[data-task-section="due"] tr[data-task="smelter/2026-01/energy"]');
      await task.waitFor();
      expect(await task.locator('[data-due-date]').textContent()).toBe('2026-02-10');
      expect(await task.locator('[data-overdue-flag]').textContent()).toContain(text.overdue);
      await checkedShot(page, `tasks-${lang}`);

      await task.locator('[data-open-task]').click();
      await page.locator('[data-entry-ready="smelter/2026-01/energy"]').waitFor();
      await page.locator('[data-lines-ready]').waitFor();
      expect(await page.locator('th[data-previous-period="2025-12"]').textContent()).toBe(
        text.previousHeader,
      );
      expect(await page.locator('th[data-last-year-period="2025-01"]').textContent()).toBe(
        text.lastYearHeader,
      );
      const row = page.locator(`tr[data-line="${TO_ENTER}"]`);
      expect(await row.locator(`[data-previous="${TO_ENTER}"]`).textContent()).toBe(text.previous);
      expect(await row.locator(`[data-last-year="${TO_ENTER}"]`).textContent()).toBe(text.lastYear);

      // Checked as typed: ten times last period and last year is a warning, a negative amount an error.
      const amount = row.locator(`[data-amount="${TO_ENTER}"]`);
      await amount.fill('120');
      await row.locator('[data-warning="tenTimesMore"]').nth(1).waitFor();
      const warnings = await row.locator('[data-warning]').allTextContents();
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toContain(text.warnPrevious);
      expect(warnings[1]).toBe(text.warnLastYear);
      expect(await amount.getAttribute('aria-invalid')).toBe('false');
      await checkedShot(page, `entry-warning-${lang}`);
      await amount.fill('-5');
      await row.locator(`[data-amount-error="${TO_ENTER}"]`, { hasText: text.negative }).waitFor();
      expect(await amount.getAttribute('aria-invalid')).toBe('true');
      expect(await row.locator('[data-warning]').count()).toBe(0);

      await amount.fill('12');
      await row.locator(`[data-source="${TO_ENTER}"]`).fill('fuel invoice INV-2026-0117');
      await amount.press('Enter'); // Enter in any of the row's fields saves it
      const saved = page.locator('tr[data-line-kind="line"]');
      await saved.waitFor();
      const lines = fixture.ws.snapshot().bundle.activityLines.filter((l) => l.periodId === '2026-01');
      expect(
        lines.map((l) => [
          l.entityId,
          l.subject,
          l.use,
          l.amount.value.toFixed(),
          l.amount.unit.symbol,
          l.source,
        ]),
      ).toEqual([['smelter', 'diesel', 'combustion', '12', 't', 'fuel invoice INV-2026-0117']]);
      const lineId = (lines[0] as ActivityLine).id;
      expect(await saved.getAttribute('data-line')).toBe(lineId);
      expect(await saved.locator(`[data-previous="${lineId}"]`).textContent()).toBe(text.previous);
      expect(await page.locator(`tr[data-line="${TO_ENTER}"]`).count()).toBe(0);

      // The invoice, on the line.
      await saved.locator(`[data-line-evidence="${lineId}"]`).click();
      const files = page.locator(`tr[data-evidence-of-line="${lineId}"]`);
      await files.locator('input[data-evidence-file]').setInputFiles({
        name: 'invoice-0117.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await files.locator('[data-evidence-upload]').click();
      await files.locator('[data-evidence-status]', { hasText: text.attached }).waitFor();
      await files.locator('tr[data-evidence-file-row="invoice-0117.pdf"]').waitFor();
      const listed = await page
        .context()
        .request.get(new URL(`/api/activity-lines/${lineId}/evidence`, server.url).toString());
      expect(
        ((await listed.json()) as { evidence: { fileName: string }[] }).evidence.map((f) => f.fileName),
      ).toEqual(['invoice-0117.pdf']);

      // Meanwhile the line is changed elsewhere (another tab: 13 t, version 2); this page still shows
      // version 1. Saving 14 t is refused 412: both values are shown, the typed one kept, and "Use
      // mine" saves it over theirs.
      const elsewhere = await page.context().request.put(api(`/activity-lines/${lineId}`), {
        data: { amount: '13', reason: 'meter re-read', version: 1 },
        headers: { origin: new URL(server.url).origin },
      });
      expect(elsewhere.status(), await elsewhere.text()).toBe(200);
      const savedAmount = saved.locator(`[data-amount="${lineId}"]`);
      await savedAmount.fill('14');
      await savedAmount.press('Enter');
      const conflict = saved.locator(`[data-conflict="${lineId}"]`);
      await conflict.locator('p', { hasText: text.theirs }).waitFor();
      expect(await conflict.textContent()).toContain(text.mine);
      expect(await savedAmount.inputValue()).toBe('14');
      expect(amountOf(lineId)).toBe('13');
      await conflict.locator(`[data-use-mine="${lineId}"]`).click();
      await conflict.waitFor({ state: 'detached' });
      await saved.locator('th', { hasText: text.version3 }).waitFor();
      expect(amountOf(lineId)).toBe('14');

      // A comment on the line.
      await saved.locator(`[data-line-comments="${lineId}"]`).click();
      const thread = page.locator(`[data-thread="activity-line:${lineId}"]`);
      await thread.locator('[data-comment-text]').fill('January invoice attached.');
      await thread.locator('[data-comment-send]').click();
      await thread.locator('li[data-comment-id]', { hasText: 'January invoice attached.' }).waitFor();
      await checkedShot(page, `entry-${lang}`);

      // Submit the unit with the version shown.
      await page.locator('[data-submit-unit]').click();
      await page.locator('[data-submitted="yes"]', { hasText: text.submitted }).waitFor();
      const unit = (await fixture.ws.cycle.units('2026-01')).find(
        (u) => u.entityId === 'smelter' && u.topic === 'energy',
      );
      expect(unit).toMatchObject({ state: 'submitted', version: 1 });
    } finally {
      await page.context().close();
    }
  });

  it('the reviewer finds the submission in the bell, marks it read, comments on the unit and sets the e-mail language', async () => {
    const page = await signedIn(REVIEWER, '#/cycle?period=2026-01');
    try {
      const bell = page.locator('button[data-bell]');
      await bell.locator('[data-unread="1"]').waitFor();
      await bell.click();
      const item = page.locator('[data-bell-panel] li[data-notification="submitted-for-review"]');
      await item.waitFor();
      expect(await item.locator('strong').textContent()).toContain(text.bellTitle);
      expect(await item.getAttribute('data-read')).toBe('no');
      await item.locator('[data-mark-read]').click();
      await page.locator('[data-bell-panel] li[data-read="yes"]').waitFor();
      await bell.locator('[data-unread]').waitFor({ state: 'detached' });
      // Keyboard: Escape closes the list and focus is back on the bell.
      await page.locator('[data-bell-panel] button').last().focus();
      await page.keyboard.press('Escape');
      await page.locator('[data-bell-panel]').waitFor({ state: 'detached' });
      expect(
        await bell.evaluate((b) => b === (b.ownerDocument as { activeElement: unknown }).activeElement),
      ).toBe(true);

      // The unit's comment thread on the cycle page.
      const unitRow = page.locator('tr[data-unit="smelter/energy"]');
      await unitRow.locator('[data-state="submitted"]').waitFor();
      await unitRow.locator('[data-unit-comments="unit:smelter/2026-01/energy"]').click();
      const thread = page.locator('[data-thread="unit:smelter/2026-01/energy"]');
      await thread.locator('[data-comment-text]').fill('Please attach the meter reading too.');
      await thread.locator('[data-comment-send]').click();
      await thread
        .locator('li[data-comment-id]', { hasText: 'Please attach the meter reading too.' })
        .waitFor();
      const comments = await page.context().request.get(api('/comments?target=unit:smelter/2026-01/energy'));
      expect(
        ((await comments.json()) as { comments: { text: string }[] }).comments.map((c) => c.text),
      ).toEqual(['Please attach the meter reading too.']);

      // The language of the reviewer's e-mail, on My security.
      await page.goto(`${server.url}#/tokens`);
      const choice = page.locator('section[data-notification-language]');
      await choice.locator('select[data-mail-language]').selectOption('zh-Hant');
      await choice.locator('[data-mail-language-save]').click();
      await choice.locator('[data-mail-language-saved="zh-Hant"]').waitFor();
      const preference = await page.context().request.get(api('/notifications/preferences'));
      expect(await preference.json()).toEqual({ language: 'zh-Hant' });
    } finally {
      await page.context().close();
    }
  });
});
