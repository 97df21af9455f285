/**
 * The two front doors over app's use cases, the `assay` command and the HTTP API, give the same
 * outcome for the same store content: the same figures (exact values, units, errors), the same
 * check findings, the same completeness per framework, the same report, the same data-point ids
 * after importing a good CSV, the same row/column/reason for a CSV with a bad row, and not-found
 * (exit 1 / HTTP 404) for retracting an unknown id.
 *
 * Real parts: PGlite data folders in a temporary directory (ASSAY_DATA_DIR); the CLI runs
 * in-process through main with its output captured; the API is createApp over a StoreWorkspace
 * on the same folder, called through app.request. PGlite lets one process hold a folder at a
 * time, so each door opens it in turn. The write cases open a store five to eight times (each
 * open runs migrations): up to 5 minutes on a loaded 2-core machine, hence their time limit.
 */
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import type { Bundle } from '@assay/core';
import { formatImportIssue, loadBundle } from '@assay/io';
import { createApp } from '@assay/server';
import { migrate, openPgliteStore } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, freshDataDir, MINIMAL } from './cli-harness.js';

type Request = (path: string, init?: { method?: string; body?: unknown }) => Promise<Response>;

let seed: Bundle;
let env: ReturnType<typeof freshDataDir>;

/** The API over the store in `dataDir` (ASSAY_DATA_DIR unless given), closed afterwards. */
async function overHttp<T>(fn: (request: Request) => Promise<T>, dataDir = env.dataDir): Promise<T> {
  const store = await openPgliteStore(dataDir);
  await migrate(store, new Date().toISOString());
  const opened = await StoreWorkspace.open(store, seed);
  if (!opened.ok) {
    await store.close();
    throw new Error(`the store could not be opened: ${opened.reason}`);
  }
  const app = createApp({ workspace: opened.workspace, author: 'tester' });
  try {
    return await fn((path, init = {}) =>
      Promise.resolve(
        app.request(path, {
          method: init.method ?? 'GET',
          ...(init.body === undefined
            ? {}
            : { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } }),
        }),
      ),
    );
  } finally {
    await opened.workspace.close();
  }
}

const json = async <T>(r: Response | Promise<Response>): Promise<T> => (await (await r).json()) as T;

beforeAll(async () => {
  const loaded = await loadBundle(MINIMAL);
  if (!loaded.ok) throw new Error('examples/minimal should load');
  seed = loaded.bundle;
  env = freshDataDir('assay-front-doors-');
  expect((await assay('import', MINIMAL)).code).toBe(0);
});
afterAll(() => env.restore());

describe('reading the same store through the CLI and the API', () => {
  it('calc: the same figures, exact values, units and errors', async () => {
    const cli = JSON.parse((await assay('calc', '--format', 'json')).out) as {
      figures: { id: string; exact: string | null; unit: string | null; error: { code: string } | null }[];
    };
    const api = await overHttp((req) =>
      json<{
        figures: { id: string; value: string | null; unit: string | null; error?: { code: string } }[];
      }>(req('/api/figures')),
    );
    expect(cli.figures.length).toBeGreaterThan(5);
    expect(cli.figures.map((f) => [f.id, f.exact, f.unit, f.error?.code ?? null])).toEqual(
      api.figures.map((f) => [f.id, f.value, f.unit, f.error?.code ?? null]),
    );
  });

  it('check: the same findings', async () => {
    const cli = JSON.parse((await assay('check', '--format', 'json')).out) as {
      summary: unknown;
      findings: unknown[];
    };
    const api = await overHttp((req) =>
      json<{ summary: unknown; findings: unknown[] }>(req('/api/findings')),
    );
    expect(cli.findings).toEqual(api.findings);
    expect(cli.summary).toEqual(api.summary);
  });

  it('disclosures: the same status of every provision, for each framework the bundle reports against', async () => {
    type Provision = { code: string; obligation: string; status: string; where: unknown; missing: unknown };
    const api = await overHttp((req) =>
      json<{ frameworks: { framework: string; provisions: Provision[]; findings: unknown[] }[] }>(
        req('/api/disclosures'),
      ),
    );
    expect(api.frameworks.map((f) => f.framework)).toEqual(seed.frameworks.frameworks);
    for (const fw of api.frameworks) {
      const cli = JSON.parse(
        (await assay('disclosures', '--framework', fw.framework, '--format', 'json')).out,
      ) as {
        provisions: Provision[];
        findings: unknown[];
      };
      const pick = (p: Provision) => [p.code, p.obligation, p.status, p.where, p.missing];
      expect(cli.provisions.map(pick)).toEqual(fw.provisions.map(pick));
      expect(cli.findings).toEqual(fw.findings);
    }
  });

  it('report: the same HTML, with the content indices of the frameworks the bundle names', async () => {
    const out = join(env.dir, 'report');
    expect((await assay('report', '--out', out, '--format', 'html', '--lang', 'en')).code).toBe(0);
    const cli = await readFile(join(out, 'report.en.html'), 'utf8');
    const api = await overHttp(async (req) => (await req('/api/reports/html?lang=en')).text());
    expect(cli).toBe(api);
    // examples/minimal reports against HKEX and GRI: their indices carry a status per provision;
    // SASAC's is only the outline's reference list (the CLI used to assess SASAC all the same).
    const section = (id: string) => {
      const from = cli.slice(cli.indexOf(`id="${id}"`));
      return from.slice(0, from.indexOf('</section>'));
    };
    expect(section('sec-hkex-index')).toContain('c-status');
    expect(section('sec-gri-index')).toContain('c-status');
    expect(section('sec-sasac-index')).toContain('SASAC');
    expect(section('sec-sasac-index')).not.toContain('c-status');
  });
});

describe('the report reads the store records beside the data', () => {
  it('a concluded case in the register: the same report JSON (B7.1 from the counts) through both doors', async () => {
    // Before, `assay report` over the store left out the case counts (and the survey's topics,
    // and the accepted findings) that the API's report route reads: the two reports differed.
    const store = await openPgliteStore(env.dataDir);
    await migrate(store, new Date().toISOString());
    const opened = await StoreWorkspace.open(store, seed);
    if (!opened.ok) throw new Error(opened.reason);
    const wrote = await opened.workspace.cases.write(
      {
        kind: 'put',
        expectedVersion: undefined,
        case: {
          id: 'case-1',
          kind: 'legal-case',
          type: 'bribery',
          entityId: seed.organisation.entities[0]?.id ?? 'group',
          openedOn: `${seed.reporting.current}-02-01`,
          concludedOn: `${seed.reporting.current}-06-30`,
          outcome: 'substantiated',
          summary: 'Test case (front-door contract).',
        },
      },
      'contract test',
      'tester',
    );
    await opened.workspace.close();
    expect(wrote.ok).toBe(true);
    const out = join(env.dir, 'report-cases');
    expect((await assay('report', '--out', out, '--format', 'json')).code).toBe(0);
    const cli = JSON.parse(await readFile(join(out, 'figures.json'), 'utf8')) as {
      figures: { id: string; indicatorId?: string }[];
    };
    const api = await overHttp(async (req) => json<typeof cli>(req('/api/reports/json')));
    expect(cli).toEqual(api);
    expect(JSON.stringify(cli)).toContain('anticorruption.cases');
  });
});

describe('writing through the CLI and the API', () => {
  const good = [
    'entity,period,indicator,disaggregation,value,unit,source',
    'group,2025,revenue,,1001.5,CNY million,finance ledger',
    'mine,2024,revenue,,900,CNY million,finance ledger',
    'smelter,2024,employees.headcount,gender=male,280,person,HR system',
    '',
  ].join('\n');
  const bad = [
    'entity,period,indicator,value,unit,source',
    'group,2025,revenue,1234,CNY million,ledger',
    'nowhere,2025,revenue,1,CNY million,ledger',
    'mine,2025,revenue,12,kg,ledger',
    '',
  ].join('\n');

  type DataPoints = { dataPoints: { id: string; value: string; unit: string; version: number }[] };
  const byId = (d: DataPoints) =>
    d.dataPoints
      .map((p) => [p.id, p.value, p.unit, p.version])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it('a good CSV: the same data-point ids, values and versions in two stores filled alike', async () => {
    const path = join(env.dir, 'good.csv');
    writeFileSync(path, good);
    // Store A: assay import. Store B: the same bundle, then the API's preview and apply.
    expect(await assay('import', path)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/2 added, 1 revised/),
    });
    const viaCli = await overHttp((req) => json<DataPoints>(req('/api/data-points')));
    const other = freshDataDir('assay-front-doors-b-');
    try {
      expect((await assay('import', MINIMAL)).code).toBe(0);
      const viaApi = await overHttp(async (req) => {
        const preview = await json<{ workspaceVersion: number; summary: unknown }>(
          req('/api/import/data-points', { method: 'POST', body: { file: 'good.csv', csv: good } }),
        );
        expect(preview.summary).toEqual({ add: 2, change: 1, unchanged: 0, errors: 0 });
        const applied = await req('/api/import/data-points?apply=true', {
          method: 'POST',
          body: { file: 'good.csv', csv: good, reason: 'import good.csv', version: preview.workspaceVersion },
        });
        expect(applied.status).toBe(200);
        return json<DataPoints>(req('/api/data-points'));
      }, other.dataDir);
      expect(byId(viaApi)).toEqual(byId(viaCli));
      expect(byId(viaCli).map((r) => r[0])).toContain('rev-25');
    } finally {
      other.restore();
      process.env.ASSAY_DATA_DIR = env.dataDir;
    }
  }, 300_000);

  it('a CSV with bad rows: the same file, row, column and reason; nothing imported by either', async () => {
    const path = join(env.dir, 'bad.csv');
    writeFileSync(path, bad);
    const before = await overHttp((req) => json<DataPoints>(req('/api/data-points')));
    const cli = await assay('import', path);
    expect(cli.code).toBe(1);
    const api = await overHttp(async (req) => {
      const preview = await json<{ issues: { file: string; row: number; column: string; reason: string }[] }>(
        req('/api/import/data-points', { method: 'POST', body: { file: 'bad.csv', csv: bad } }),
      );
      const applied = await req('/api/import/data-points?apply=true', {
        method: 'POST',
        body: { file: 'bad.csv', csv: bad, reason: 'try', version: 1 },
      });
      expect(applied.status).toBe(422);
      return { preview, after: await json<DataPoints>(req('/api/data-points')) };
    });
    expect(api.preview.issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'entity'],
      [4, 'unit'],
    ]);
    const cliIssues = cli.err.split('\n').filter((l) => l.startsWith('bad.csv, row'));
    expect(cliIssues).toEqual(api.preview.issues.map(formatImportIssue));
    expect(byId(api.after)).toEqual(byId(before));
  }, 300_000);

  it('retracting an unknown id: not found through both (exit 1, HTTP 404), nothing written', async () => {
    const cli = await assay('retract', '--data-point', 'no-such-point', '--reason', 'test');
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('no data point "no-such-point"');
    const api = await overHttp(async (req) => {
      const r = await req('/api/data-points/no-such-point/retract', {
        method: 'POST',
        body: { reason: 'test', version: 1 },
      });
      return { status: r.status, body: await json<{ error: { code: string; message: string } }>(r) };
    });
    expect(api.status).toBe(404);
    expect(api.body.error).toMatchObject({ code: 'not-found', message: 'no data point "no-such-point"' });
  });
});
