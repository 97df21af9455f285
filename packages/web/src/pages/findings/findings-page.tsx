/**
 * The findings page (#/checks; docs/checks.md "Findings as work items"): the checker's findings
 * with their work state, filtered by state, severity, rule and entity on the server
 * (GET /api/findings) and paged (50 a page), grouped on each page by rule and then by section
 * (the printed line left out), one TanStack Table per group: severity, the finding, expected and
 * printed values, where (the figure linked), its work state (assignee, acceptance, resolution)
 * and the actions the caller's roles allow (finding-actions.tsx).
 */

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useContext, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FINDING_STATES,
  type FindingFilter,
  type FindingWork,
  findingsApi,
  type ListedFinding,
  STATE_FILTERS,
  type StateFilter,
} from '../../api-findings';
import { ErrorNote } from '../../components/error-note';
import { MessageText } from '../../components/finding-text';
import { formatTime, type Lang, pick, useLang } from '../../i18n';
import { OrgContext, useEntityName } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { figureHref } from '../../route';
import { personName } from '../cycle/cycle-rules';
import { unitLabel } from '../fact-labels';
import { FindingActions } from './finding-actions';
import './findings.css';

/** The rule families in the order docs/checks.md describes them (core RULE_IDS, by copy). */
const RULES = [
  'units',
  'recompute',
  'rounding',
  'reconciliation',
  'implied-denominator',
  'year-on-year',
  'plausibility',
  'completeness',
  'master-data',
  'instruments',
  'unit-slip',
  'narrative',
  'narrative-arithmetic',
  'name-variants',
  'registers',
] as const;
type Rule = (typeof RULES)[number];
const isRule = (r: string): r is Rule => (RULES as readonly string[]).includes(r);
const PAGE_SIZE = 50;

/** A rule family's name in the page's language; an id the page does not know is shown as is. */
function ruleLabel(t: TFunction<'findings'>, rule: string): string {
  return isRule(rule) ? t(`rule.${rule}`) : rule;
}

type Row = { finding: ListedFinding; work: FindingWork };

/** "report §環境-能源管理 (line 782)" → "report §環境-能源管理": the group a finding is shown in. */
export const sectionOf = (f: ListedFinding) => (f.where?.section ?? '').replace(/\s*\(line \d+\)\s*$/, '');

const features = tableFeatures({});
const column = createColumnHelper<typeof features, Row>();

function Header({ k }: { k: 'severity' | 'finding' | 'expectedActual' | 'location' | 'work' | 'actions' }) {
  const { t } = useTranslation('findings');
  return t(k);
}

function Severity({ severity }: { severity: string }) {
  const { t } = useTranslation('findings');
  return (
    <span className={`severity severity-${severity}`}>
      {['error', 'warning', 'info'].includes(severity) ? t(`severity.${severity as 'error'}`) : severity}
    </span>
  );
}

function Message({ f }: { f: ListedFinding }) {
  const lang = useLang();
  return (
    <>
      <MessageText text={pick(f.message, lang)} lang={lang} />
      <div className="muted small-text">
        <code>{f.ruleId}</code>
        {f.code ? (
          <>
            {' · '}
            <code>{f.code}</code>
          </>
        ) : null}
      </div>
    </>
  );
}

/** Expected and printed, in the page's language where the checker gives both languages. */
export function expectedActual(f: ListedFinding, lang: Lang): string {
  if (f.expected === undefined && f.expectedText === undefined) return '';
  // a bare expected or printed value is a number or a unit symbol: units in the page's language
  const expected = f.expectedText ? pick(f.expectedText, lang) : unitLabel(f.expected ?? '', lang);
  const actual = f.actualText ? pick(f.actualText, lang) : unitLabel(f.actual ?? '', lang);
  return `${expected} / ${actual}`;
}

function ExpectedActual({ f }: { f: ListedFinding }) {
  const lang = useLang();
  return <MessageText text={expectedActual(f, lang)} lang={lang} />;
}

function Where({ f }: { f: ListedFinding }) {
  const lang = useLang();
  const entityName = useEntityName();
  const entity = f.where?.entityId;
  const place = [entity ? entityName(entity, lang) : undefined, f.where?.periodId]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      {f.where?.figureId ? (
        <a href={figureHref(f.where.figureId)} data-finding-figure={f.where.figureId}>
          <code>{f.where.figureId}</code>
        </a>
      ) : null}
      <div className="muted small-text" data-finding-entity={entity ?? ''}>
        {f.where?.section ? <span translate="no">{f.where.section}</span> : null}
        {f.where?.section && place ? ' · ' : ''}
        {place}
      </div>
    </>
  );
}

function Work({ w }: { w: FindingWork }) {
  const { t } = useTranslation('findings');
  const lang = useLang();
  return (
    <div className="finding-work">
      <span className={`work-state work-${w.state}`} data-work-state={w.state}>
        {t(`state.${w.state}`)}
      </span>
      <div className="small-text" data-assignee={w.assignee?.id ?? ''}>
        {t('assignee')}:{' '}
        {w.assignee ? personName(w.assignee.label) : <span className="muted">{t('nobody')}</span>}
      </div>
      {w.accepted ? (
        <div className="small-text" data-accepted>
          {t('acceptedBy', {
            by: personName(w.accepted.by),
            at: formatTime(w.accepted.at, lang),
            reason: w.accepted.reason,
          })}
        </div>
      ) : null}
      {w.resolved ? (
        <div className="small-text" data-resolved={w.resolved.revision}>
          {t('resolvedAt', {
            revision: w.resolved.revision,
            since: w.resolved.sinceRevision,
            at: formatTime(w.resolved.at, lang),
          })}
        </div>
      ) : null}
    </div>
  );
}

/** At module scope so they never change: cells read the language themselves. */
const COLUMNS = column.columns([
  column.accessor((r) => r.finding.severity, {
    id: 'severity',
    header: () => <Header k="severity" />,
    cell: (c) => <Severity severity={c.getValue()} />,
  }),
  column.display({
    id: 'finding',
    header: () => <Header k="finding" />,
    cell: (c) => <Message f={c.row.original.finding} />,
  }),
  column.display({
    id: 'expectedActual',
    header: () => <Header k="expectedActual" />,
    cell: (c) => <ExpectedActual f={c.row.original.finding} />,
  }),
  column.display({
    id: 'location',
    header: () => <Header k="location" />,
    cell: (c) => <Where f={c.row.original.finding} />,
  }),
  column.display({
    id: 'work',
    header: () => <Header k="work" />,
    cell: (c) => <Work w={c.row.original.work} />,
  }),
  column.display({
    id: 'actions',
    header: () => <Header k="actions" />,
    cell: (c) => <FindingActions finding={c.row.original.finding} work={c.row.original.work} />,
  }),
]);

function FindingGroup(props: { rule: string; section: string; rows: Row[] }) {
  const { t } = useTranslation('findings');
  const id = useId();
  const table = useTable({
    features,
    columns: COLUMNS,
    data: props.rows,
    // Findings sharing an id (same place, rule and code) are one work item, listed each.
    getRowId: (r) => `${r.finding.id}-${props.rows.indexOf(r)}`,
  });
  return (
    <section className="panel finding-group" aria-labelledby={`${id}-h`} data-group-rule={props.rule}>
      <h2 id={`${id}-h`}>
        {t('groupOf', { rule: ruleLabel(t, props.rule) })} ·{' '}
        {props.section ? <span translate="no">{props.section}</span> : t('noSection')}{' '}
        <span className="muted">({props.rows.length})</span>
      </h2>
      <table className="findings">
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => (
                <th key={h.id} scope="col" className={`col-${h.column.id}`}>
                  {h.isPlaceholder ? null : <table.FlexRender header={h} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={`finding severity-${row.original.finding.severity}`}
              data-finding={row.original.finding.id}
              data-state={row.original.work.state}
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The page's rows grouped by rule (in RULES order) and section (in order of appearance). */
function groupsOf(rows: Row[]): { rule: string; section: string; rows: Row[] }[] {
  const groups = new Map<string, { rule: string; section: string; rows: Row[] }>();
  for (const r of rows) {
    const rule = r.finding.ruleId;
    const section = sectionOf(r.finding);
    const key = `${rule}\u0000${section}`;
    const g = groups.get(key) ?? { rule, section, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  const rank = (rule: string) => (isRule(rule) ? RULES.indexOf(rule) : RULES.length);
  return [...groups.values()].sort((a, b) => rank(a.rule) - rank(b.rule));
}

export function FindingsPage({ severity }: { severity: string | null }) {
  const { t } = useTranslation('findings');
  const lang = useLang();
  const org = useContext(OrgContext);
  const [filter, setFilter] = useState<
    Required<Pick<FindingFilter, 'state' | 'severity' | 'rule' | 'entity' | 'page'>>
  >({
    state: 'current',
    severity: severity ?? '',
    rule: '',
    entity: '',
    page: 1,
  });
  const query = { ...filter, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: queryKeys.findings(query),
    queryFn: () => findingsApi.list(query),
    placeholderData: keepPreviousData,
  });
  const set = (change: Partial<typeof filter>) => setFilter({ ...filter, page: 1, ...change });
  if (list.error) return <ErrorNote message={list.error.message} />;
  const data = list.data;
  const rows: Row[] = (data?.findings ?? []).flatMap((f) => {
    const work = data?.work[f.id];
    return work ? [{ finding: f, work }] : [];
  });
  const pages = data ? Math.max(1, Math.ceil(data.matched / data.pageSize)) : 1;
  return (
    <div className="findings-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {data ? (
        <ul className="progress" aria-label={t('counts')}>
          {FINDING_STATES.map((s) => (
            <li key={s} data-count={s}>
              <span className={`work-state work-${s}`}>{t(`state.${s}`)}</span>{' '}
              <strong>{data.states[s]}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="toolbar">
        <label>
          {t('state')}{' '}
          <select
            name="state"
            value={filter.state}
            onChange={(e) => set({ state: e.target.value as StateFilter })}
          >
            {STATE_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`filter.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('severity')}{' '}
          <select name="severity" value={filter.severity} onChange={(e) => set({ severity: e.target.value })}>
            <option value="">{t('all')}</option>
            <option value="error">{t('severity.error')}</option>
            <option value="warning">{t('severity.warning')}</option>
            <option value="info">{t('severity.info')}</option>
          </select>
        </label>
        <label>
          {t('rule')}{' '}
          <select name="rule" value={filter.rule} onChange={(e) => set({ rule: e.target.value })}>
            <option value="">{t('all')}</option>
            {RULES.map((r) => (
              <option key={r} value={r}>
                {ruleLabel(t, r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('entity')}{' '}
          <select name="entity" value={filter.entity} onChange={(e) => set({ entity: e.target.value })}>
            <option value="">{t('all')}</option>
            {org?.entities.map((e) => (
              <option key={e.id} value={e.id}>
                {pick(e.name, lang)}
              </option>
            ))}
          </select>
        </label>
        {data ? (
          <span className="muted" data-matched={data.matched}>
            {t('matched', { shown: rows.length, matched: data.matched })}
          </span>
        ) : null}
      </div>
      {data && rows.length === 0 ? <p className="muted">{t('none')}</p> : null}
      {groupsOf(rows).map((g) => (
        <FindingGroup key={`${g.rule}\u0000${g.section}`} rule={g.rule} section={g.section} rows={g.rows} />
      ))}
      {data && pages > 1 ? (
        <nav className="pager" aria-label={t('pageOf', { page: filter.page, pages })}>
          <button
            type="button"
            disabled={filter.page <= 1}
            onClick={() => setFilter({ ...filter, page: filter.page - 1 })}
          >
            {t('previous')}
          </button>{' '}
          <span data-page={filter.page}>{t('pageOf', { page: filter.page, pages })}</span>{' '}
          <button
            type="button"
            disabled={filter.page >= pages}
            onClick={() => setFilter({ ...filter, page: filter.page + 1 })}
          >
            {t('next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
