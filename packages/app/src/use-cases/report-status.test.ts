/**
 * The report's status (issue #17: a report generated while anything is unapproved is marked
 * DRAFT on every page), over the in-memory workspace on examples/minimal: with no approvals
 * every unit of 2025 holding data is a draft and the rendered report says so; approving all but
 * one leaves a draft of one; approving the last makes it final; reopening one makes it a draft
 * again. Units are counted from data points and activity lines of the year (its months too).
 */
import { join } from 'node:path';
import { loadBundle } from '@assay/io';
import { describe, expect, it } from 'vitest';
import { callerFor } from '../../test/cycle-callers.js';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { renderReport } from './render-report.js';
import { reportStatus, reportUnits, statusOfUnits } from './report-status.js';
import { actOnUnit } from './workflow.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-04-01T09:00:00.000Z';

const preparer = callerFor(bundle, 'u-pia', [{ role: 'preparer', entityId: 'group' }]);
const reviewer = callerFor(bundle, 'u-rita', [{ role: 'reviewer', entityId: 'group' }]);
const approver = callerFor(bundle, 'u-alex', [{ role: 'approver', entityId: 'group' }]);
const admin = callerFor(bundle, 'u-ada', [{ role: 'administrator', entityId: 'group' }]);

const UNITS_2025 = [
  ['group', '2025', 'economic'],
  ['mine', '2025', 'employment'],
  ['mine', '2025', 'energy'],
  ['smelter', '2025', 'economic'],
  ['smelter', '2025', 'employment'],
  ['smelter', '2025', 'energy'],
];

describe('report status', () => {
  it('counts the entity × period × topic of the year’s data points and activity lines, months included', () => {
    expect(reportUnits(bundle).map((u) => [u.entityId, u.periodId, u.topic])).toEqual(UNITS_2025);
    const dp = bundle.dataPoints.find((d) => d.id === 'hc-m-m');
    const line = bundle.activityLines.find((a) => a.id === 'e2');
    if (!dp || !line) throw new Error('examples/minimal changed');
    const more = {
      ...bundle,
      dataPoints: [...bundle.dataPoints, { ...dp, id: 'hc-m-m-03', periodId: '2025-03' }],
      activityLines: [
        ...bundle.activityLines,
        { ...line, id: 'cc', activity: 'carbonate' as const, subject: 'CaCO3', periodId: '2025-Q2' },
        { ...line, id: 'old', periodId: '2024' },
      ],
    };
    // A month and a quarter are units of their own; 2024 (the prior year) is not counted.
    expect(reportUnits(more).map((u) => `${u.entityId} ${u.periodId} ${u.topic}`)).toEqual([
      'group 2025 economic',
      'mine 2025 employment',
      'mine 2025 energy',
      'mine 2025-03 employment',
      'mine 2025-Q2 emissions',
      'smelter 2025 economic',
      'smelter 2025 employment',
      'smelter 2025 energy',
    ]);
    // An approved record of the year does not cover the month's own unit.
    const approved = reportUnits(more).map((u) => ({
      ...u,
      state: 'approved' as const,
      submittedBy: 'a',
      reviewedBy: 'b',
      exceptions: [],
      version: 3,
      updatedAt: at(),
    }));
    expect(statusOfUnits(more, approved)).toEqual({ state: 'final', units: 8 });
    expect(
      statusOfUnits(
        more,
        approved.filter((u) => u.periodId !== '2025-03'),
      ),
    ).toEqual({
      state: 'draft',
      units: 8,
      unapproved: 1,
    });
    // A folder has no workflow records: every unit is a draft.
    expect(statusOfUnits(bundle, [])).toEqual({ state: 'draft', units: 6, unapproved: 6 });
  });

  it('is a draft until every unit is approved, final then, and a draft again when one is reopened', async () => {
    const ws = new MemoryWorkspace(bundle, at);
    const status = () => reportStatus(ws.snapshot(), ws.cycle);
    const json = async () => JSON.parse(String((await renderReport(ws, 'json', 'en')).body));
    const html = async (lang: 'en' | 'zh-Hant') => String((await renderReport(ws, 'html', lang)).body);

    expect(await status()).toEqual({ state: 'draft', units: 6, unapproved: 6 });
    expect(await json()).toMatchObject({ status: 'draft', unapproved: 6, units: 6 });
    // examples/minimal has no issuer sections (chairman, profile, highlights, cases, board date): `issuer`
    expect((await json()).blockers.map((b: { kind: string }) => b.kind)).toEqual([
      'unapproved',
      'errors',
      'issuer',
    ]);
    expect(await html('en')).toContain('<div class="draft-mark" aria-hidden="true">DRAFT</div>');
    expect(await html('zh-Hant')).toContain('<div class="draft-mark" aria-hidden="true">草稿</div>');

    const approve = async ([entityId, periodId, topic]: string[]) => {
      const key = { entityId: entityId ?? '', periodId: periodId ?? '', topic: topic ?? '' };
      for (const [caller, event, version] of [
        [preparer, 'submit', 0],
        [reviewer, 'review', 1],
        [approver, 'approve', 2],
      ] as const)
        expect(await actOnUnit({ ws, caller, key, event, version }), `${event} ${topic}`).toMatchObject({
          ok: true,
        });
    };
    for (const u of UNITS_2025.slice(0, -1)) await approve(u);
    expect(await status()).toEqual({ state: 'draft', units: 6, unapproved: 1 });
    expect(await json()).toMatchObject({ status: 'draft', unapproved: 1 });

    await approve(UNITS_2025.at(-1) ?? []);
    expect(await status()).toEqual({ state: 'final', units: 6 });
    // Every unit approved: the units no longer block. examples/minimal still has error-level
    // findings (mandatory HKEX provisions it does not disclose), so the publication gate keeps
    // the report a draft and names only those (core publication-gate.ts; final: its own test).
    const after = await json();
    expect(after).toMatchObject({ status: 'draft', unapproved: 0, units: 6 });
    expect(after.blockers.map((b: { kind: string }) => b.kind)).toEqual(['errors', 'issuer']);
    for (const lang of ['en', 'zh-Hant'] as const) {
      const page = await html(lang);
      expect(page).toContain('draft-mark"');
      expect(page).toContain(
        lang === 'en' ? 'error-level check finding(s) are not resolved' : '錯誤級別的檢查結果尚未解決',
      );
      expect(page).not.toContain(lang === 'en' ? 'workflow units' : '工作單元');
    }

    const reopened = await actOnUnit({
      ws,
      caller: admin,
      key: { entityId: 'mine', periodId: '2025', topic: 'energy' },
      event: 'reopen',
      version: 3,
      comment: 'the March bill was estimated',
    });
    expect(reopened).toMatchObject({ ok: true });
    expect(await status()).toEqual({ state: 'draft', units: 6, unapproved: 1 });
  });
});
