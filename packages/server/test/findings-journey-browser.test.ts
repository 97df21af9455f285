/**
 * The findings-as-work-items journey of issue #20 (docs/checks.md "Findings as work items"), end
 * to end in real Chromium (Debian /usr/bin/chromium via playwright-core) against a real server
 * on a loopback port over a real PGlite store, once in English and once in Chinese (zh-Hant),
 * each on a store of its own: examples/minimal with two 2024 values that make the year-on-year
 * rule fire: the mine's male and female headcounts (1 each, against 150 and 50 in 2025) and the
 * smelter's nickel output (1 t, against 10,000 t); the mine's total moves only because of them and
 * is not reported again (issue #24: year on year at the origin). Two accounts: Lena Lead (administrator of the group, the ESG lead) and
 * Rita Reviewer (reviewer of the group). Accounts and roles are the only set-up not done on a page
 * or through the API.
 *
 * 1. Lena opens Checks, filters the mine's findings and assigns the male-headcount finding to
 *    Rita (the row shows her; the store's history has an 'assign' record by Lena).
 * 2. Rita opens Checks, sees no accept button (a reviewer), and comments on the finding.
 * 3. Lena accepts the mine's female-headcount finding with a reason: the row shows it accepted,
 *    with the reason.
 * 4. Lena fixes the data behind the smelter's output finding (the 2024 value was 9,800 t, PUT
 *    /api/data-points through her session) and Checks, filtered to resolved findings, shows it
 *    resolved by the change set of that edit; the accepted finding is still accepted.
 * Screenshot (checkedShot: nothing wider than 1280 px): artifacts/screenshots/findings-<lang>.png.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addUser, grantRole, type Role } from '@assay/app/access';
import { type Bundle, type DataPoint, q } from '@assay/core';
import { launchBrowser } from '@assay/render';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen, type Started, WEB_ROOT } from '../src/start-server.js';
import { checkedShot, type MinimalStore, minimalStoreWorkspace } from './browser-fixture.js';

type Person = { email: string; name: string; password: string };
const LEAD: Person = { email: 'lead@example.com', name: 'Lena Lead', password: 'correct horse battery' };
const REVIEWER: Person = { email: 'rita@example.com', name: 'Rita Reviewer', password: 'review staple 2025' };
const ROLES: [Person, Role, string][] = [
  [LEAD, 'administrator', 'group'],
  [REVIEWER, 'reviewer', 'group'],
];

const MINE_MALE = 'employees.headcount[gender=male]@mine/2025';
const MINE_FEMALE = 'employees.headcount[gender=female]@mine/2025';
const OUTPUT_2024 = 'out-ni-2024';

/** examples/minimal with 2024 male and female headcounts of 1 at the mine and a 2024 nickel output of 1 t. */
function withPriorYear(b: Bundle): Bundle {
  const prior = (d: Omit<DataPoint, 'periodId' | 'source'>): DataPoint => ({
    ...d,
    periodId: '2024',
    source: 'demonstration data: last year’s report',
  });
  return {
    ...b,
    dataPoints: [
      ...b.dataPoints,
      prior({
        id: 'hc-m-m-2024',
        entityId: 'mine',
        indicatorId: 'employees.headcount',
        disaggregation: { gender: 'male' },
        quantity: q('1 person'),
      }),
      prior({
        id: 'hc-m-f-2024',
        entityId: 'mine',
        indicatorId: 'employees.headcount',
        disaggregation: { gender: 'female' },
        quantity: q('1 person'),
      }),
      prior({
        id: OUTPUT_2024,
        entityId: 'smelter',
        indicatorId: 'production.output',
        disaggregation: { product: 'nickel' },
        quantity: q('1 t'),
      }),
    ],
  };
}

type Lang = 'en' | 'zh-Hant';
const TEXT = {
  en: {
    comment: 'HR confirms 2024 counted only the pilot shaft: checking with the mine.',
    reason: 'The 2024 count covered the pilot shaft only; explained in the report’s note on headcount.',
  },
  'zh-Hant': {
    comment: '人力資源部確認 2024 年只計算了試驗井：正與礦場核實。',
    reason: '2024 年人數只涵蓋試驗井，已於報告的人數附註中說明。',
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

// biome-ignore lint/suspicious/noExplicitAny: response bodies read loosely; the test names the fields it expects
type Body = Record<string, any>;

describe.each(['en', 'zh-Hant'] as const)(
  'the findings journey of issue #20 in the browser (%s)',
  (lang: Lang) => {
    const text = TEXT[lang];
    let fixture: MinimalStore;
    let server: Started;
    const ids = new Map<Person, string>();
    const pages = new Map<Person, Page>();

    beforeAll(async () => {
      fixture = await minimalStoreWorkspace(`assay-findings-browser-${lang}-`, withPriorYear);
      for (const [who, role, entityId] of ROLES) {
        const added = await addUser(fixture.store, who, new Date());
        if (!added.ok) throw new Error(added.message);
        const granted = await grantRole(
          fixture.store,
          { userId: added.id, role, entityId, grantedBy: 'test set-up' },
          new Date(),
        );
        if (!granted.ok) throw new Error(granted.message);
        ids.set(who, added.id);
      }
      server = await listen(
        createApp({ workspace: fixture.ws, webRoot: WEB_ROOT, accounts: { store: fixture.store } }),
        0,
      );
    }, 120_000);
    afterAll(async () => {
      for (const p of pages.values()) await p.context().close();
      await server?.close();
      await fixture?.dispose();
    });

    const api = (path: string) => new URL(`/api${path}`, server.url).toString();
    async function getJson(who: Person, path: string): Promise<Body> {
      const r = await (pages.get(who) as Page).context().request.get(api(path));
      expect(r.status(), `${path}: ${await r.text()}`).toBe(200);
      return (await r.json()) as Body;
    }
    /** The finding of a figure, as the API lists it (any state). */
    async function findingOf(figureId: string): Promise<{ id: string; work: Body }> {
      const list = await getJson(LEAD, '/findings?state=all&rule=year-on-year');
      const f = (list.findings as Body[]).find((x) => x.where.figureId === figureId);
      if (!f) throw new Error(`no year-on-year finding of ${figureId}`);
      return { id: f.id, work: list.work[f.id] };
    }

    async function as(who: Person, hash: string): Promise<Page> {
      const target = `${server.url}${hash}`;
      let page = pages.get(who);
      if (!page) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addInitScript((l) => {
          (
            globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
          ).localStorage.setItem('assay.lang', l);
        }, lang);
        page = await context.newPage();
        pages.set(who, page);
        await page.goto(target);
        const form = page.locator('form[data-sign-in-form]');
        await form.locator('[data-email]').fill(who.email);
        await form.locator('[data-password]').fill(who.password);
        await form.locator('[data-sign-in-submit]').click();
        await page.locator('[data-current-user]', { hasText: who.name }).waitFor();
      } else if (page.url() === target) await page.reload();
      else await page.goto(target);
      return page;
    }

    /** A finding's row on the Checks page, filtered to an entity (and a state). */
    async function rowOn(page: Page, entity: string, figureId: string, state = 'current') {
      await page.locator('select[name="state"]').selectOption(state);
      await page.locator('select[name="rule"]').selectOption('year-on-year');
      await page.locator('select[name="entity"]').selectOption(entity);
      const row = page.locator('tr.finding', { has: page.locator(`[data-finding-figure="${figureId}"]`) });
      await row.first().waitFor();
      return row.first();
    }

    it('1. the ESG lead assigns a finding of the mine to the reviewer', async () => {
      const page = await as(LEAD, '#/checks');
      await page.locator('[data-count="open"]').waitFor();
      const row = await rowOn(page, 'mine', MINE_MALE);
      const { id } = await findingOf(MINE_MALE);
      expect(await row.getAttribute('data-finding')).toBe(id);
      await row.locator('select[name="assignee"]').selectOption(ids.get(REVIEWER) as string);
      await row.locator(`[data-assignee="${ids.get(REVIEWER)}"]`).waitFor();
      expect(await row.locator('[data-assignee]').textContent()).toContain('Rita Reviewer');
      const history = await getJson(LEAD, `/findings/${id}/history`);
      expect((history.history as Body[]).map((r) => [r.event, r.actor])).toEqual([
        ['seen', 'the checker'],
        ['assign', `${LEAD.name} <${LEAD.email}>`],
      ]);
    });

    it('2. the reviewer may not accept, but comments on it', async () => {
      const page = await as(REVIEWER, '#/checks');
      const row = await rowOn(page, 'mine', MINE_MALE);
      expect(await row.locator('[data-accept]').count()).toBe(0);
      expect(await row.locator('select[name="assignee"]').count()).toBe(0);
      await row.locator('[data-finding-comments-toggle]').click();
      const { id } = await findingOf(MINE_MALE);
      const post = page.locator(`[data-comment-post="finding:${id}"]`);
      await post.locator('[data-comment-text]').fill(text.comment);
      await post.locator('[data-comment-send]').click();
      await page
        .locator(`[data-thread="finding:${id}"] [data-comment-id]`, { hasText: text.comment })
        .waitFor();
      const thread = await getJson(REVIEWER, `/comments?target=finding:${id}`);
      expect((thread.comments as Body[]).map((c) => c.text)).toEqual([text.comment]);
    });

    it('3. the ESG lead accepts another finding with a reason', async () => {
      const page = await as(LEAD, '#/checks');
      const row = await rowOn(page, 'mine', MINE_FEMALE);
      await row.locator('[data-accept]').click();
      // A blank reason is refused on the page, nothing is sent.
      await row.locator('.accept-form button[type="submit"]').click();
      await row.locator('.accept-form .field-error').waitFor();
      await row.locator('.accept-form textarea').fill(text.reason);
      await row.locator('.accept-form button[type="submit"]').click();
      await row.locator('[data-work-state="accepted"]').waitFor();
      expect(await row.locator('[data-accepted]').textContent()).toContain(text.reason);
      const { work } = await findingOf(MINE_FEMALE);
      expect(work).toMatchObject({ state: 'accepted', accepted: { reason: text.reason } });
    });

    it('4. the data behind a third is fixed, and the finding resolves, linked to the change', async () => {
      const page = await as(LEAD, '#/checks');
      const output = 'production.output[product=nickel]@smelter/2025';
      await rowOn(page, 'smelter', output);
      const before = await findingOf(output);
      expect(before.work.state).toBe('open');
      const version = fixture.ws.snapshot().versionOf(OUTPUT_2024);
      const r = await page.context().request.put(api(`/data-points/${OUTPUT_2024}`), {
        headers: { 'content-type': 'application/json', 'if-match': `"${version}"` },
        data: { value: '9800', reason: 'the 2024 output from the audited production report' },
      });
      expect(r.status(), await r.text()).toBe(200);
      const [{ id: changeSet } = { id: '' }] = await fixture.store.query<{ id: string }>(
        'select max(id)::text as id from change_set',
      );
      await page.reload();
      const row = await rowOn(page, 'smelter', output, 'resolved');
      await row.locator('[data-work-state="resolved"]').waitFor();
      expect(await row.getAttribute('data-finding')).toBe(before.id);
      expect(await row.locator('[data-resolved]').getAttribute('data-resolved')).toBe(changeSet);
      const after = await findingOf(output);
      expect(after.work.resolved.revision).toBe(Number(changeSet));
      // An unrelated edit keeps the acceptance and the assignment.
      expect((await findingOf(MINE_FEMALE)).work.state).toBe('accepted');
      expect((await findingOf(MINE_MALE)).work.assignee.id).toBe(ids.get(REVIEWER));
      await page.locator('select[name="state"]').selectOption('all');
      await page.locator('select[name="entity"]').selectOption('');
      await page.locator('select[name="rule"]').selectOption('year-on-year');
      await page.locator('tr.finding').first().waitFor();
      await checkedShot(page, `findings-${lang}`);
    });

    it('5. the Checks page and a figure page use the page language: words, unit labels, entity names, factor statuses', async () => {
      const page = await as(LEAD, '#/checks');
      const row = await rowOn(page, 'mine', MINE_MALE);
      const shown = (await row.locator('td.col-expectedActual').textContent()) ?? '';
      const place = row.locator('[data-finding-entity]');
      // the id stays in the data attribute and the link; the text names the entity
      expect(await place.getAttribute('data-finding-entity')).toBe('mine');
      expect(await row.locator('[data-finding-figure]').getAttribute('data-finding-figure')).toBe(MINE_MALE);
      if (lang === 'zh-Hant') {
        expect(shown).toContain('變動不超過 ±30%，或已記錄解釋 / 1 → 150 人（+14900.0%）');
        expect(shown.match(/[A-Za-z]+/g)).toBeNull();
        expect(await place.textContent()).toContain('示例礦業');
      } else {
        expect(shown).toContain('within ±30% or explained / 1 → 150 person (+14900.0%)');
        expect(await place.textContent()).toContain('Demo Mining');
      }
      await checkedShot(page, `findings-localised-${lang}`);

      const figure = 'ghg.scope1@group/2025';
      await page.goto(`${server.url}#/figure?${new URLSearchParams({ id: figure }).toString()}`);
      await page.locator('[data-ready="figure"]').waitFor();
      const statuses = page.locator('.node-detail .status[data-status]');
      await statuses.first().waitFor();
      const codes = await statuses.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      const labels = (await statuses.allTextContents()).map((t) => t.trim());
      expect(codes.length).toBeGreaterThan(0);
      const units = (await page.locator('[data-ready="figure"] .unit').allTextContents()).map((t) =>
        t.trim(),
      );
      if (lang === 'zh-Hant') {
        for (const l of labels) expect(['已核實', '已佐證', '未核實', '計算所得']).toContain(l);
        expect(units).toContain('噸二氧化碳當量');
        expect(units.filter((u) => u.includes('tCO2e'))).toEqual([]);
      } else {
        expect(labels).toEqual(
          codes.map(
            (c) =>
              ({
                VERIFIED: 'Verified',
                CORROBORATED: 'Corroborated',
                UNVERIFIED: 'Unverified',
                COMPUTED: 'Computed',
              })[c as 'VERIFIED'],
          ),
        );
        expect(units).toContain('tCO2e');
      }
      await checkedShot(page, `figure-${lang}`);
    });
  },
);
