/**
 * Indicator catalogue: what a preparer fills in the entry template. Every indicator by topic
 * (the template's sheet), with both names, id, entered or calculated, unit and dimension,
 * breakdowns, decimals, the provisions citing it and the data in the current period.
 * Filtered in the page by id or either name, and by kind.
 */
import { useState } from 'react';
import { api, type CatalogueEntry } from '../api';
import { ErrorNote } from '../components/error-note';
import { useLang, useT } from '../i18n';
import { useLoad } from '../use-load';
import { CatalogueRow } from './catalogue-row';
import { topicName } from './catalogue-topics';

type KindFilter = 'all' | 'input' | 'derived';
const COLUMNS = 8;

/** Lower case, full-width letters and digits folded (an IME may type "ＧＨＧ"). */
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function matches(i: CatalogueEntry, query: string, kind: KindFilter): boolean {
  if (kind !== 'all' && i.kind !== kind) return false;
  const q = fold(query.trim());
  if (q === '') return true;
  return [i.id, i.name['zh-Hant'], i.name.en].some((s) => fold(s).includes(q));
}

/** Topics in catalogue order (the order of their first indicator). */
function byTopic(list: readonly CatalogueEntry[]): [string, CatalogueEntry[]][] {
  const groups = new Map<string, CatalogueEntry[]>();
  for (const i of list) groups.set(i.topic, [...(groups.get(i.topic) ?? []), i]);
  return [...groups];
}

export function CataloguePage() {
  const t = useT();
  const lang = useLang();
  const { data, error } = useLoad(() => api.catalogue(), []);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  if (error) return <ErrorNote message={error.message} />;
  if (!data) return <p className="muted">{t('loading')}</p>;
  const shown = data.indicators.filter((i) => matches(i, query, kind));
  return (
    <div>
      <h1>{t('catalogue')}</h1>
      <p className="muted">{t('catalogueIntro')}</p>
      <search className="toolbar">
        <label className="grow">
          {t('catalogueSearch')}{' '}
          <input
            type="search"
            name="catalogue-search"
            className="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <label>
          {t('kind')}{' '}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as KindFilter)}>
            <option value="all">{t('all')}</option>
            <option value="input">{t('kindInput')}</option>
            <option value="derived">{t('kindDerived')}</option>
          </select>
        </label>
        <output aria-live="polite" data-testid="catalogue-count">
          {t('shown')}: {shown.length} / {data.indicators.length}
        </output>
      </search>
      <section className="panel">
        <table className="catalogue" data-ready="catalogue">
          <caption className="sr-only">{t('catalogue')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicator')}</th>
              <th scope="col">{t('id')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('unitDimension')}</th>
              <th scope="col">{t('axes')}</th>
              <th scope="col">{t('precision')}</th>
              <th scope="col">{t('citedBy')}</th>
              <th scope="col">
                {t('currentData')} ({data.period})
              </th>
            </tr>
          </thead>
          {byTopic(shown).map(([topic, rows]) => (
            <tbody key={topic} data-topic={topic}>
              <tr className="topic">
                <th scope="rowgroup" colSpan={COLUMNS}>
                  {topicName(topic, lang)}{' '}
                  <span className="muted">
                    {t('sheet')}: <code>{topic}</code>
                  </span>
                </th>
              </tr>
              {rows.map((i) => (
                <CatalogueRow key={i.id} i={i} />
              ))}
            </tbody>
          ))}
        </table>
        {shown.length === 0 ? <p className="muted">{t('noMatch')}</p> : null}
      </section>
    </div>
  );
}
