/**
 * The reviewer's panel on the Cycle page and the Restatements page in the browser (issue #17;
 * journeys 3 and 6), in real Chromium (Debian /usr/bin/chromium via playwright-core) against a
 * real server on a loopback port over a real PGlite store holding examples/minimal, with
 * accounts: Lena Lead (administrator), Pia Preparer (preparer), Rita Reviewer (reviewer and
 * approver: she may not approve what she reviewed), Alex Approver (approver), all on the group.
 * Before the tests the administrator adds the smelter's 2024 headcount (150 men, 90 women) and
 * locks 2025, over the API.
 *
 * In English and in Chinese (zh-Hant):
 * (a) Rita opens the review panel of the group's economic unit and sees revenue 1,000 against
 *     last year's 950, +5.3 % (not highlighted), and of the smelter's employment unit: +100.0 %
 *     (highlighted as large), +11.1 % (notable) and the checker's year-on-year finding in the UI
 *     language with a link to its figure. Screenshot review-panel-<lang>.png.
 * (b) (English first: Lena sets base year 2025 through the page.) Pia files a restatement of a
 *     2025 value through the page (English: the mine's male headcount 150 → 155; Chinese: the
 *     smelter's diesel 100 → 90 t), after the page refuses an empty pick and a value typed as
 *     "1,000", and submits it; Rita reviews it and her approval is refused as self-approval with
 *     the message visible (English: the server's; Chinese: the page's sentence, the server's one
 *     click away) and nothing changes; Alex approves it; the report's JSON and HTML then carry
 *     the restatement note with the old and new values. Screenshots restatements-refused-<lang>
 *     and restatements-<lang> (Lena's view: base year, new request, the requests).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreWorkspace } from '@assay/app';
import { addUser, grantRole, type Role } from '@assay/app/access';
import { launchBrowser } from '@assay/render';
import type { Store } from '@assay/store';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen, type Started, WEB_ROOT } from '../src/start-server.js';
import {
  addAdministrator,
  checkedShot,
  type MinimalStore,
  minimalStoreWorkspace,
} from './browser-fixture.js';

type User = { email: string; name: string; password: string };
const LEAD: User = { email: 'lead@example.com', name: 'Lena Lead', password: 'correct horse battery' };
const PREPARER: User = { email: 'pia@example.com', name: 'Pia Preparer', password: 'prepare staple 2025' };
const REVIEWER: User = { email: 'rita@example.com', name: 'Rita Reviewer', password: 'review staple 2025' };
const APPROVER: User = { email: 'alex@example.com', name: 'Alex Approver', password: 'approve staple 2025' };

let fixture: MinimalStore;
let store: Store;
let ws: StoreWorkspace;
let server: Started;
let browser: Browser;

async function addWithRoles(user: User, roles: Role[]) {
  const added = await addUser(store, user, new Date());
  if (!added.ok) throw new Error(added.message);
  for (const role of roles)
    await grantRole(
      store,
      { userId: added.id, role, entityId: 'group', grantedBy: 'test set-up' },
      new Date(),
    );
}

/** An API address on the server (its url ends with "/"). */
const api = (path: string) => new URL(`/api${path}`, server.url).toString();

/** A signed-in API session of `user` (same-origin writes, as the browser sends them). */
async function apiSession(user: User): Promise<{ context: BrowserContext; headers: Record<string, string> }> {
  const context = await browser.newContext();
  const headers = { origin: new URL(server.url).origin };
  const signIn = await context.request.post(api('/session'), {
    data: { email: user.email, password: user.password },
    headers,
  });
  expect(signIn.status()).toBe(204);
  return { context, headers };
}

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('the web app is not built: npm run build -w @assay/web (the test set-up builds it)');
  fixture = await minimalStoreWorkspace('assay-restatement-browser-');
  ({ store, ws } = fixture);
  await addAdministrator(store, LEAD);
  await addWithRoles(PREPARER, ['preparer']);
  await addWithRoles(REVIEWER, ['reviewer', 'approver']);
  await addWithRoles(APPROVER, ['approver']);
  server = await listen(createApp({ workspace: ws, webRoot: WEB_ROOT, accounts: { store } }), 0);
  browser = await launchBrowser();
  // Last year's headcount of the smelter (for the review panel), then 2025 is locked.
  const { context, headers } = await apiSession(LEAD);
  try {
    for (const [id, gender, value] of [
      ['hc-s-m-24', 'male', '150'],
      ['hc-s-f-24', 'female', '90'],
    ] as const) {
      const added = await context.request.post(api('/data-points'), {
        headers,
        data: {
          id,
          entity: 'smelter',
          period: '2024',
          indicator: 'employees.headcount',
          disaggregation: `gender=${gender}`,
          value,
          unit: 'person',
          source: 'HR system',
          reason: 'prior year from the 2024 report',
        },
      });
      expect(added.status(), await added.text()).toBe(201);
    }
    const lock = await context.request.post(api('/periods/2025/lock'), {
      headers,
      data: { reason: 'all units approved by the ESG committee' },
    });
    expect(lock.status(), await lock.text()).toBe(201);
  } finally {
    await context.close();
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.dispose();
});

type Lang = 'en' | 'zh-Hant';

async function openAs(lang: Lang, user: User, hash: string): Promise<Page> {
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
  await form.locator('[data-email]').fill(user.email);
  await form.locator('[data-password]').fill(user.password);
  await form.locator('[data-sign-in-submit]').click();
  await page.locator('[data-current-user]', { hasText: user.name }).waitFor();
  return page;
}

/** The stored request's state and version. */
async function stored(id: number) {
  const r = await ws.restatements.get(id);
  return { state: r?.state, version: r?.version };
}

const TEXT = {
  en: {
    lastYearHead: 'Last year (2024)',
    revenueUnit: 'CNY million',
    change: '+5.3 %',
    noFindings: 'The checker has no findings on this unit.',
    title: 'Restatements',
    reason: 'The male headcount of the mine omitted five contractors.',
    pickOne: 'Tick at least one value to restate.',
    notNumber: 'Enter a number such as 1234.5',
    locked: '2025 is locked',
    selfApproval: 'you reviewed this restatement, so someone else must approve it',
    significance: 'Below the threshold',
    baseYearSaved: 'Base year 2025:',
    noteTitle: 'Restatements of information (GRI 2-4)',
  },
  'zh-Hant': {
    lastYearHead: '去年（2024年）',
    revenueUnit: '百萬元',
    change: '+5.3%',
    noFindings: '此單元沒有檢查結果。',
    title: '重述',
    reason: '十月份柴油發票重複入賬，須更正。',
    pickOne: '請至少剔選一項要重述的數值。',
    notNumber: '請輸入數字，例如 1234.5',
    locked: '2025年已鎖定',
    selfApproval: '此重述由您提交或審核，須由其他人審批',
    significance: '未達門檻',
    baseYearSaved: '基準年2025：',
    noteTitle: '資料重述（GRI 2-4）',
  },
} as const;

/** What each language restates: a data point in English, an activity line in Chinese. */
const RESTATE = {
  en: { fact: 'hc-m-m', kind: 'data-point', entity: 'mine', before: '150', after: '155', shown: '155' },
  'zh-Hant': {
    fact: 'd1',
    kind: 'activity-line',
    entity: 'smelter',
    before: '100',
    after: '90',
    shown: '90',
  },
} as const;

describe.each(['en', 'zh-Hant'] as const)('the review panel and restatements in the browser (%s)', (lang) => {
  const text = TEXT[lang];
  const restate = RESTATE[lang];
  const pages: Page[] = [];
  afterAll(async () => {
    for (const p of pages) await p.context().close();
  });

  it('(a) a reviewer opens the review panel: last year and the change, highlighted by size, and the findings', async () => {
    const page = await openAs(lang, REVIEWER, '#/cycle?period=2025');
    pages.push(page);
    await page.locator('[data-cycle-ready="2025"]').waitFor();
    const toggle = page.locator('[data-review-toggle="group/economic"]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator('tr[data-review-of="group/economic"]');
    await panel.locator('[data-review-ready]').waitFor();
    const revenue = panel.locator('tr[data-review-fact="rev-25"]');
    expect(await revenue.locator('[data-value]').textContent()).toBe(`1,000 ${text.revenueUnit}`);
    expect(await revenue.locator('[data-against="lastYear"]').textContent()).toBe(`950 ${text.revenueUnit}`);
    const change = revenue.locator('[data-change="lastYear"]');
    expect(await change.textContent()).toBe(text.change); // (1000 − 950) / 950 = 5.26… %
    expect(await change.getAttribute('data-change-level')).toBe('normal');
    // A year's previous period is last year: one comparison, headed "last year".
    expect(await panel.locator('thead th').allTextContents()).toContain(text.lastYearHead);
    expect(await panel.locator('[data-against="previous"]').count()).toBe(0);
    expect(await panel.locator('[data-no-findings]').textContent()).toBe(text.noFindings);

    await page.locator('[data-review-toggle="smelter/employment"]').click();
    const employment = page.locator('tr[data-review-of="smelter/employment"]');
    await employment.locator('[data-review-ready]').waitFor();
    const men = employment.locator('tr[data-review-fact="hc-s-m"] [data-change="lastYear"]');
    expect(await men.textContent()).toMatch(/^\+100\.0 ?%/); // 150 → 300
    expect(await men.getAttribute('data-change-level')).toBe('large');
    const women = employment.locator('tr[data-review-fact="hc-s-f"] [data-change="lastYear"]');
    expect(await women.textContent()).toMatch(/^\+11\.1 ?%/); // 90 → 100
    expect(await women.getAttribute('data-change-level')).toBe('notable');
    // The checker's findings, in the UI language, as the API gives them.
    const review = await page.context().request.get(api('/workflow/smelter/2025/employment'));
    const findings = ((await review.json()) as { findings: { id: string; message: Record<Lang, string> }[] })
      .findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const item = employment.locator(`li[data-finding="${f.id}"]`);
      expect(await item.locator('[data-finding-message]').textContent()).toBe(f.message[lang]);
    }
    const link = employment.locator('[data-finding-figure]').first();
    expect(await link.getAttribute('href')).toMatch(/^#\/figure\?id=employees\.headcount/);
    expect(await employment.locator('[data-severity="warning"]').count()).toBeGreaterThan(0);
    await checkedShot(page, `review-panel-${lang}`);
    // Closing it removes the panel.
    await page.locator('[data-review-toggle="group/economic"]').click();
    await panel.waitFor({ state: 'detached' });
  });

  // Once, in English: the base-year rules are the server's and the same in both languages; the
  // zh-Hant page is in the restatements-zh-Hant screenshot and files a restatement below.
  it.runIf(lang === 'en')('the administrator sets base year 2025 through the page', async () => {
    const page = await openAs(lang, LEAD, '#/restatements');
    pages.push(page);
    const panel = page.locator('section[data-base-year]');
    await panel.locator('[data-base-year-form]').waitFor();
    expect(await panel.getAttribute('data-base-year')).toBe('none');
    await panel.locator('[data-base-year-input]').fill('25');
    await panel.locator('[data-save-base-year]').click();
    await panel.locator('[role="alert"]').first().waitFor(); // a four-digit year, checked before sending
    await panel.locator('[data-base-year-input]').fill('2025');
    await panel.locator('[data-threshold-input]').fill('5');
    await panel.locator('[data-settings-reason]').fill('base year agreed by the ESG committee');
    await panel.locator('[data-save-base-year]').click();
    await page.locator('section[data-base-year="2025"]').waitFor();
    expect(await panel.locator('[data-base-year-now]').textContent()).toContain(text.baseYearSaved);
    expect(ws.snapshot().bundle.organisation.baseYear?.year).toBe('2025');
  });

  it('(b) a preparer files a restatement, a reviewer reviews, self-approval is refused, an approver approves; the report carries the note', async () => {
    // The preparer files it through the page.
    const pia = await openAs(lang, PREPARER, '#/restatements');
    pages.push(pia);
    await pia.locator('[data-restatements-ready]').waitFor();
    expect(await pia.locator('main h1').textContent()).toBe(text.title);
    expect(await pia.locator('[data-nav="restatements"]').getAttribute('class')).toBe('active');
    expect(await pia.locator('section[data-base-year]').count()).toBe(0); // administrators only
    const form = pia.locator('section[data-new-restatement]');
    await form.locator('select[data-change]').selectOption('error-correction');
    await form.locator('[data-restatement-reason]').fill(text.reason);
    await form.locator('select[data-restatement-period]').selectOption('2025');
    await form.locator('table[data-candidates="2025"]').waitFor();
    expect(await form.locator('[data-period-lock]').textContent()).toContain(text.locked);
    await form.locator('[data-file-restatement]').click();
    expect(await form.locator('[data-pick-one]').textContent()).toBe(text.pickOne);
    const value = form.locator(`input[data-new-value="${restate.fact}"]`);
    await value.fill('1,000');
    expect(await form.locator(`input[data-pick="${restate.fact}"]`).isChecked()).toBe(true); // typing ticks it
    await form.locator('[data-file-restatement]').click();
    expect(await form.locator('[data-value-problem="notNumber"]').textContent()).toContain(text.notNumber);
    await value.fill(restate.after);
    await form.locator('[data-file-restatement]').click();
    const filed = form.locator('[data-filed]');
    await filed.waitFor();
    const id = Number(await filed.getAttribute('data-filed'));
    expect(id).toBeGreaterThan(0);
    const card = (page: Page) => page.locator(`article[data-restatement="${id}"]`);
    await card(pia).waitFor();
    const item = card(pia).locator(`tr[data-item="${restate.fact}"]`);
    expect(await item.locator('[data-old]').textContent()).toContain(restate.before);
    expect(await item.locator('[data-new]').textContent()).toContain(restate.shown);
    expect(await card(pia).locator('[data-reason]').textContent()).toBe(text.reason);
    await card(pia).locator('[data-restatement-action="submit"]').click();
    await card(pia).locator('[data-restatement-state="submitted"]').waitFor();
    expect(await stored(id)).toEqual({ state: 'submitted', version: 2 });

    // The reviewer reviews it, and may not also approve it.
    const rita = await openAs(lang, REVIEWER, '#/restatements');
    pages.push(rita);
    await card(rita).locator('[data-restatement-action="review"]').click();
    await card(rita).locator('[data-restatement-state="reviewed"]').waitFor();
    await card(rita).locator('[data-restatement-action="approve"]').click();
    const refusal = card(rita).locator('[data-rule="self-approval"]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await refusal.locator('[data-refusal-text]').textContent()).toContain(text.selfApproval);
    if (lang === 'zh-Hant')
      expect(await refusal.locator('[data-server-message]').textContent()).toContain(TEXT.en.selfApproval);
    expect(await stored(id)).toEqual({ state: 'reviewed', version: 3 });
    expect(await card(rita).locator('[data-restatement-state]').getAttribute('data-restatement-state')).toBe(
      'reviewed',
    );
    await checkedShot(rita, `restatements-refused-${lang}`);

    // The approver approves it.
    const alex = await openAs(lang, APPROVER, '#/restatements');
    pages.push(alex);
    await card(alex).locator('[data-restatement-action="approve"]').click();
    await card(alex).locator('[data-restatement-state="approved"]').waitFor();
    expect(await stored(id)).toEqual({ state: 'approved', version: 4 });
    await card(alex).locator('[data-approved-by]').waitFor();
    expect(await card(alex).locator('[data-approved-by]').textContent()).toContain(APPROVER.name);
    expect(await card(alex).locator('[data-reviewed-by]').textContent()).toContain(REVIEWER.name);
    expect(await card(alex).locator('[data-submitted-by]').textContent()).toContain(PREPARER.name);
    // Base year 2025 is set: the request was weighed against it, as the API gives it.
    expect(await card(alex).locator('[data-significance]').getAttribute('data-significance')).toBe(
      'not-significant',
    );
    expect(await card(alex).locator('[data-verdict]').textContent()).toContain(text.significance);

    // The report's note: the value as reported and as restated.
    const { context } = await apiSession(LEAD);
    try {
      const json = await context.request.get(api('/reports/json?lang=en'));
      expect(json.status()).toBe(200);
      const note = ((await json.json()) as { restatements: { restatements: Record<string, unknown>[] } })
        .restatements;
      expect(note.restatements.find((r) => r.id === id)).toMatchObject({
        id,
        change: 'error-correction',
        reason: text.reason,
        items: [
          {
            factId: restate.fact,
            entityId: restate.entity,
            periodId: '2025',
            before: restate.before,
            after: restate.after,
          },
        ],
      });
      const html = await context.request.get(api(`/reports/html?lang=${lang}`));
      expect(html.status()).toBe(200);
      const body = (await html.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(body).toContain(text.noteTitle);
      expect(body).toContain(text.reason);
      expect(body).toMatch(new RegExp(`2025 \\S+ ${restate.before} ${restate.after}`));
    } finally {
      await context.close();
    }

    // The administrator's view of the page (base year, new request, the requests).
    const lena = await openAs(lang, LEAD, '#/restatements');
    pages.push(lena);
    await card(lena).locator('[data-restatement-state="approved"]').waitFor();
    await lena.locator('section[data-base-year="2025"]').waitFor();
    await lena.locator('section[data-new-restatement] select[data-restatement-period]').selectOption('2025');
    await lena.locator('table[data-candidates="2025"]').waitFor();
    await checkedShot(lena, `restatements-${lang}`);
  });
});
