/** Figure explorer: search any figure; its derivation tree down to inputs, factors and evidence. */
import { useState } from 'react';
import { api, type Lineage } from '../api';
import { ErrorNote } from '../components/error-note';
import { FigureValue } from '../components/figure-link';
import { type Lang, pick, useLang, useT } from '../i18n';
import { figureHref } from '../route';
import { useLoad } from '../use-load';
import { unitLabel } from './fact-labels';

/** A unit in the page's language: its label, or each part's label for a compound ("tCO2e/TJ"). */
function unitText(symbol: string, lang: Lang): string {
  const whole = unitLabel(symbol, lang);
  return whole !== symbol
    ? whole
    : symbol
        .split('/')
        .map((p) => unitLabel(p, lang))
        .join('/');
}

const FACTOR_STATUSES = ['VERIFIED', 'CORROBORATED', 'UNVERIFIED', 'COMPUTED'] as const;

/** A factor's status in the page's language; a status the page does not know is shown as is. */
function statusLabel(status: string, t: ReturnType<typeof useT>): string {
  return (FACTOR_STATUSES as readonly string[]).includes(status)
    ? t(`factorStatus${status as (typeof FACTOR_STATUSES)[number]}`)
    : status;
}

function Node({ n }: { n: Lineage }) {
  const t = useT();
  const lang = useLang();
  const v = n.value;
  return (
    <li className={`node node-${n.kind}`} data-node={n.id}>
      <div className="node-head">
        <span className={`badge ${n.kind}`}>{pick(n.kindText, lang)}</span>{' '}
        <strong>{pick(n.label, lang)}</strong>
        {n.opText ? <code className="op"> {pick(n.opText, lang)}</code> : null}
        {' = '}
        {v.display !== null ? (
          <span className="node-value">
            {v.display} <span className="unit">{v.unit ? unitText(v.unit, lang) : v.unit}</span>
          </span>
        ) : (
          <span className="error">⚠ {v.error?.message}</span>
        )}
        {n.figureId && n.children.length === 0 && n.kind === 'derived' ? (
          <a href={figureHref(n.figureId)}> ↗</a>
        ) : null}
      </div>
      {n.fact ? (
        <div className="node-detail">
          {/* source, evidence and id as entered: data, not UI text (not translated) */}
          {t('source')}: <span translate="no">{n.fact.source ?? '–'}</span> · {t('evidence')}:{' '}
          <span translate="no">{n.fact.evidence ?? '–'}</span> · <code>{n.fact.id}</code>
          {n.fact.version !== null ? ` · ${t('version')} ${n.fact.version}` : ''}
        </div>
      ) : null}
      {n.factor ? (
        <div className="node-detail">
          {/* the value is in the head, at most 6 decimals (the record's 40-digit 44/12 is not printed) */}
          {/* the factor's id and the title of its source document, as published (not translated) */}
          {t('factor')} <code>{n.factor.id}</code> · <span translate="no">{n.factor.document}</span> (
          {n.factor.vintage}) · {t('status')}:{' '}
          <span className={`status ${n.factor.status}`} title={n.factor.status} data-status={n.factor.status}>
            {statusLabel(n.factor.status, t)}
          </span>
        </div>
      ) : null}
      {/* a method note of core's calculation graph, in the page's language (core method-note-text.ts);
          a note in no known shape is printed as written, English, and marked so */}
      {n.noteText?.known ? (
        <div className="node-detail muted">{pick(n.noteText, lang)}</div>
      ) : n.note ? (
        <div className="node-detail muted" lang="en">
          {n.note}
        </div>
      ) : null}
      {n.children.length > 0 ? (
        <ul>
          {n.children.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a node may appear twice under one parent (same input used twice); order is fixed
            <Node key={`${c.id}-${i}`} n={c} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function FigureDetail({ id }: { id: string }) {
  const lang = useLang();
  const t = useT();
  const { data, error } = useLoad(() => api.figure(id), [id]);
  if (error) return <ErrorNote message={error.message} />;
  if (!data) return <p className="muted">{t('loading')}</p>;
  return (
    <div data-ready="figure">
      <h2>
        {pick(data.figure.name, lang)}{' '}
        <FigureValue figure={data.figure} unitText={(u) => unitText(u, lang)} />
      </h2>
      <p className="muted">
        <code>{data.figure.id}</code>
      </p>
      <h3>{t('derivation')}</h3>
      {data.lineage ? (
        <ul className="tree">
          <Node n={data.lineage} />
        </ul>
      ) : (
        <ErrorNote message={data.lineageError?.message ?? ''} />
      )}
    </div>
  );
}

export function FigurePage({ id }: { id: string | null }) {
  const t = useT();
  const lang = useLang();
  const [q, setQ] = useState('');
  const all = useLoad(() => api.figures({}), []);
  const hits = (all.data?.figures ?? [])
    .filter((f) => q === '' || `${f.id} ${pick(f.name, lang)}`.toLowerCase().includes(q.toLowerCase()))
    // totals before breakdowns, derived figures before inputs
    .sort(
      (a, b) =>
        Object.keys(a.disaggregation).length - Object.keys(b.disaggregation).length ||
        Number(a.kind === 'input') - Number(b.kind === 'input'),
    )
    .slice(0, 80);
  return (
    <div>
      <h1>{t('figures')}</h1>
      <div className="grid2 explorer">
        <section className="panel">
          <input
            className="search"
            placeholder={t('search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <ul className="figure-list">
            {hits.map((f) => (
              <li key={f.id}>
                <a href={figureHref(f.id)}>{pick(f.name, lang)}</a>{' '}
                <span className="muted" translate="no">
                  {f.id}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel">
          {id ? <FigureDetail id={id} /> : <p className="muted">{t('pickFigure')}</p>}
        </section>
      </div>
    </div>
  );
}
