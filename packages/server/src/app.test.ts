import { join } from 'node:path';
import { MemoryWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { CatalogueResponse } from './http/schemas.js';

const minimal = join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal');
const loaded = await loadBundle(minimal);
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;

let app: ReturnType<typeof createApp>;
beforeEach(() => {
  app = createApp({ workspace: new MemoryWorkspace(bundle, () => '2026-01-01T00:00:00Z') });
});

const put = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
const post = (path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
const revenue = async () => {
  const r = await app.request(`/api/figure?id=${encodeURIComponent('revenue@group/2025')}`);
  return ((await r.json()) as { figure: { value: string } }).figure.value;
};

describe('reading', () => {
  it('lists the organisation, catalogue and data points with versions', async () => {
    const org = (await (await app.request('/api/organisation')).json()) as { entities: unknown[] };
    expect(org.entities).toHaveLength(3);
    const dps = (await (await app.request('/api/data-points?entity=group')).json()) as {
      dataPoints: { id: string; version: number; unit: string }[];
    };
    expect(dps.dataPoints.find((d) => d.id === 'rev-25')).toMatchObject({ version: 1, unit: 'CNY million' });
  });
  it('publishes an OpenAPI document whose request bodies come from the zod schemas', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, never>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(JSON.stringify(doc.paths['/api/data-points/{id}'])).toContain('"reason"');
  });
  it('explains a figure down to the data points it rests on, with source and version', async () => {
    const r = await app.request(`/api/lineage?id=${encodeURIComponent('ghg.intensity.revenue@group/2025')}`);
    expect(r.status).toBe(200);
    type Node = {
      kind: string;
      fact: { id: string; source: string; version: number } | null;
      children: Node[];
    };
    const { lineage } = (await r.json()) as { lineage: Node };
    const facts: Node[] = [];
    const walk = (n: Node): void => {
      if (n.kind === 'fact') facts.push(n);
      for (const c of n.children) walk(c);
    };
    walk(lineage);
    expect(facts.map((f) => f.fact)).toContainEqual({
      id: 'rev-25',
      source: 'finance ledger',
      version: 1,
      evidence: null,
      comment: null,
    });
  });
  it('shows the overview with the prior year and the change', async () => {
    const o = (await (await app.request('/api/overview')).json()) as {
      headlines: { current: { indicatorId: string }; changePercent: string | null }[];
    };
    // revenue 1000 against 950 CNY million: +5.26 %
    expect(o.headlines.find((h) => h.current.indicatorId === 'revenue')?.changePercent).toBe('5.26');
  });
});

describe('errors carry a stable code, a message and the field at fault', () => {
  it('404 for an unknown data point, figure or route', async () => {
    const a = await put('/api/data-points/nope', { value: '1', reason: 'x', version: 1 });
    expect(a.status).toBe(404);
    expect(await a.json()).toMatchObject({ error: { code: 'not-found' } });
    const b = await app.request(`/api/figure?id=${encodeURIComponent('revenue@group/1999')}`);
    expect(b.status).toBe(404);
    expect((await app.request('/api/nothing-here')).status).toBe(404);
  });
  it('400 for a malformed value, naming the field', async () => {
    const r = await put('/api/data-points/rev-25', { value: '1,000', reason: 'typo', version: 1 });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: { code: 'invalid-request', field: 'value' } });
  });
  it('400 when the revision reason is missing', async () => {
    const r = await put('/api/data-points/rev-25', { value: '1', version: 1 });
    expect(await r.json()).toMatchObject({ error: { code: 'invalid-request', field: 'reason' } });
  });
  it('422 for a unit of the wrong dimension, by the core rules', async () => {
    const r = await put('/api/data-points/rev-25', { value: '1', unit: 'tCO2e', reason: 'x', version: 1 });
    expect(r.status).toBe(422);
    expect(await r.json()).toMatchObject({ error: { code: 'invalid-data', field: 'unit' } });
  });
  it('428 when the write does not say which version it edits', async () => {
    const r = await put('/api/data-points/rev-25', { value: '1', reason: 'x' });
    expect(r.status).toBe(428);
  });
});

describe('optimistic concurrency', () => {
  it('a write naming the current version makes a new revision and changes dependent figures', async () => {
    const intensity = async () => {
      const id = encodeURIComponent('ghg.intensity.revenue@group/2025');
      return ((await (await app.request(`/api/figure?id=${id}`)).json()) as { figure: { display: string } })
        .figure.display;
    };
    const before = await intensity();
    const r = await put(
      '/api/data-points/rev-25',
      { value: '1100', reason: 'audited accounts' },
      { 'If-Match': '"1"' },
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"2"');
    expect(await revenue()).toBe('1100');
    expect(await intensity()).not.toBe(before);
    // The response carries the figures the write changed, as GET /api/figure presents them.
    const body = (await r.json()) as { figures: { id: string }[]; removedFigures: string[] };
    const ids = body.figures.map((f) => f.id);
    expect(ids).toContain('revenue@group/2025');
    expect(ids).toContain('ghg.intensity.revenue@group/2025');
    expect(ids).not.toContain('ghg.scope1@group/2025'); // does not depend on revenue
    expect(body.removedFigures).toEqual([]);
    for (const f of body.figures) {
      const got = await app.request(`/api/figure?id=${encodeURIComponent(f.id)}`);
      expect(((await got.json()) as { figure: unknown }).figure).toEqual(f);
    }
    const h = (await (await app.request('/api/data-points/rev-25/history')).json()) as {
      revisions: { reason: string }[];
    };
    expect(h.revisions.map((x) => x.reason)).toEqual(['loaded from bundle', 'audited accounts']);
  });
  it('a stale write gets 412 and changes nothing', async () => {
    await put('/api/data-points/rev-25', { value: '1100', reason: 'first', version: 1 });
    const r = await put('/api/data-points/rev-25', { value: '1200', reason: 'second', version: 1 });
    expect(r.status).toBe(412);
    expect(await r.json()).toMatchObject({ error: { code: 'stale-version' } });
    expect(await revenue()).toBe('1100');
  });
  it('a dry run checks without writing', async () => {
    const r = await put('/api/data-points/rev-25?dryRun=true', { value: '5', reason: 'try', version: 1 });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ dryRun: true, figures: [], removedFigures: [] });
    expect(await revenue()).toBe('1000');
  });
  it('adding a fact that already exists is a conflict', async () => {
    const body = {
      entity: 'group',
      period: '2025',
      indicator: 'revenue',
      value: '1',
      unit: 'CNY million',
      source: 's',
      reason: 'r',
    };
    expect((await post('/api/data-points', body)).status).toBe(409);
    expect((await post('/api/data-points', { ...body, entity: 'smelter' })).status).toBe(201);
    // A quarter of a year that has its annual value overlaps it (issue #14): refused.
    expect((await post('/api/data-points', { ...body, period: '2024-Q1' })).status).toBe(422);
  });
});

describe('retraction', () => {
  const headcount = async () => {
    const id = encodeURIComponent('employees.headcount@mine/2025');
    return ((await (await app.request(`/api/figure?id=${id}`)).json()) as { figure: { value: string } })
      .figure.value;
  };
  it('retracts a data point at its current version: gone from the list and the figures, kept in its history', async () => {
    expect(await headcount()).toBe('200');
    const r = await post('/api/data-points/hc-m-f/retract', { reason: 'counted twice', version: 1 });
    expect(r.status).toBe(200);
    const body = (await r.json()) as Record<string, unknown> & { figures: { id: string; value: string }[] };
    expect(body).toMatchObject({ retracted: true, id: 'hc-m-f', version: 2, workspaceVersion: 2 });
    expect(body.removedFigures).toEqual(['employees.headcount[gender=female]@mine/2025']);
    expect(body.figures.find((f) => f.id === 'employees.headcount@mine/2025')?.value).toBe('150');
    const list = (await (await app.request('/api/data-points?entity=mine')).json()) as {
      dataPoints: { id: string }[];
    };
    expect(list.dataPoints.map((d) => d.id)).toEqual(['hc-m-m']);
    expect(await headcount()).toBe('150');
    const h = (await (await app.request('/api/data-points/hc-m-f/history')).json()) as {
      revisions: { version: number; retracted: boolean; reason: string }[];
    };
    expect(h.revisions.map((x) => [x.version, x.retracted, x.reason])).toEqual([
      [1, false, 'loaded from bundle'],
      [2, true, 'counted twice'],
    ]);
    // Retracted: unknown to a second retraction and to a change.
    expect((await post('/api/data-points/hc-m-f/retract', { reason: 'again', version: 2 })).status).toBe(404);
    expect((await put('/api/data-points/hc-m-f', { value: '1', reason: 'x', version: 2 })).status).toBe(404);
  });
  it('takes the version from If-Match too', async () => {
    const r = await app.request('/api/data-points/hc-m-f/retract', {
      method: 'POST',
      body: JSON.stringify({ reason: 'counted twice' }),
      headers: { 'content-type': 'application/json', 'If-Match': '"1"' },
    });
    expect(r.status).toBe(200);
  });
  it('412 for a stale version, 404 for an unknown data point, 400 without a reason, 428 without a version; none writes', async () => {
    const stale = await post('/api/data-points/hc-m-f/retract', { reason: 'x', version: 3 });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ error: { code: 'stale-version', field: 'version' } });
    expect(
      await (await post('/api/data-points/nope/retract', { reason: 'x', version: 1 })).json(),
    ).toMatchObject({
      error: { code: 'not-found' },
    });
    const noReason = await post('/api/data-points/hc-m-f/retract', { reason: ' ', version: 1 });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ error: { code: 'invalid-request', field: 'reason' } });
    expect((await post('/api/data-points/hc-m-f/retract', { reason: 'x' })).status).toBe(428);
    expect(
      (await post('/api/data-points/hc-m-f/retract', { reason: 'x', version: 1, extra: 1 })).status,
    ).toBe(400);
    expect(await headcount()).toBe('200');
  });
  it('adding a retracted data point again brings it back at the next version', async () => {
    await post('/api/data-points/hc-m-f/retract', { reason: 'counted twice', version: 1 });
    const body = {
      id: 'hc-m-f',
      entity: 'mine',
      period: '2025',
      indicator: 'employees.headcount',
      disaggregation: 'gender=female',
      value: '50',
      unit: 'person',
      source: 'HR system',
      reason: 'restored',
    };
    const r = await post('/api/data-points', body);
    expect(r.status).toBe(201);
    expect(await r.json()).toMatchObject({ dataPoint: { id: 'hc-m-f', version: 3 } });
    expect(await headcount()).toBe('200');
  });
  it('is in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, never> };
    const path = JSON.stringify(doc.paths['/api/data-points/{id}/retract']);
    expect(path).toContain('"reason"');
    expect(path).toContain('"412"');
  });
});

describe('indicator catalogue', () => {
  type Entry = {
    id: string;
    kind: string;
    unit: string;
    axes: string[];
    provisions: { subject: string; obligation: string; axes: string[] }[];
    current: {
      dataPoints: number;
      entities: number;
      groupFigure: { id: string; display: string | null } | null;
    };
  };
  type Catalogue = { period: string; groupEntity: string; indicators: Entry[] };
  const read = async () => (await (await app.request('/api/catalogue')).json()) as Catalogue;
  const entry = (c: Catalogue, id: string) => c.indicators.find((i) => i.id === id);

  it('gives each indicator its unit, axes, citing provisions and data in the current period', async () => {
    const c = await read();
    expect(c).toMatchObject({ period: '2025', groupEntity: 'group' });
    expect(c.indicators.length).toBeGreaterThan(100);
    const headcount = entry(c, 'employees.headcount');
    expect(headcount).toMatchObject({ kind: 'input', unit: 'person' });
    expect(headcount?.axes).toContain('gender');
    // HKEX KPI B1.1 asks for headcount by gender (among other breakdowns)
    expect(headcount?.provisions.find((p) => p.subject === 'hkex:B1.1')?.axes).toContain('gender');
    // examples/minimal: 4 headcount data points in 2025, at smelter and mine; group 300+100+150+50
    expect(headcount?.current).toEqual({
      dataPoints: 4,
      entities: 2,
      groupFigure: { id: 'employees.headcount@group/2025', display: '600', unit: 'person' },
    });
    const scope1 = entry(c, 'ghg.scope1');
    expect(scope1).toMatchObject({ kind: 'derived', current: { dataPoints: 0 } });
    expect(scope1?.current.groupFigure?.id).toBe('ghg.scope1@group/2025');
    expect(scope1?.provisions).toContainEqual(
      expect.objectContaining({ subject: 'hkex:D.MT.GHG.a', obligation: 'mandatory' }),
    );
    // no water data in the minimal bundle
    expect(entry(c, 'water.withdrawal')?.current).toMatchObject({ dataPoints: 0, groupFigure: null });
  });
  it('follows writes: a retracted data point leaves the counts and the group figure', async () => {
    const r = await post('/api/data-points/hc-m-f/retract', { reason: 'counted twice', version: 1 });
    expect(r.status).toBe(200);
    const headcount = entry(await read(), 'employees.headcount');
    expect(headcount?.current).toMatchObject({ dataPoints: 3, entities: 2, groupFigure: { display: '550' } });
  });
  it('answers with what the schema in the OpenAPI document describes', async () => {
    expect(CatalogueResponse.safeParse(await read()).success).toBe(true);
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, never> };
    expect(JSON.stringify(doc.paths['/api/catalogue'])).toContain('"groupFigure"');
  });
});

describe('CSV import and export', () => {
  const header = 'entity,period,indicator,value,unit,source';
  it('previews changes and row errors; an import with errors changes nothing', async () => {
    const csv = `${header}\ngroup,2025,revenue,1234,CNY million,ledger\nnowhere,2025,revenue,1,CNY million,ledger\n`;
    const p = await post('/api/import/data-points', { csv });
    const preview = (await p.json()) as {
      rows: { action: string }[];
      issues: { row: number; column: string }[];
      workspaceVersion: number;
    };
    expect(preview.rows.map((r) => r.action)).toEqual(['change']);
    expect(preview.issues[0]).toMatchObject({ row: 3, column: 'entity' });
    const a = await post('/api/import/data-points?apply=true', {
      csv,
      reason: 'import',
      version: preview.workspaceVersion,
    });
    expect(a.status).toBe(422);
    expect(await revenue()).toBe('1000');
  });
  it('applies a clean file, and refuses one previewed at a stale version', async () => {
    const csv = `${header}\ngroup,2025,revenue,1234,CNY million,ledger\n`;
    const a = await post('/api/import/data-points?apply=true', { csv, reason: 'import', version: 1 });
    expect(a.status).toBe(200);
    expect(await revenue()).toBe('1234');
    const b = await post('/api/import/data-points?apply=true', { csv, reason: 'again', version: 1 });
    expect(b.status).toBe(412);
  });
  it('exports CSV with formula-like text neutralised and a template for every entity', async () => {
    await put('/api/data-points/rev-25', { source: '=HYPERLINK("x")', reason: 'test', version: 1 });
    const csv = await (await app.request('/api/export/data-points.csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    // The full-width ＝ East Asian input methods type is a formula start too (issue #14, item 12).
    await put('/api/data-points/rev-25', { source: '＝HYPERLINK("x")', reason: 'test', version: 2 });
    const wide = await (await app.request('/api/export/data-points.csv')).text();
    expect(wide).toContain(`"'＝HYPERLINK(""x"")"`);
    const t = await (await app.request('/api/template/data-points.csv')).text();
    expect(t.split('\n')[0]).toBe(
      'entity,period,indicator,value,unit,source,id,disaggregation,evidence,comment',
    );
    expect(t).toContain('mine,2025,revenue,,CNY million');
  });
});

describe('checks, disclosures and reports', () => {
  it('lists check findings, filtered by severity, with a message in both languages', async () => {
    type Findings = {
      findings: { severity: string; message: { 'zh-Hant': string; en: string } }[];
      total: number;
    };
    const all = (await (await app.request('/api/findings')).json()) as Findings;
    const warnings = (await (await app.request('/api/findings?severity=warning')).json()) as Findings;
    expect(warnings.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(all.findings.length).toBe(all.total);
    for (const f of all.findings)
      expect(f.message.en.length * f.message['zh-Hant'].length).toBeGreaterThan(0);
  });
  it('lists each framework with the status of every provision', async () => {
    const r = (await (await app.request('/api/disclosures')).json()) as {
      frameworks: { framework: string; provisions: { subject: string; status: string }[] }[];
    };
    expect(r.frameworks.map((f) => f.framework)).toEqual(['hkex', 'gri']);
    expect(r.frameworks[0]?.provisions.length).toBeGreaterThan(10);
  });
  it('saves an explanation for an omission, and refuses a stale one', async () => {
    const { workspaceVersion } = (await (await app.request('/api/explanations')).json()) as {
      workspaceVersion: number;
    };
    const text = { 'zh-Hant': '本集團並無此類排放。', en: 'The group has no such emissions.' };
    const ok = await put('/api/explanations/hkex:A1.1', { text, version: workspaceVersion });
    expect(ok.status).toBe(200);
    const stale = await put('/api/explanations/hkex:A1.1', { text, version: workspaceVersion });
    expect(stale.status).toBe(412);
  });
  it('renders the report as HTML in the language asked for', async () => {
    const r = await app.request('/api/reports/html?lang=en');
    expect(r.headers.get('content-type')).toContain('text/html');
    const page = await r.text();
    expect(page).toContain('Demo Group');
    // Nothing is approved in the demo workspace: the report is a draft (issue #17).
    expect(page).toContain('<div class="draft-mark" aria-hidden="true">DRAFT</div>');
    const bad = await app.request('/api/reports/html?lang=fr');
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid-request', field: 'lang' } });
  });
});
