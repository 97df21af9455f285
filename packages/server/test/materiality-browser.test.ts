/**
 * The materiality journey in the browser (issue #18 acceptance; docs/registers.md
 * "Materiality"), in real Chromium (Debian /usr/bin/chromium via playwright-core) against a real
 * server over a PGlite store holding examples/minimal, with accounts. The administrator builds a
 * survey from the 12 HKEX aspects in English; two responses come through the respond link (the
 * administrator in English, a preparer in Chinese), 28 through a questionnaire workbook imported
 * on the page; the page shows 30 responses and the matrix (drawn by the server, every topic with
 * its scores); the administrator approves the proposed topic list; the report, in both
 * languages, prints the approved list with its approver; approving a narrower list (A1 only)
 * turns the content index's undisclosed B8.1 into "explained" by the approval, in both languages. Screenshots:
 * artifacts/screenshots/materiality-{admin-en,respond-zh-Hant,admin-zh-Hant}.png.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreWorkspace } from '@assay/app';
import { addUser, grantRole } from '@assay/app/access';
import { MATERIALITY_SEED_TOPICS, type SurveyResponse } from '@assay/core';
import { questionnaireSheet, rowSheetWorkbook } from '@assay/io';
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
const PREP = { email: 'pat@example.com', name: 'Pat Preparer', password: 'materiality answers 1' };
const ID = 'survey-2025';

let fixture: MinimalStore;
let store: Store;
let ws: StoreWorkspace;
let server: Started;
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('the web app is not built: npm run build -w @assay/web (the test set-up builds it)');
  fixture = await minimalStoreWorkspace('assay-materiality-browser-');
  ({ store, ws } = fixture);
  await addAdministrator(store, ADMIN);
  const pat = await addUser(store, PREP, new Date());
  if (!pat.ok) throw new Error(pat.message);
  await grantRole(
    store,
    { userId: pat.id, role: 'preparer', entityId: 'smelter', grantedBy: 'test set-up' },
    new Date(),
  );
  server = await listen(createApp({ workspace: ws, webRoot: WEB_ROOT, accounts: { store } }), 0);
  browser = await launchBrowser();
  tmp = await mkdtemp(join(tmpdir(), 'assay-materiality-upload-'));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.dispose();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function openAs(lang: 'en' | 'zh-Hant', who: typeof ADMIN, hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((l) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'assay.lang',
      l,
    );
  }, lang);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${lang}] page error: ${e.message}`));
  await page.goto(`${server.url}${hash}`);
  const form = page.locator('form[data-sign-in-form]');
  await form.locator('[data-email]').fill(who.email);
  await form.locator('[data-password]').fill(who.password);
  await form.locator('[data-sign-in-submit]').click();
  await page.locator('[data-current-user]', { hasText: who.name }).waitFor();
  return page;
}

/** Answer the respond page: the group, then every topic's two scores by a rule of its index. */
async function respond(page: Page, group: string, score: (i: number) => [number, number]) {
  await page.locator(`[data-survey-page="${ID}"]`).waitFor();
  await page.locator('[data-survey-group]').selectOption(group);
  for (const [i, t] of MATERIALITY_SEED_TOPICS.entries()) {
    const [f, m] = score(i);
    await page.locator(`[data-score="${t.id}.financial"]`).selectOption(String(f));
    await page.locator(`[data-score="${t.id}.impact"]`).selectOption(String(m));
  }
  await page.locator('[data-survey-submit]').click();
  await page.locator('[data-survey-note]').waitFor();
}

describe('the materiality journey in the browser', () => {
  it('builds a survey from 12 topics, collects 30 responses (link and XLSX), shows the matrix, approves, and the report prints it', async () => {
    const admin = await openAs('en', ADMIN, '#/materiality');
    await admin.locator('[data-materiality-page]').waitFor();
    expect(await admin.locator('main h1').textContent()).toBe('Materiality assessment');
    const builder = admin.locator('[data-builder]');
    await builder.waitFor();
    await builder.locator('[data-build="id"]').fill(ID);
    await builder.locator('[data-build="en"]').fill('2025 materiality survey');
    await builder.locator('[data-build="zh"]').fill('2025年重要性問卷');
    await builder.locator('[data-build="year"]').fill('2025');
    await builder.locator('[data-build="threshold"]').fill('3.5');
    for (const t of MATERIALITY_SEED_TOPICS) await builder.locator(`[data-build-topic="${t.id}"]`).check();
    expect(await builder.locator('[data-build-topic]:checked').count()).toBe(12);
    await builder.locator('[data-build-create]').click();
    await admin.locator(`[data-survey="${ID}"]`).waitFor();
    const survey = await ws.materiality.state(ID);
    expect(survey?.survey.value.topics).toHaveLength(12);
    const groups = survey?.survey.value.groups.map((g) => g.id) ?? [];
    expect(groups.length).toBeGreaterThan(0);

    // through the link: the administrator (en) and a preparer (zh-Hant)
    await admin.locator('[data-respond-link]').click();
    await respond(admin, groups[0] ?? '', (i) => [1 + (i % 5), 5 - (i % 5)]);
    expect(await admin.locator('[data-survey-note]').textContent()).toContain('version 1');
    const pat = await openAs('zh-Hant', PREP, `#/survey/${ID}`);
    await respond(pat, groups[groups.length - 1] ?? '', (i) => [i < 6 ? 5 : 2, i < 6 ? 4 : 1]);
    expect(await pat.locator('[data-survey-note]').textContent()).toContain('謝謝');
    expect(await pat.locator('main').textContent()).not.toMatch(/[A-Za-z]{4,}/); // no English on the Chinese page
    await checkedShot(pat, 'materiality-respond-zh-Hant');

    // 28 outside stakeholders by questionnaire, imported on the page
    const s = survey?.survey.value;
    if (!s) throw new Error('no survey');
    const outside: SurveyResponse[] = Array.from({ length: 28 }, (_, k) => ({
      id: `outside-${k + 1}`,
      surveyId: ID,
      groupId: groups[k % groups.length] ?? '',
      respondent: `Outside respondent ${k + 1}`,
      scores: s.topics.map((t, i) => ({
        topicId: t.id,
        financial: 1 + ((i + k) % 5),
        impact: 1 + ((i * 2 + k) % 5),
      })),
    }));
    const file = join(tmp, 'questionnaire.xlsx');
    await writeFile(file, await rowSheetWorkbook(questionnaireSheet(s), outside));
    await admin.goto(`${server.url}/#/materiality?survey=${ID}`);
    await admin.locator('[data-questionnaire-import]').setInputFiles(file);
    await admin.locator('[data-responses="30"]').waitFor();

    // the matrix: the server's drawing loads, every topic has both scores
    const img = admin.locator('img[data-matrix]');
    await img.waitFor();
    // loaded and drawn: an SVG of viewBox 640 × 440 shown 640 wide is over 400 px high (a broken image is not)
    await admin.waitForFunction(() => {
      type Img = { complete: boolean; getBoundingClientRect(): { height: number } };
      const doc = (globalThis as unknown as { document: { querySelector(s: string): Img | null } }).document;
      const el = doc.querySelector('img[data-matrix]');
      return el?.complete === true && el.getBoundingClientRect().height > 400;
    });
    expect(await admin.locator('tr[data-point] td.num').count()).toBe(24);
    expect(await admin.locator('tr[data-point] td.num', { hasText: '—' }).count()).toBe(0);
    const view = await ws.materiality.state(ID);
    expect(view?.responses).toHaveLength(30);

    // approve a list: the topics the rule proposes, and the first six aspects whatever their scores
    const pickedIds = MATERIALITY_SEED_TOPICS.slice(0, 6).map((t) => t.id);
    for (const id of pickedIds) await admin.locator(`[data-approve-topic="${id}"]`).check();
    const proposed = (await admin
      .locator('[data-approve-topic]:checked')
      .evaluateAll((els) =>
        els.map((e) => (e as unknown as { dataset: { approveTopic: string } }).dataset.approveTopic),
      )) as string[];
    await admin.locator('[data-approve]').click();
    await admin.locator('[data-approved]').waitFor();
    expect(await admin.locator('[data-approved]').textContent()).toContain('Lena Lead');
    await checkedShot(admin, 'materiality-admin-en');
    const approved = (await ws.materiality.state(ID))?.approval?.value.topicIds ?? [];
    expect([...approved].sort()).toEqual([...proposed].sort());
    expect(approved).toEqual(expect.arrayContaining(pickedIds));

    // the report, both languages
    // fetched by the signed-in page (its session cookie), as the report page's frame loads it
    const report = (lang: string) =>
      admin.evaluate(
        async (l) =>
          (
            await (globalThis as unknown as { fetch: typeof fetch }).fetch(`/api/reports/html?lang=${l}`)
          ).text(),
        lang,
      );
    const en = await report('en');
    expect(en).toContain('Approved material topics (approved by Lena Lead');
    expect(en).toContain('30 responses to the survey');
    expect(await report('zh-Hant')).toContain('經審批的重要議題（Lena Lead');

    const zh = await openAs('zh-Hant', ADMIN, `#/materiality?survey=${ID}`);
    await zh.locator('[data-approved]').waitFor();
    expect(await zh.locator('main h1').textContent()).toBe('重要性評估');
    await checkedShot(zh, 'materiality-admin-zh-Hant');

    // the approved list drives the content index (docs/frameworks.md "Materiality and
    // completeness"): approve A1 alone and B8's undisclosed KPIs read explained by the approval
    const version = (await ws.materiality.state(ID))?.approval?.version;
    const approve = await admin.evaluate(
      async (body) =>
        (
          await (globalThis as unknown as { fetch: typeof fetch }).fetch(
            `/api/materiality/surveys/${body.id}/approve`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ topicIds: ['hkex-a1'], version: body.version }),
            },
          )
        ).status,
      { id: ID, version },
    );
    expect(approve).toBe(200);
    const day = (await ws.materiality.state(ID))?.approval?.value.approvedOn ?? '';
    const row = (html: string, label: string) =>
      [...html.matchAll(/<tr><td>([^<]*)<\/td>(?:<td>[^<]*<\/td>)*<\/tr>/g)].find(
        (m) => m[1] === label,
      )?.[0] ?? '';
    const enAfter = await report('en');
    expect(row(enAfter, 'KPI B8.1')).toContain(
      `Explained: Not material under the materiality assessment approved on ${day}: aspect B8 is not among the approved material topics`,
    );
    expect(row(await report('zh-Hant'), 'KPI B8.1')).toContain(
      `已解釋：根據於${day}審批的重要性評估，層面B8不屬經審批的重要議題`,
    );
  });
});
