/**
 * The materiality assessment over HTTP (issue #18; docs/registers.md "Materiality"), on a
 * PGlite store with accounts over examples/minimal: the administrator builds a survey (201), a
 * stale version is 412 and changes nothing; a viewer cannot build (403) or approve (403) but
 * sees the matrix; a preparer answers through the link (201, then 412 on a stale change); the
 * questionnaire workbook goes out and comes back (all or nothing, a bad cell named by sheet,
 * row and column); the matrix equals a hand count; the approved list reaches the report in both
 * languages; materiality.yaml round-trips.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole, type Role } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const PASSWORD = 'materiality password 12';

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;
const cookies = new Map<string, string>();
const USERS: [string, Role[]][] = [
  ['ada', ['administrator']],
  ['vic', ['viewer']],
  ['pam', ['preparer']],
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-materiality-http-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  app = createApp({ workspace: ws, accounts: { store } });
  const now = new Date();
  for (const [name, roles] of USERS) {
    const u = await addUser(store, { email: `${name}@example.com`, name, password: PASSWORD }, now);
    if (!u.ok) throw new Error(u.message);
    for (const role of roles)
      await grantRole(store, { userId: u.id, role, entityId: 'group', grantedBy: 'test' }, now);
    const r = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD }),
    });
    const cookie = /assay_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
    if (r.status !== 204 || !cookie) throw new Error(`sign-in of ${name}: ${r.status}`);
    cookies.set(name, cookie);
  }
}, 300_000);
afterAll(async () => {
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies of several shapes
type Body = Record<string, any>;
async function call(who: string, method: string, path: string, body?: unknown, headers: object = {}) {
  const r = await app.request(`/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: `assay_session=${cookies.get(who)}`, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = r.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await r.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return { status: r.status, body: (type.includes('json') ? JSON.parse(text) : {}) as Body, text, bytes };
}

const t = (en: string, zh: string) => ({ en, 'zh-Hant': zh });
const survey = {
  id: 'm2025',
  title: t('Materiality survey 2025', '2025年重要性問卷'),
  year: '2025',
  doubleMateriality: true,
  threshold: '3.5',
  groups: [
    { id: 'investors', name: t('Investors', '投資者'), weight: '2' },
    { id: 'staff', name: t('Staff', '員工'), weight: '1' },
  ],
  topics: [
    { id: 'energy', name: t('Energy use', '能源使用'), category: 'environmental', hkex: ['A2'] },
    { id: 'safety', name: t('Work safety', '安全生產'), category: 'social', hkex: ['B2'] },
  ],
};
const scores = (e: [number, number], s: [number, number]) => [
  { topicId: 'energy', financial: e[0], impact: e[1] },
  { topicId: 'safety', financial: s[0], impact: s[1] },
];

describe('materiality over HTTP', () => {
  it('builds a survey; a stale write is 412 and a viewer is 403', async () => {
    expect((await call('vic', 'POST', '/materiality/surveys', { survey })).status).toBe(403);
    const made = await call('ada', 'POST', '/materiality/surveys', { survey });
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ id: 'm2025', version: 1 });
    const changed = await call('ada', 'PUT', '/materiality/surveys/m2025', {
      survey: { ...survey, threshold: '3' },
      version: 1,
    });
    expect(changed.status).toBe(200);
    const stale = await call('ada', 'PUT', '/materiality/surveys/m2025', {
      survey: { ...survey, threshold: '4' },
      version: 1,
    });
    expect(stale.status).toBe(412);
    const staleHeader = await call(
      'ada',
      'PUT',
      '/materiality/surveys/m2025',
      { survey },
      { 'if-match': '"1"' },
    );
    expect(staleHeader.status).toBe(412);
    const view = await call('vic', 'GET', '/materiality/surveys/m2025');
    expect(view.status).toBe(200);
    expect(view.body.survey.threshold).toBe('3');
    const bad = await call('ada', 'POST', '/materiality/surveys', {
      survey: { ...survey, id: 'bad', groups: [{ ...survey.groups[0], weight: '-1' }], threshold: '9' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: Body) => i.column)).toEqual(['threshold', 'groups.0.weight']);
  });

  it('takes answers through the link and by questionnaire, and computes the matrix', async () => {
    const form = await call('pam', 'GET', '/materiality/surveys/m2025/form');
    expect(form.status).toBe(200);
    expect(form.body.response).toBeUndefined();
    const first = await call('pam', 'PUT', '/materiality/surveys/m2025/response', {
      groupId: 'staff',
      scores: scores([2, 5], [3, 3]),
    });
    expect(first.status).toBe(201);
    const again = await call('pam', 'PUT', '/materiality/surveys/m2025/response', {
      groupId: 'staff',
      scores: scores([1, 5], [3, 3]),
      version: 1,
    });
    expect(again.status).toBe(200);
    const stale = await call('pam', 'PUT', '/materiality/surveys/m2025/response', {
      groupId: 'staff',
      scores: scores([5, 5], [5, 5]),
      version: 1,
    });
    expect(stale.status).toBe(412);
    // a viewer may answer (any signed-in user) but not read others' answers
    expect((await call('vic', 'GET', '/materiality/surveys/m2025/responses')).status).toBe(403);

    const xlsx = await call('ada', 'GET', '/materiality/surveys/m2025/questionnaire.xlsx');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    const sheet = wb.getWorksheet('responses');
    if (!sheet) throw new Error('no responses sheet');
    const keys = (sheet.getRow(1).values as string[]).slice(1).map((h) => h.split('\n').pop());
    expect(keys).toEqual([
      'id',
      'respondent',
      'groupId',
      'energy.financial',
      'energy.impact',
      'safety.financial',
      'safety.impact',
    ]);
    sheet.addRow(['out-1', 'Outside investor A', 'investors', '5', '3', '1', '1']);
    sheet.addRow(['out-2', 'Outside investor B', 'investors', '4', '2', '2', '2']);
    // a bad score: the whole file is refused, the cell named
    sheet.addRow(['out-3', 'Outside staff C', 'staff', '6', '3', '2', '2']);
    const b64 = async () => Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const refused = await call('ada', 'POST', '/materiality/surveys/m2025/questionnaire', {
      xlsxBase64: await b64(),
    });
    expect(refused.status).toBe(422);
    expect(
      refused.body.error.issues.map((i: Body) => `${i.file} row ${i.row} ${i.column}: ${i.reason}`),
    ).toEqual([
      'questionnaire.xlsx [responses] row 4 energy.financial (D): scores.energy.financial: 6 is not a whole number from 1 to 5',
    ]);
    expect((await call('ada', 'GET', '/materiality/surveys/m2025/responses')).body.responses).toHaveLength(1);
    sheet.spliceRows(4, 1);
    const imported = await call('ada', 'POST', '/materiality/surveys/m2025/questionnaire', {
      xlsxBase64: await b64(),
    });
    expect(imported.body).toEqual({ imported: 2 });

    // Hand count. investors (w 2): energy f (5+4)/2 = 4.5, i (3+2)/2 = 2.5; safety 1.5, 1.5.
    // staff (w 1): energy f 1, i 5; safety 3, 3.
    // energy f = (2·4.5 + 1)/3 = 10/3 = 3.33; i = (2·2.5 + 5)/3 = 10/3 = 3.33
    // safety f = (2·1.5 + 3)/3 = 2.00; i = 2.00
    const view = await call('vic', 'GET', '/materiality/surveys/m2025');
    expect(view.body.matrix.points.map((p: Body) => [p.topic.id, p.financial, p.impact, p.proposed])).toEqual(
      [
        ['energy', '3.33', '3.33', true], // threshold 3
        ['safety', '2.00', '2.00', false],
      ],
    );
    expect(view.body.matrix.responses).toBe(3);
    const svg = await call('vic', 'GET', '/materiality/surveys/m2025/matrix.svg?lang=zh-Hant');
    expect([svg.status, svg.text.slice(0, 200)]).toEqual([200, expect.stringContaining('<svg')]);
    expect(svg.text).toContain('1. 能源使用');
  });

  it('approves the topic list (administrator only) and the report prints it in both languages', async () => {
    expect(
      (await call('vic', 'POST', '/materiality/surveys/m2025/approve', { topicIds: ['energy'] })).status,
    ).toBe(403);
    expect(
      (await call('pam', 'POST', '/materiality/surveys/m2025/approve', { topicIds: ['energy'] })).status,
    ).toBe(403);
    const ok = await call('ada', 'POST', '/materiality/surveys/m2025/approve', { topicIds: ['energy'] });
    expect(ok.status).toBe(200);
    const view = await call('vic', 'GET', '/materiality/surveys/m2025');
    expect(view.body.approval.value.approvedBy).toContain('ada');
    expect(view.body.requiredAspects).toEqual(['A2']);
    const again = await call('ada', 'POST', '/materiality/surveys/m2025/approve', {
      topicIds: ['energy', 'safety'],
      version: 9,
    });
    expect(again.status).toBe(412);

    const en = await call('vic', 'GET', '/reports/html?lang=en');
    expect(en.status).toBe(200);
    expect(en.text).toContain('Approved material topics (approved by');
    expect(en.text).toContain('Energy use');
    expect(en.text).toContain('3 responses to the survey');
    const zh = await call('vic', 'GET', '/reports/html?lang=zh-Hant');
    expect(zh.text).toContain('經審批的重要議題');
    // the material topics table from the computed scores, printed at one place, half-up (10/3 → 3.3)
    const table = /<table id="material-topics">.*?<\/table>/.exec(en.text)?.[0] ?? '';
    expect(table).toContain(
      '<td>Energy use</td><td>Environmental</td><td class="num">3.3</td><td class="num">3.3</td>',
    );
    expect(table).toContain(
      '<td>Work safety</td><td>Social</td><td class="num">2.0</td><td class="num">2.0</td>',
    );
  });

  it('round-trips materiality.yaml', async () => {
    const yaml = await call('ada', 'GET', '/export/materiality.yaml');
    expect(yaml.status).toBe(200);
    expect((await call('vic', 'GET', '/export/materiality.yaml')).status).toBe(403);
    expect(yaml.text).toContain('out-2');
    const broken = await call('ada', 'POST', '/import/materiality', {
      text: yaml.text.replace('weight: "2"', 'weight: "0"'),
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error.issues[0].column).toBe('assessments.0.survey.groups.0.weight');
    const same = await call('ada', 'POST', '/import/materiality', { text: yaml.text });
    expect(same.status).toBe(200);
    // nothing changed: no new revision of the survey, the responses or the approval
    const h = await call('vic', 'GET', '/materiality/surveys/m2025/history?kind=approval');
    expect(h.body.revisions).toHaveLength(1);
    expect((await call('ada', 'GET', '/export/materiality.yaml')).text).toBe(yaml.text);
  });
});
