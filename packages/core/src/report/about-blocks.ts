/**
 * "About this report": period, boundary (entities with ownership and control), basis of
 * preparation, reporting principles, and the methods and factor sources used (bundle.methods,
 * bundle.factors). Texts here are generated; the numbers in them (years, shares, the
 * 0.1229 kgce/kWh coefficient) appear identically in both languages.
 */
import type { FrameworkId } from '../frameworks/framework.js';
import { editionFor } from '../frameworks/registry.js';
import { packsInUse } from '../methods/sector-packs.js';
import type { Bundle } from '../model/bundle.js';
import type { Methods } from '../model/methods.js';
import type { LocalisedText } from '../model/text.js';
import { formatNumber } from './format-number.js';
import type { Block, Cell } from './model.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const text = (x: LocalisedText): Cell => ({ kind: 'text', text: x });
const para = (x: LocalisedText): Block => ({ kind: 'paragraph', text: x, role: 'generated' });

const GHG_METHOD: Record<Methods['ghg'], LocalisedText> = {
  'ndrc-nf-2015': t(
    '國家發展和改革委員會發佈的有色金屬冶煉企業溫室氣體排放核算方法與報告指南（2015）',
    'NDRC accounting and reporting guideline for GHG emissions of non-ferrous metal smelters (2015)',
  ),
  'ipcc-2006': t(
    '《2006年IPCC國家溫室氣體清單指南》',
    '2006 IPCC Guidelines for National Greenhouse Gas Inventories',
  ),
};
/**
 * Names of the frameworks a report refers to, as printed in each language. The HKEX Code is the
 * basis of preparation, named in full in the sentence, so it is not listed again.
 */
const FRAMEWORK_NAME: Record<FrameworkId, LocalisedText> = {
  hkex: t('聯交所守則', 'the HKEX Code'),
  'ifrs-s2': t('IFRS S2', 'IFRS S2'),
  gri: t('GRI標準', 'the GRI Standards'),
  sasb: t('SASB準則', 'the SASB Standards'),
  sasac: t('國資委參考指標', 'the SASAC reference indicators'),
};

/** The frameworks besides the HKEX Code, in the bundle's order ('' when there are none). */
function referencedFrameworks(ids: readonly string[]): LocalisedText {
  const others = ids
    .filter((id) => id !== 'hkex')
    .map((id) => FRAMEWORK_NAME[id as FrameworkId] ?? t(id.toUpperCase(), id.toUpperCase()));
  const zh = others.map((n) => n['zh-Hant']).join('、');
  const en = others.map((n) => n.en);
  const enList = en.length <= 1 ? en.join('') : `${en.slice(0, -1).join(', ')} and ${en.at(-1)}`;
  return t(zh === '' ? '' : `，並參考${zh}`, enList === '' ? '' : ` with reference to ${enList}`);
}

const GRID_LEVEL: Record<Methods['gridFactor']['level'], LocalisedText> = {
  provincial: t('省級', 'provincial'),
  regional: t('區域電網', 'regional grid'),
  national: t('全國', 'national'),
};
const GRID_CALIBRE: Record<Methods['gridFactor']['calibre'], LocalisedText> = {
  average: t('平均排放因子', 'average emission factor'),
  'excl-market-nonfossil': t(
    '不含市場化交易非化石能源電量的排放因子',
    'factor excluding market-traded non-fossil power',
  ),
  fossil: t('化石能源排放因子', 'fossil-only factor'),
  'ets-admin': t('碳市場管理用排放因子', 'emissions-trading administrative factor'),
};
const TCE_BASIS: Record<Methods['electricityTce'], LocalisedText> = {
  equivalent: t(
    '電力按當量值（0.1229千克標準煤/千瓦時）折算',
    'electricity converted at the equivalent value (0.1229 kgce/kWh)',
  ),
  equal: t('電力按等價值折算', 'electricity converted at the equal (primary-energy) value'),
};
const CONSOLIDATION: Record<Methods['consolidation'], LocalisedText> = {
  'operational-control': t('營運控制權法', 'operational control'),
  'financial-control': t('財務控制權法', 'financial control'),
  'equity-share': t('股權比例法', 'equity share'),
};

/**
 * The HKEX edition the report is prepared under, as named in the basis-of-preparation sentence:
 * the 2019 Guide for FY2021–FY2024, the Code from FY2025 (frameworks/registry.ts editionFor).
 * A year with no edition loaded names no edition (completeness reports it as an error).
 */
function hkexBasis(year: string): LocalisedText {
  const cited = editionFor('hkex', Number(year))?.citedAs;
  return cited
    ? t(`香港聯合交易所${cited['zh-Hant']}`, `the HKEX ${cited.en}`)
    : t('香港聯合交易所的環境、社會及管治報告規定', 'the HKEX ESG reporting requirements');
}

/**
 * The GHG accounting rows: the method each entity actually follows (issue #24). With only the
 * non-ferrous pack in use, one row as before; otherwise one row per sector pack naming its
 * entities, and the factor set used for fuels outside a mass balance.
 */
function ghgRows(bundle: Bundle): Cell[][] {
  const m = bundle.methods;
  const label = text(t('溫室氣體核算', 'GHG accounting'));
  const packs = packsInUse(
    m,
    bundle.organisation,
    bundle.activityLines.map((l) => l.entityId),
  );
  if (packs.every((p) => p.pack.id === 'non-ferrous')) return [[label, text(GHG_METHOD[m.ghg])]];
  const names = (ids: readonly string[]) => {
    const es = ids.map((id) => bundle.organisation.entities.find((e) => e.id === id)?.name ?? t(id, id));
    return t(es.map((n) => n['zh-Hant']).join('、'), es.map((n) => n.en).join(', '));
  };
  const rows: Cell[][] = packs.map(({ pack, entities }) => {
    const g = pack.id === 'non-ferrous' ? GHG_METHOD[m.ghg] : pack.guideline;
    const who = names(entities);
    return [label, text(t(`${g['zh-Hant']}（${who['zh-Hant']}）`, `${g.en} (${who.en})`))];
  });
  if (!packs.some((p) => p.pack.id === 'non-ferrous'))
    rows.push([
      text(
        packs.some((p) => p.pack.carbonBalance)
          ? t('質量平衡以外的燃料燃燒因子', 'Fuel combustion outside the mass balance')
          : t('燃料燃燒因子', 'Fuel combustion factors'),
      ),
      text(GHG_METHOD[m.ghg]),
    ]);
  return rows;
}

export function aboutBlocks(bundle: Bundle): Block[] {
  const y = bundle.reporting.current;
  const m = bundle.methods;
  const entities = bundle.organisation.entities.filter((e) => e.kind !== 'group');
  const boundary: Block = {
    kind: 'table',
    id: 'about-boundary',
    caption: t('報告範圍內的實體', 'Entities within the reporting boundary'),
    head: [t('實體', 'Entity'), t('持股比例（%）', 'Ownership (%)'), t('控制權', 'Control')],
    rows: entities.map((e) => {
      const pct = e.ownership.times(100);
      return [
        text(e.name),
        { kind: 'number', value: formatNumber(pct, Math.max(0, pct.decimalPlaces())) },
        text(
          e.control === 'none'
            ? t('無', 'none')
            : e.control === 'operational'
              ? t('營運控制', 'operational')
              : t('財務控制', 'financial'),
        ),
      ];
    }),
  };
  const documents = [...new Set(bundle.factors.map((f) => `${f.document} (${f.status})`))].sort();
  const referenced = referencedFrameworks(bundle.frameworks.frameworks);
  const basis = hkexBasis(y);
  const blocks: Block[] = [
    // ISO dates in both languages, so that the digits printed are the same.
    para(
      t(
        `報告期間為${y}-01-01至${y}-12-31（曆年）。`,
        `The reporting period is ${y}-01-01 to ${y}-12-31 (calendar year).`,
      ),
    ),
    para(
      t(
        `本報告依據${basis['zh-Hant']}編製${referenced['zh-Hant']}；合併範圍採用${CONSOLIDATION[m.consolidation]['zh-Hant']}。`,
        `This report is prepared under ${basis.en}${referenced.en}; the boundary follows ${CONSOLIDATION[m.consolidation].en}.`,
      ),
    ),
    boundary,
    para(
      t(
        '報告原則：重要性（透過持份者參與及重要性評估確定披露議題）；量化（披露所用標準、方法及排放因子來源）；一致性（統計方法與上年一致，如有變更則予以說明）。',
        'Reporting principles: materiality (topics chosen through stakeholder engagement and a materiality assessment); quantitative (standards, methods and factor sources are stated); consistency (methods as in the prior year, with any change explained).',
      ),
    ),
    {
      kind: 'table',
      id: 'about-methods',
      caption: t('計算方法及因子來源', 'Methods and factor sources'),
      head: [t('項目', 'Item'), t('採用方法', 'Method used')],
      rows: [
        ...ghgRows(bundle),
        [
          text(t('外購電力排放因子', 'Purchased-electricity factor')),
          text(
            t(
              `${m.gridFactor.vintage}年${GRID_LEVEL[m.gridFactor.level]['zh-Hant']}${GRID_CALIBRE[m.gridFactor.calibre]['zh-Hant']}（生態環境部、國家統計局）`,
              `${m.gridFactor.vintage} ${GRID_LEVEL[m.gridFactor.level].en} ${GRID_CALIBRE[m.gridFactor.calibre].en} (MEE and NBS)`,
            ),
          ),
        ],
        [text(t('綜合能耗折算', 'Energy in tce')), text(TCE_BASIS[m.electricityTce])],
        ...documents.map((d) => [text(t('補充因子來源', 'Additional factor source')), text(t(d, d))]),
      ],
    },
  ];
  return blocks;
}
