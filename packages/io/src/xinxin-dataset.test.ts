/**
 * The Xinxin 2025 reference bundle (examples/xinxin-2025) against the report it was read from.
 * Each check names a value, its unit, the report section it cites and the text printed there;
 * the cited line of the report must contain that text, so a mistyped value fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from './bundle-folder.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const bundleDir = join(repoRoot, 'examples', 'xinxin-2025');
const REPORT = join('reference', '000_a1b19a16b1859973.txt');
/**
 * The shared folder sits at ../shared beside the project (the workplace's layout); ASSAY_SHARED_DIR
 * overrides it, and /work/shared is the workplace's fixed location for clones made elsewhere.
 */
const sharedCandidates = [
  process.env.ASSAY_SHARED_DIR,
  join(repoRoot, '..', 'shared'),
  '/work/shared',
].filter((d): d is string => d !== undefined);
const sharedDir = sharedCandidates.find((d) => existsSync(join(d, REPORT)));
if (!sharedDir)
  throw new Error(`reference report not found; looked for ${REPORT} in ${sharedCandidates.join(', ')}`);
const reportPath = join(sharedDir, REPORT);
const reportLines = readFileSync(reportPath, 'utf8').split('\n');

/** The report line a source cites ("… (line 786)"), with markdown bold markers removed. */
function citedLine(source: string): string {
  const m = /\(line (\d+)\)/.exec(source);
  if (!m) throw new Error(`no line number in "${source}"`);
  return (reportLines[Number(m[1]) - 1] ?? '').replaceAll('**', '');
}

const loaded = await loadBundle(bundleDir);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 5)));
const bundle = loaded.bundle;

// [data point id, value, unit symbol, section cited, text printed on the cited line]
const inputs: [string, string, string, string, string][] = [
  ['revenue-2025', '2561.3', 'CNY million', '經營績效', '2,561.3 百萬元'],
  ['net-profit-2025', '194.1', 'CNY million', '經營績效', '194.1 百萬元'],
  ['output-nickel-2025', '13007', 't', '經營績效', '13,007 噸'],
  ['output-copper-2025', '9007', 't', '經營績效', '9,007 噸'],
  ['spend-env-2025', '2.61', 'CNY 10⁸', '環境管理', '2.61 億元'],
  ['spend-rnd-2025', '1.79', 'CNY 10⁸', '創新研發', '1.79億元'],
  ['spend-safety-2025', '9785.9', 'CNY 10⁴', '安全生產投入', '9,785.90萬元'],
  ['spend-training-2025', '362.11', 'CNY 10⁴', '員工培訓', '362.11萬元'],
  ['spend-community-2025', '6.44', 'CNY 10⁴', '踐行社會責任', '6.44萬元'],
  ['water-2025', '472.55', '10⁴ m³', '水資源管理', '472.55'],
  ['water-recycled-2025', '1616449', 'm³', '水資源管理', '1,616,449'],
  ['materials-nonrenew-2025', '1535252.8', 't', '包裝材料管理', '1,535,252.8'],
  ['materials-haz-2025', '292895', 't', '包裝材料管理', '292,895'],
  ['packaging-steel-2025', '34.8', 't', '包裝材料管理', '打包鋼帶\t噸\t34.8'],
  ['waste-nonhaz-2024', '2789.03', 'kt', '固體廢物管理', '2,789.03'],
  ['waste-nonhaz-2025', '3141.06', 'kt', '固體廢物管理', '3,141.06'],
  ['waste-haz-2024', '0.08', 'kt', '固體廢物管理', '0.08'],
  ['waste-haz-2025', '2.8', 'kt', '固體廢物管理', '2.80'],
  ['renewable-wind-2025', '4713.6', 'tce', '能源管理', '4,713.6'],
  ['headcount-2025', '1839', 'person', '員工招聘與就業', '1839'],
  ['headcount-male-2025', '1499', 'person', '員工招聘與就業', '1499'],
  ['headcount-female-2025', '340', 'person', '員工招聘與就業', '340'],
  ['headcount-35-49-2025', '566', 'person', '員工招聘與就業', '566'],
  ['hires-campus-2025', '181', 'person', '員工招聘與就業', '校園招聘181人'],
  ['hires-social-2025', '92', 'person', '員工招聘與就業', '社會招聘92人'],
  ['leavers-2025', '76', 'person', '員工招聘與就業', '76人'],
  ['trained-male-2025', '1339', 'person', '員工培訓', '1,339人'],
  ['trained-general-2025', '1493', 'person', '員工培訓', '1,493人'],
  ['training-hours-2025', '64496.55', 'h', '員工培訓', '64,496.55小時'],
  ['ac-trained-2025', '1093', 'person', '反貪污培訓', '1,093人'],
  ['ac-sessions-2025', '34', 'count', '反貪污培訓', '34次'],
  ['board-gender-male-2025', '8', 'person', '董事會成員背景', '男（8）'],
  ['board-category-independent-non-executive-2025', '3', 'person', '董事會成員背景', '獨立非執行董事(3)'],
  ['patents-applied-utility-model-2025', '29', 'count', '知識產權保護', '實用新型專利29項'],
  ['drills-2025', '187', 'count', '安全風險管理', '187次'],
  ['sup-kalatongke-xinjiang-2025', '139', 'count', '供應鏈管理', '139'],
  ['sup-huaou-henan-2025', '7', 'count', '供應鏈管理', '河南省'],
];

// [activity line id, amount, unit symbol, text printed on the cited line]
const activity: [string, string, string, string][] = [
  ['diesel-2025', '1699.95', 't', '1,699.95'],
  ['natural-gas-2025', '1924', '10⁴ m³', '1,924'],
  ['coke-2025', '29953.41', 't', '29,953.41'],
  ['electricity-2025', '406709.19', 'MWh', '406,709.19'],
  ['green-trade-2025', '11035', '10⁴ kWh', '11,035'],
  ['steam-2025', '701.06', 'tce', '701.06'],
];

// [published id, printed, unit as printed, figure id]
const printed: [string, string, string, string][] = [
  ['ghg-scope1', '109.82', '千噸二氧化碳當量', 'ghg.scope1@group/2025'],
  ['ghg-scope1-intensity', '0.04', '千噸二氧化碳當量/CNY', 'ghg.scope1.intensity.revenue@group/2025'],
  ['ghg-scope2', '95.40', '千噸二氧化碳當量', 'ghg.scope2.location@group/2025'],
  ['ghg-scope2-intensity', '0.03', '千噸二氧化碳當量/CNY', 'ghg.scope2.intensity.revenue@group/2025'],
  ['ghg-total', '205.22', '千噸二氧化碳當量', 'ghg.total.location@group/2025'],
  [
    'ghg-intensity-nickel-2024',
    '16.55',
    '噸二氧化碳當量/噸處理量',
    'ghg.intensity.ore[product=nickel]@group/2024',
  ],
  [
    'ghg-intensity-copper-2025',
    '3.68',
    '噸二氧化碳當量/噸處理量',
    'ghg.intensity.ore[product=copper]@group/2025',
  ],
  ['energy-total', '966,514.02', '兆瓦時', 'energy.total@group/2025'],
  ['energy-direct', '490,114.32', '兆瓦時', 'energy.direct@group/2025'],
  ['energy-indirect', '476,399.7', '兆瓦時', 'energy.indirect@group/2025'],
  ['energy-intensity-a', '46.37', '噸標準煤/CNY', 'energy.intensity.revenue.tce@group/2025'],
  ['energy-intensity-b', '259.15', '噸標準煤/每百萬營收', 'energy.intensity.revenue.tce@group/2025'],
  ['energy-renewable-share', '14.63', '%', 'energy.renewable.share@group/2025'],
  ['water-intensity', '0.76', '立方米/噸處理量', 'water.intensity.ore@group/2025'],
  ['mat-nonrenew-int', '599.4', '噸', 'materials.non-renewable.intensity.revenue@group/2025'],
  ['mat-haz-int', '114.35', '噸', 'materials.hazardous.intensity.revenue@group/2025'],
  ['emp-turnover', '4.13', '%', 'employees.turnover-rate@group/2025'],
  ['emp-turnover-male', '4.54', '%', 'employees.turnover-rate[gender=male]@group/2025'],
  ['emp-hires', '279', '人', 'employees.hires.total@group/2025'],
  ['train-coverage', '88.85%', '', 'training.coverage@group/2025'],
  ['train-male-pct', '89.32%', '', 'training.coverage[gender=male]@group/2025'],
  ['train-senior-avg', '90.9', '時', 'training.average-hours[rank=senior]@group/2025'],
  ['ac-coverage', '59.43%', '', 'anticorruption.coverage@group/2025'],
  ['sdg-energy-total', '205.22', '千噸二氧化碳當量', 'ghg.total.location@group/2025'],
];

describe('the Xinxin 2025 reference bundle', () => {
  it('validates and holds the group, its units and the fluorite mine under construction', () => {
    const entities = bundle.organisation.entities;
    expect(entities.map((e) => e.id)).toEqual([
      'group',
      'kalatongke',
      'yakesi',
      'fukang',
      'hami-zhongxin',
      'huaou',
      'kaerqiaer',
    ]);
    const fluorite = entities.find((e) => e.id === 'kaerqiaer');
    expect(fluorite?.status).toBe('under-construction');
    expect(String(fluorite?.ownership)).toBe('0.51');
    expect(entities.find((e) => e.id === 'fukang')?.aliases).toContain('阜新冶煉廠');
  });

  it.each(inputs)(
    'input %s = %s %s, cited from §%s where "%s" is printed',
    (id, value, unit, section, text) => {
      const dp = bundle.dataPoints.find((d) => d.id === id);
      expect(dp, id).toBeDefined();
      if (!dp) return;
      expect(dp.quantity.value.toString()).toBe(value);
      expect(dp.quantity.unit.symbol).toBe(unit);
      expect(dp.source).toContain(section);
      expect(citedLine(dp.source)).toContain(text);
    },
  );

  it.each(activity)('activity %s = %s %s, printed as "%s" on the cited line', (id, amount, unit, text) => {
    const line = bundle.activityLines.find((a) => a.id === id);
    expect(line, id).toBeDefined();
    if (!line) return;
    expect(line.amount.value.toString()).toBe(amount);
    expect(line.amount.unit.symbol).toBe(unit);
    expect(line.source).toContain('能源管理');
    expect(citedLine(line.source)).toContain(text);
  });

  it.each(printed)('published %s is printed "%s" %s and should equal %s', (id, text, unit, figure) => {
    const fig = bundle.published.find((p) => p.id === id);
    expect(fig, id).toBeDefined();
    if (!fig) return;
    expect(fig.printed).toBe(text);
    expect(fig.unitLabel).toBe(unit);
    expect(fig.figureRef).toBe(figure);
    const line = citedLine(fig.section);
    expect(line).toContain(text);
    if (unit !== '') expect(line).toContain(unit);
  });

  it('keeps derived figures out of the indicator column', () => {
    const derived = bundle.published.filter(
      (p) => p.indicatorId?.startsWith('ghg.') || p.indicatorId?.startsWith('energy.total'),
    );
    expect(derived).toEqual([]);
  });
});
