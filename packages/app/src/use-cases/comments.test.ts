/**
 * Comment threads (issue #17) through the use cases, on the in-memory workspace, PGlite and
 * PostgreSQL: every kind of target, replies within a thread, the text rules (blank, too long,
 * NUL and other control characters, bidirectional overrides, lone surrogates) and who may read
 * and write, following the target's entity.
 */
import { join } from 'node:path';
import { findingId } from '@assay/core';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, cycleBackends } from '../../test/cycle-backends.js';
import { callerFor } from '../../test/cycle-callers.js';
import { accountTable } from '../access/account-directory.js';
import type { Workspace } from '../workspace/workspace.js';
import { assignInBulk } from './assignments.js';
import { parseTarget, readComments, writeComment } from './comments.js';
import { openCycle } from './cycles.js';
import { checkResult } from './findings.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-02-06T09:00:00.000Z';

const ann = callerFor(bundle, 'u-ann', [{ role: 'preparer', entityId: 'smelter' }]);
const pat = callerFor(bundle, 'u-pat', [{ role: 'preparer', entityId: 'mine' }]);
const rita = callerFor(bundle, 'u-rita', [{ role: 'reviewer', entityId: 'group' }]);
const ada = callerFor(bundle, 'u-ada', [{ role: 'administrator', entityId: 'group' }]);
const aud = callerFor(bundle, 'u-aud', [{ role: 'assurer', entityId: 'group' }]);
const vic = callerFor(bundle, 'u-vic', [{ role: 'viewer', entityId: 'group' }]);

describe.each(cycleBackends(bundle, at))('comments on %s', (_name, open) => {
  let b: Backend;
  let ws: Workspace;
  beforeAll(async () => {
    b = await open();
    ws = b.ws;
  }, 60_000);
  afterAll(() => b?.close());

  const write = (caller: typeof ann, target: string, text: string, replyTo?: string) =>
    writeComment({ ws, caller, target, text, replyTo });
  const codeOf = (r: { ok: boolean; error?: { code: string; field?: string } }) =>
    r.ok ? 'ok' : `${r.error?.code}${r.error?.field ? ` ${r.error.field}` : ''}`;

  it('keeps a thread on a unit: reviewer asks, preparer replies, in order, with author and time', async () => {
    const unit = 'unit:smelter/2026-01/energy';
    const asked = await write(rita, unit, '  Where is the diesel invoice for January?  ');
    if (!asked.ok) throw new Error(asked.error.message);
    expect(asked.value).toMatchObject({
      targetKind: 'unit',
      targetId: 'smelter/2026-01/energy',
      entityId: 'smelter',
      replyTo: null,
      userId: 'u-rita',
      author: 'u-rita <u-rita@example.com>',
      at: at(),
      text: 'Where is the diesel invoice for January?',
    });
    expect(await write(ann, unit, '已上載發票。\nUploaded.', asked.value.id)).toMatchObject({
      ok: true,
      value: { replyTo: asked.value.id },
    });
    const thread = await readComments(ws, ann, unit);
    expect(thread.ok && thread.value.comments.map((c) => [c.author, c.text])).toEqual([
      ['u-rita <u-rita@example.com>', 'Where is the diesel invoice for January?'],
      ['u-ann <u-ann@example.com>', '已上載發票。\nUploaded.'],
    ]);
    // A reply names a comment of this thread.
    expect(codeOf(await write(ann, 'unit:smelter/2026-01/water', 'x', asked.value.id))).toBe(
      'not-found replyTo',
    );
    expect(codeOf(await write(ann, unit, 'x', 'abc'))).toBe('invalid-request replyTo');
  });

  it('follows the target’s entity: others’ entities are not found, a viewer or assurer may not write', async () => {
    const unit = 'unit:smelter/2026-01/energy';
    expect(codeOf(await readComments(ws, pat, unit))).toBe('not-found target');
    expect(codeOf(await write(pat, unit, 'hello'))).toBe('not-found target');
    expect(codeOf(await readComments(ws, vic, unit))).toBe('forbidden');
    expect(codeOf(await readComments(ws, aud, unit))).toBe('ok');
    expect(codeOf(await write(aud, unit, 'a question from the assurer'))).toBe('forbidden');
    expect(codeOf(await write(ada, unit, 'noted'))).toBe('ok');
  });

  it('takes data points, activity lines, findings and assignments as targets; a gone target keeps its thread', async () => {
    expect(codeOf(await write(ann, 'data-point:hc-s-m', 'headcount from HR, end of year'))).toBe('ok');
    expect(codeOf(await write(ann, 'activity-line:d1', 'diesel from the fuel invoices'))).toBe('ok');
    expect(codeOf(await write(pat, 'activity-line:d1', 'not mine'))).toBe('not-found target');
    // examples/minimal's findings are organisation-wide (completeness): their entity is the group.
    const finding = checkResult(ws.snapshot()).findings[0];
    if (!finding) throw new Error('examples/minimal should raise findings');
    const target = `finding:${findingId(finding)}`;
    expect(codeOf(await write(rita, target, 'explain this omission'))).toBe('ok');
    expect(await readComments(ws, ada, target)).toMatchObject({ ok: true, value: { entityId: 'group' } });
    expect(codeOf(await readComments(ws, ann, target))).toBe('not-found target');
    expect(codeOf(await write(rita, 'finding:f-0000000000000000', 'x'))).toBe('not-found target');
    expect((await openCycle({ ws, caller: ada, periodId: '2026', frequency: 'month' })).ok).toBe(true);
    const accounts = accountTable([
      {
        id: 'u-ann',
        email: 'ann@example.com',
        name: 'Ann',
        disabled: false,
        grants: [{ role: 'preparer', entityId: 'smelter' }],
      },
    ]);
    const assigned = await assignInBulk({
      ws,
      caller: ada,
      accounts,
      cycleId: '2026',
      request: {
        indicators: ['water.withdrawal'],
        entity: 'smelter',
        periods: ['2026-01'],
        assignee: 'u-ann',
        due: '2026-02-10',
      },
    });
    expect(assigned.ok).toBe(true);
    const [assignment] = await ws.assignments.list({ assignee: 'u-ann' });
    if (!assignment) throw new Error('no assignment');
    expect(codeOf(await write(ann, `assignment:${assignment.id}`, 'can we move the date?'))).toBe('ok');
    expect(codeOf(await readComments(ws, pat, `assignment:${assignment.id}`))).toBe('not-found target');
    expect(codeOf(await write(ann, 'assignment:999999', 'x'))).toBe('not-found target');
    // A retracted data point: its thread stays readable where it was written; nobody adds to it.
    const version = ws.snapshot().versionOf('hc-s-m') ?? 1;
    expect((await ws.retractDataPoint('hc-s-m', version, 'entered twice', 'u-ann')).ok).toBe(true);
    const gone = await readComments(ws, ann, 'data-point:hc-s-m');
    expect(gone.ok && gone.value.comments.map((c) => c.text)).toEqual(['headcount from HR, end of year']);
    expect(codeOf(await readComments(ws, pat, 'data-point:hc-s-m'))).toBe('not-found target');
    expect(codeOf(await write(ann, 'data-point:hc-s-m', 'more'))).toBe('not-found target');
    expect(codeOf(await readComments(ws, ann, 'data-point:never-was'))).toBe('not-found target');
  });

  it('refuses bad targets and texts with the field named, storing nothing', async () => {
    const unit = 'unit:smelter/2026-02/energy';
    for (const bad of [
      '',
      'figure:x',
      'data-point:',
      'unit',
      ` data-point:hc-s-f`,
      `data-point:${'x'.repeat(401)}`,
      'data-point:\u0000',
      'unit:smelter/2026-01/energy\u0007',
    ])
      expect(parseTarget(bad), bad).toMatchObject({ ok: false, error: { field: 'target' } });
    for (const bad of [
      'unit:smelter/2026-02',
      'unit:smelter/2026-13/energy',
      'unit:nowhere/2026-02/energy',
      'unit:smelter/2026-02/astrology',
    ])
      expect(codeOf(await write(ann, bad, 'x')), bad).toBe('not-found target');
    const texts: [string, RegExp][] = [
      ['   ', /cannot be blank/],
      ['x'.repeat(4001), /4001 characters; at most 4000/],
      ['nul \u0000 here', /NUL/],
      ['bell \u0007', /control characters/],
      ['abc\u202etxt.exe', /bidirectional/],
      ['half \ud83d pair', /lone surrogate/],
    ];
    for (const [text, message] of texts) {
      const out = await write(ann, unit, text);
      expect(out.ok ? 'ok' : out.error.message, JSON.stringify(text.slice(0, 20))).toMatch(message);
      expect(out.ok ? '' : out.error.field).toBe('text');
    }
    expect(codeOf(await write(ann, unit, '字'.repeat(4000)))).toBe('ok');
    expect(codeOf(await write(ann, unit, 'tab\tand\r\nline breaks 😀'))).toBe('ok');
    const thread = await readComments(ws, ann, unit);
    expect(thread.ok && thread.value.comments.length).toBe(2);
  });
});
