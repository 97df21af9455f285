/** HKEX editions by financial year (issue #24): the 2019 Guide, the 2025 Code, and no empty pass. */
import { describe, expect, it } from 'vitest';
import { completenessRule } from '../checks/rules/completeness.js';
import { aboutBlocks } from '../report/about-blocks.js';
import { hkexIndexTitle, REPORT_LABELS } from '../report/labels.js';
import { bundle, explanation, fig, section } from '../testing/bundle-builder.js';
import { runRule } from '../testing/check-fixtures.js';
import { assessCompleteness } from './assess-completeness.js';
import { buildContentIndex } from './content-index.js';
import { editionFor, FRAMEWORK_EDITIONS } from './registry.js';

const fy = (current: string, o: Parameters<typeof bundle>[0] = {}) =>
  bundle({ ...o, reporting: { current, prior: [String(Number(current) - 1)] } });

describe('HKEX editions', () => {
  it('chooses the edition by financial year; FY2020 and before have none loaded', () => {
    const version = (y: number) => editionFor('hkex', y)?.version;
    expect([2019, 2020, 2021, 2024, 2025, 2030].map(version)).toEqual([
      undefined,
      undefined,
      '2019',
      '2019',
      '2025',
      '2025',
    ]);
    // Frameworks with one edition cover every year.
    expect(editionFor('gri', 2019)?.id).toBe('gri');
    expect(FRAMEWORK_EDITIONS.hkex.map((f) => f.version)).toEqual(['2019', '2025']);
  });

  it('assesses a FY2024 bundle against the 2019 Guide: its KPIs, comply-or-explain and mandatory parts', () => {
    const figures = [
      fig('ghg.scope1', '1200 tCO2e', {}, '2024'),
      fig('ghg.scope2.location', '800 tCO2e', {}, '2024'),
    ];
    const b = fy('2024', {
      narrative: [section('board-statement')],
      registers: { explanations: [explanation('hkex:A4.1', 'Climate issues under assessment.')] },
    });
    const r = assessCompleteness({ bundle: b, figures, framework: 'hkex' });
    expect(r.version).toBe('2019');
    const codes = r.provisions.map((a) => a.provision.code);
    expect(codes).toHaveLength(54);
    expect(codes).toEqual(expect.arrayContaining(['A1.2', 'A4.GD', 'A4.1', 'B7.3', 'MDR.RB']));
    expect(codes.some((c) => c.startsWith('D.'))).toBe(false);
    const row = (code: string) => r.provisions.find((a) => a.provision.code === code);
    // A1.2 is disclosed by the same figures the 2025 Code's D.MT.GHG.a uses.
    expect(row('A1.2')).toMatchObject({
      obligation: 'comply-or-explain',
      status: 'disclosed',
      where: ['ghg.scope1@group/2024', 'ghg.scope2.location@group/2024'],
    });
    expect(row('B1.1')?.obligation).toBe('comply-or-explain');
    expect(row('A4.1')?.status).toBe('explained');
    expect(row('MDR.GOV')).toMatchObject({ obligation: 'mandatory', status: 'disclosed' });
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([
      'hkex:MDR.RP is mandatory and not disclosed (about-report)',
      'hkex:MDR.RP.MAT is mandatory and not disclosed (materiality, materialTopics, stakeholders)',
      'hkex:MDR.RP.QUANT is mandatory and not disclosed (about-report)',
      'hkex:MDR.RP.CONS is mandatory and not disclosed (about-report)',
      'hkex:MDR.RB is mandatory and not disclosed (about-report)',
    ]);
    // Citing A1.2 is no warning in FY2024: it is withdrawn only from 2025.
    expect(r.findings.some((f) => f.code === 'deprecated-provision')).toBe(false);
    expect(buildContentIndex(r, 'zh-Hant').rows.find((x) => x.code === 'A1.2')?.text).toBe(
      '範圍1及範圍2溫室氣體排放量（噸）及（如適用）密度',
    );
  });

  it('a year with no edition is an error naming the year and the editions, never an empty pass', () => {
    const b = fy('2019');
    const r = assessCompleteness({ bundle: b, figures: [], framework: 'hkex' });
    expect(r.provisions).toEqual([]);
    expect(r.version).toBe('');
    expect(r.findings).toEqual([
      {
        severity: 'error',
        code: 'no-edition',
        framework: 'hkex',
        year: '2019',
        message:
          'hkex has no edition loaded for FY2019: the editions available are 2019 Environmental, Social and Governance Reporting Guide (FY2021–FY2024), 2025 Environmental, Social and Governance Code (FY2025 onwards)',
      },
    ]);
    const fs = runRule(completenessRule, b);
    expect(fs.map((f) => `${f.severity}:${f.code}:${f.actual}`)).toEqual([
      'error:no-edition:no edition for FY2019',
    ]);
  });

  it('the basis of preparation names the edition applied', () => {
    const basis = (y: string) => {
      const p = aboutBlocks(fy(y)).find(
        (x) => x.kind === 'paragraph' && x.text.en.startsWith('This report is prepared under'),
      );
      return p?.kind === 'paragraph' ? p.text : undefined;
    };
    expect(basis('2024')?.en).toMatch(
      /^This report is prepared under the HKEX Environmental, Social and Governance Reporting Guide;/,
    );
    expect(basis('2024')?.['zh-Hant']).toMatch(/^本報告依據香港聯合交易所《環境、社會及管治報告指引》編製；/);
    expect(basis('2025')?.en).toMatch(
      /^This report is prepared under the HKEX Environmental, Social and Governance Code;/,
    );
    expect(basis('2025')?.['zh-Hant']).toMatch(/^本報告依據香港聯合交易所《環境、社會及管治守則》編製；/);
    expect(basis('2019')?.en).not.toMatch(/Code|Guide/);
    expect(hkexIndexTitle('2024')).toEqual({
      'zh-Hant': '香港聯合交易所《環境、社會及管治報告指引》內容索引',
      en: 'HKEX Environmental, Social and Governance Reporting Guide content index',
    });
    expect(hkexIndexTitle('2025')).toBe(REPORT_LABELS.hkexIndex);
  });
});
