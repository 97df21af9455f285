/**
 * The reviewer's panel of one unit (issue #17: "Reviewers see the change against last period and
 * last year and the checker's findings on the submission beside it"; journey 3). Each unit row
 * of the Cycle page gets a "Review data" toggle in its topic cell (`UnitReviewToggle`); the panel
 * opens in a row of its own under it, across every column (`UnitReviewRow`).
 * The panel reads GET /api/workflow/{entity}/{period}/{topic} (app use-cases/unit-review.ts):
 * each data point and activity line with its value and unit, the previous period's and last
 * year's values (the API's, converted to the fact's unit) and the change in per cent as the API
 * rounds it (one decimal, half-up), a change of 10 % or more highlighted and of 100 % or more
 * in red (with words for those who do not see the colour), and the checker's findings on the
 * unit: severity, the message in the UI language (findings carry both), and a link to the figure.
 * Its query key lies under the period's workflow key, so an event or a lock fetches it again.
 */

import { useQuery } from '@tanstack/react-query';
import { useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type WorkflowUnit } from '../../api';
import { type Against, restatementApi, type UnitReview } from '../../api-restatement';
import { ErrorNote } from '../../components/error-note';
import { MessageText } from '../../components/finding-text';
import { type Lang, pick, useLang } from '../../i18n';
import { useEntityName } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { figureHref } from '../../route';
import { topicName } from '../catalogue-topics';
import { lineTitle } from '../entry/entry-terms';
import { periodName } from '../entry/period-label';
import { breakdownLabel, changeLevel, showChange, showValue, unitLabel } from '../fact-labels';
import './unit-review.css';

/**
 * Which units' panels are open, by `period/entity/topic`: kept outside the rows so that the
 * toggle (in the row's topic cell) and the panel (a row of its own under it) agree, and a refetch
 * or a language switch keeps a panel open. Nothing is fetched for a closed panel.
 */
const openPanels = new Set<string>();
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
function togglePanel(key: string) {
  if (openPanels.has(key)) openPanels.delete(key);
  else openPanels.add(key);
  for (const l of listeners) l();
}
function usePanelOpen(key: string): boolean {
  return useSyncExternalStore(subscribe, () => openPanels.has(key));
}
const panelKey = (u: WorkflowUnit) => `${u.periodId}/${u.entityId}/${u.topic}`;
/** The panel's element id (the toggle's aria-controls). */
const panelId = (u: WorkflowUnit) => `review-${panelKey(u).replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The toggle in the unit's row (its topic cell). */
export function UnitReviewToggle({ unit }: { unit: WorkflowUnit }) {
  const { t } = useTranslation('review');
  const lang = useLang();
  const key = panelKey(unit);
  const open = usePanelOpen(key);
  return (
    <button
      type="button"
      className="small lang review-toggle"
      aria-expanded={open}
      aria-controls={open ? panelId(unit) : undefined}
      aria-label={t('toggleOn', { topic: topicName(unit.topic, lang) })}
      data-review-toggle={`${unit.entityId}/${unit.topic}`}
      onClick={() => togglePanel(key)}
    >
      <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
      {t('toggle')}
    </button>
  );
}

/** The panel, in a row under the unit's across `columns` columns, while open. */
export function UnitReviewRow({ unit, columns }: { unit: WorkflowUnit; columns: number }) {
  const open = usePanelOpen(panelKey(unit));
  if (!open) return null;
  return (
    <tr className="review-row" data-review-of={`${unit.entityId}/${unit.topic}`}>
      <td colSpan={columns} id={panelId(unit)}>
        <UnitReviewPanel unit={unit} />
      </td>
    </tr>
  );
}

function UnitReviewPanel({ unit }: { unit: WorkflowUnit }) {
  const { t } = useTranslation('review');
  const lang = useLang();
  const entityName = useEntityName();
  const id = useId();
  const review = useQuery({
    queryKey: queryKeys.unitReview(unit.periodId, unit.entityId, unit.topic),
    queryFn: () => restatementApi.unitReview(unit),
  });
  // Indicator names (the catalogue); until it loads an indicator shows by its id.
  const catalogue = useQuery({ queryKey: queryKeys.catalogue(), queryFn: () => api.catalogue() });
  const nameOf = (indicatorId: string) => {
    const e = catalogue.data?.indicators.find((x) => x.id === indicatorId);
    return e ? pick(e.name, lang) : indicatorId;
  };
  const title = t('title', {
    entity: entityName(unit.entityId, lang),
    topic: topicName(unit.topic, lang),
    period: periodName(unit.periodId, lang),
  });
  if (review.error) return <ErrorNote message={review.error.message} />;
  const r = review.data;
  if (!r) return <p className="muted">{t('loading')}</p>;
  // A year's previous period is last year: one comparison, not the same one twice.
  const both = r.previousPeriod !== r.lastYearPeriod;
  const empty = r.dataPoints.length === 0 && r.activityLines.length === 0;
  return (
    <section className="review-panel" aria-labelledby={`${id}-title`} data-review-ready={r.workspaceVersion}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="muted small-text">
        {both
          ? t('comparedBoth', {
              previous: periodName(r.previousPeriod, lang),
              lastYear: periodName(r.lastYearPeriod, lang),
            })
          : t('comparedYear', { lastYear: periodName(r.lastYearPeriod, lang) })}
      </p>
      {empty ? <p className="muted">{t('noFacts')}</p> : null}
      {r.dataPoints.length > 0 ? (
        <FactTable
          caption={t('dataPoints')}
          first={[t('indicator'), t('breakdown')]}
          review={r}
          both={both}
          rows={r.dataPoints.map((d) => ({
            id: d.id,
            kind: 'data-point',
            cells: [nameOf(d.indicatorId), breakdownLabel(d.disaggregation, lang) || t('none')],
            value: d.value,
            unit: d.unit,
            previous: d.previous,
            lastYear: d.lastYear,
          }))}
        />
      ) : null}
      {r.activityLines.length > 0 ? (
        <FactTable
          caption={t('activityLines')}
          first={[t('line')]}
          review={r}
          both={both}
          rows={r.activityLines.map((l) => ({
            id: l.id,
            kind: 'activity-line',
            cells: [lineTitle(l, lang)],
            value: l.amount,
            unit: l.unit,
            previous: l.previous,
            lastYear: l.lastYear,
          }))}
        />
      ) : null}
      {empty ? null : <p className="muted small-text legend">{t('legend')}</p>}
      <Findings findings={r.findings} />
    </section>
  );
}

type FactRow = {
  id: string;
  kind: 'data-point' | 'activity-line';
  /** The fact's name cells (indicator and breakdown, or the line). */
  cells: string[];
  value: string;
  unit: string;
  previous: Against;
  lastYear: Against;
};

function FactTable(props: {
  caption: string;
  first: string[];
  review: UnitReview;
  both: boolean;
  rows: FactRow[];
}) {
  const { t } = useTranslation('review');
  const lang = useLang();
  const { review: r, both } = props;
  const comparisons: { key: 'previous' | 'lastYear'; head: string; period: string }[] = both
    ? [
        {
          key: 'previous',
          head: t('previous', { period: periodName(r.previousPeriod, lang) }),
          period: r.previousPeriod,
        },
        {
          key: 'lastYear',
          head: t('lastYear', { period: periodName(r.lastYearPeriod, lang) }),
          period: r.lastYearPeriod,
        },
      ]
    : [
        {
          key: 'lastYear',
          head: t('lastYearOnly', { period: periodName(r.lastYearPeriod, lang) }),
          period: r.lastYearPeriod,
        },
      ];
  return (
    <table className="review-facts">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.first.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
          <th scope="col" className="num">
            {t('thisPeriod', { period: periodName(r.unit.periodId, lang) })}
          </th>
          {comparisons.map((c) => [
            <th key={c.key} scope="col" className="num">
              {c.head}
            </th>,
            <th key={`${c.key}-change`} scope="col" className="num">
              {t('change')}
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id} data-review-fact={row.id} data-kind={row.kind}>
            <th scope="row">{row.cells[0]}</th>
            {row.cells.slice(1).map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns of one row
              <td key={i}>{c}</td>
            ))}
            <td className="num" data-value>
              <Amount value={row.value} unit={row.unit} lang={lang} />
            </td>
            {comparisons.map((c) => {
              const against = row[c.key];
              return [
                <td key={c.key} className="num" data-against={c.key}>
                  {against.value === null ? (
                    <span className="muted">{t('none')}</span>
                  ) : (
                    <Amount value={against.value} unit={against.unit} lang={lang} />
                  )}
                </td>,
                <td key={`${c.key}-change`} className="num">
                  <Change percent={against.changePercent} against={c.key} period={c.period} />
                </td>,
              ];
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Amount(props: { value: string; unit: string; lang: Lang }) {
  return (
    <>
      {showValue(props.value)} <span className="unit">{unitLabel(props.unit, props.lang)}</span>
    </>
  );
}

/** A change in per cent, highlighted by its size; a dash when there is nothing to compare. */
function Change(props: { percent: string | null; against: 'previous' | 'lastYear'; period: string }) {
  const { t } = useTranslation('review');
  const lang = useLang();
  if (props.percent === null)
    return (
      <span className="muted" title={t('noComparison')}>
        {t('none')}
      </span>
    );
  const level = changeLevel(props.percent);
  return (
    <span
      className={`change change-${level}`}
      data-change={props.against}
      data-change-level={level}
      title={t('changeAgainst', { period: periodName(props.period, lang) })}
    >
      {showChange(props.percent, lang)}
      {level === 'normal' ? null : <span className="sr-only"> {t(`level.${level}`)}</span>}
    </span>
  );
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

function Findings({ findings }: { findings: UnitReview['findings'] }) {
  const { t } = useTranslation('review');
  const lang = useLang();
  return (
    <div className="review-findings">
      <h4>{t('findings')}</h4>
      {findings.length === 0 ? (
        <p className="muted" data-no-findings>
          {t('noFindings')}
        </p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li key={f.id} className={`finding severity-${f.severity}`} data-finding={f.id}>
              <span className={`severity-badge severity-${f.severity}`} data-severity={f.severity}>
                {SEVERITIES.has(f.severity) ? t(`severity.${f.severity as 'error'}`) : f.severity}
              </span>{' '}
              <span data-finding-message>
                <MessageText text={pick(f.message, lang)} lang={lang} />
              </span>
              {f.where?.figureId ? (
                <>
                  {' '}
                  <a
                    href={figureHref(f.where.figureId)}
                    title={f.where.figureId}
                    data-finding-figure={f.where.figureId}
                  >
                    {t('openFigure')}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
