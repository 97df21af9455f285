/** One indicator of the catalogue: names (the UI language first), unit, breakdowns, provisions, data. */
import type { ReactNode } from 'react';
import type { CatalogueEntry } from '../api';
import { axisName, dimensionLabel } from '../glossary';
import { type Lang, pick, type TextKey, useLang, useT } from '../i18n';
import { disclosuresHref, figureHref } from '../route';
import { frameworkLabel, unitLabel } from './fact-labels';

const other = (lang: Lang): Lang => (lang === 'en' ? 'zh-Hant' : 'en');

const letters = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * "KPI B1.1" → "HKEX KPI B1.1" ("聯交所 KPI B1.1" in Chinese); "GRI 2-7" and "IFRS S2 §29(a)"
 * already name their framework.
 */
function provisionTag(p: CatalogueEntry['provisions'][number], lang: Lang): ReactNode {
  // the clause as the framework numbers it ("§29(a)", "D.STR.SD.a.iv"): an id, not translated
  return letters(p.label).startsWith(letters(p.framework)) ? (
    <span translate="no">{p.label}</span>
  ) : (
    <>
      {frameworkLabel(p.framework, lang)} <span translate="no">{p.label}</span>
    </>
  );
}

/** An id that may break after its dots only ("waste.non-hazardous.intensity.revenue"). */
function BreakableId({ id }: { id: string }) {
  const parts = id.split('.');
  return (
    <code>
      {parts.map((part, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one id, fixed order
        <span key={n}>
          {n > 0 ? '.' : ''}
          {n > 0 ? <wbr /> : null}
          {part}
        </span>
      ))}
    </code>
  );
}

function Provisions({ list }: { list: CatalogueEntry['provisions'] }) {
  const t = useT();
  const lang = useLang();
  if (list.length === 0) return <span className="muted">{t('none')}</span>;
  return (
    <ul className="provisions">
      {list.map((p) => (
        <li key={p.subject} data-subject={p.subject}>
          <a
            className="provision-tag"
            href={disclosuresHref(p.framework)}
            title={`${t('obligation')}: ${t(`obligation.${p.obligation}` as TextKey) || p.obligation}`}
          >
            {provisionTag(p, lang)}
          </a>
          {p.axes.length > 0 ? (
            <span className="muted">
              {' '}
              ({p.axes.map((a) => axisName(a, lang)).join(lang === 'en' ? ', ' : '、')})
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function CurrentData({ i }: { i: CatalogueEntry }) {
  const t = useT();
  const lang = useLang();
  const g = i.current.groupFigure;
  const { dataPoints, entities } = i.current;
  return (
    <>
      {g === null ? (
        <span className="muted">{t('noData')}</span>
      ) : g.display === null ? (
        <a className="figure error" href={figureHref(g.id)} data-figure={g.id}>
          {t('groupValue')}: ⚠ {t('error')}
        </a>
      ) : (
        <a className="figure" href={figureHref(g.id)} data-figure={g.id} title={g.id}>
          {t('groupValue')}: <span className="figure-value">{g.display}</span>
          {g.unit ? <span className="unit"> {unitLabel(g.unit, lang)}</span> : null}
        </a>
      )}
      {dataPoints > 0 || (i.kind === 'input' && g !== null) ? (
        <div className="muted" data-count={dataPoints}>
          {dataPoints} {t(dataPoints === 1 ? 'dataPoint' : 'dataPoints')}
          {dataPoints > 0 ? ` · ${entities} ${t(entities === 1 ? 'entityCount' : 'entitiesCount')}` : ''}
        </div>
      ) : null}
    </>
  );
}

export function CatalogueRow({ i }: { i: CatalogueEntry }) {
  const t = useT();
  const lang = useLang();
  return (
    <tr data-indicator={i.id} className={`kind-${i.kind}`}>
      <th scope="row">
        <span lang={lang} className="name">
          {pick(i.name, lang)}
        </span>
        <br />
        <span lang={other(lang)} className="muted name-other">
          {pick(i.name, other(lang))}
        </span>
      </th>
      <td className="id">
        <BreakableId id={i.id} />
      </td>
      <td>
        <span className={`badge ${i.kind}`}>{t(i.kind === 'input' ? 'kindInput' : 'kindDerived')}</span>
      </td>
      <td>
        {unitLabel(i.unit, lang)} <span className="muted">({dimensionLabel(i.dimension, lang)})</span>
      </td>
      <td>
        {i.axes.length > 0 ? (
          <ul className="axes">
            {i.axes.map((a) => (
              <li key={a}>{axisName(a, lang)}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('none')}</span>
        )}
      </td>
      <td className="num">{i.precision}</td>
      <td>
        <Provisions list={i.provisions} />
      </td>
      <td>
        <CurrentData i={i} />
      </td>
    </tr>
  );
}
