/** One indicator of the catalogue: names (the UI language first), unit, breakdowns, provisions, data. */
import type { CatalogueEntry } from '../api';
import { type Lang, pick, useLang, useT } from '../i18n';
import { disclosuresHref, figureHref } from '../route';

const other = (lang: Lang): Lang => (lang === 'en' ? 'zh-Hant' : 'en');

const letters = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** "KPI B1.1" → "HKEX KPI B1.1"; "GRI 2-7" and "IFRS S2 §29(a)" already name their framework. */
function provisionTag(p: CatalogueEntry['provisions'][number]): string {
  return letters(p.label).startsWith(letters(p.framework))
    ? p.label
    : `${p.framework.toUpperCase()} ${p.label}`;
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
  if (list.length === 0) return <span className="muted">{t('none')}</span>;
  return (
    <ul className="provisions">
      {list.map((p) => (
        <li key={p.subject} data-subject={p.subject}>
          <a
            className="provision-tag"
            href={disclosuresHref(p.framework)}
            title={`${t('obligation')}: ${p.obligation}`}
          >
            {provisionTag(p)}
          </a>
          {p.axes.length > 0 ? <span className="muted"> ({p.axes.join(', ')})</span> : null}
        </li>
      ))}
    </ul>
  );
}

function CurrentData({ i }: { i: CatalogueEntry }) {
  const t = useT();
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
          {g.unit ? <span className="unit"> {g.unit}</span> : null}
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
        {i.unit} <span className="muted">({i.dimension})</span>
      </td>
      <td>
        {i.axes.length > 0 ? (
          <ul className="axes">
            {i.axes.map((a) => (
              <li key={a}>{a}</li>
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
