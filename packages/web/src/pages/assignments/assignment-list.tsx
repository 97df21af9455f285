/**
 * The assignments of one entry period of a cycle (GET /api/cycles/{period}/assignments?period=):
 * entity, topic, indicator, preparer, due date, how many changes it has had and who made the
 * last. One entry period at a time (a monthly cycle of a topic's indicators over a few sites is
 * hundreds of rows a year). TanStack Table; rows in entity, topic and indicator order.
 */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useContext, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { type Assignment, type Cycle, collectionApi } from '../../api-collection';
import { ErrorNote } from '../../components/error-note';
import { formatTime, pick, useLang } from '../../i18n';
import { OrgContext, useEntityName } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { topicName } from '../catalogue-topics';
import { personName } from '../cycle/cycle-rules';
import { periodName } from '../entry/period-label';

const features = tableFeatures({});
const column = createColumnHelper<typeof features, Assignment>();
type Col = 'entity' | 'topic' | 'indicator' | 'assignee' | 'dueDate' | 'changes' | 'by';

function Header({ k }: { k: Col }) {
  const { t } = useTranslation('assignments');
  return t(`col.${k}`);
}
function EntityName({ id }: { id: string }) {
  return useEntityName()(id, useLang());
}
function Topic({ code }: { code: string }) {
  return topicName(code, useLang());
}
/** The indicator's name in the UI language (its id on hover and below, for the template's users). */
function Indicator({ id }: { id: string }) {
  const lang = useLang();
  const catalogue = useQuery({ queryKey: queryKeys.catalogue(), queryFn: () => api.catalogue() });
  const entry = catalogue.data?.indicators.find((i) => i.id === id);
  return (
    <span title={id}>
      {entry ? pick(entry.name, lang) : null}
      <code className="indicator-id">{id}</code>
    </span>
  );
}
function By({ a }: { a: Assignment }) {
  const lang = useLang();
  return (
    <span title={a.actor}>
      {personName(a.actor)} <span className="muted small-text">{formatTime(a.at, lang)}</span>
    </span>
  );
}

/** At module scope: a refetch never remounts the cells. */
const COLUMNS = column.columns([
  column.accessor('entityId', {
    header: () => <Header k="entity" />,
    cell: (c) => <EntityName id={c.getValue()} />,
  }),
  column.accessor('topic', {
    header: () => <Header k="topic" />,
    cell: (c) => <Topic code={c.getValue()} />,
  }),
  column.accessor('indicatorId', {
    header: () => <Header k="indicator" />,
    cell: (c) => <Indicator id={c.getValue()} />,
  }),
  column.accessor((a) => a.assigneeLabel ?? '', {
    id: 'assignee',
    header: () => <Header k="assignee" />,
    cell: (c) => <span title={c.getValue()}>{personName(c.getValue())}</span>,
  }),
  column.accessor((a) => a.dueDate ?? '', {
    id: 'dueDate',
    header: () => <Header k="dueDate" />,
    cell: (c) => c.getValue(),
  }),
  column.accessor('version', { header: () => <Header k="changes" />, cell: (c) => c.getValue() }),
  column.display({ id: 'by', header: () => <Header k="by" />, cell: (c) => <By a={c.row.original} /> }),
]);

export function AssignmentList({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('assignments');
  const lang = useLang();
  const id = useId();
  const org = useContext(OrgContext);
  const [chosen, setChosen] = useState<string>();
  const period =
    chosen && cycle.entryPeriods.includes(chosen) ? chosen : (cycle.entryPeriods[0] ?? cycle.periodId);
  const list = useQuery({
    queryKey: queryKeys.assignments(cycle.periodId, period),
    queryFn: () => collectionApi.assignments(cycle.periodId, period),
  });
  const rows = useMemo(() => {
    const order = (org?.entities ?? []).map((e) => e.id);
    const rank = (e: string) => (order.includes(e) ? order.indexOf(e) : order.length);
    return [...(list.data?.assignments ?? [])].sort(
      (a, b) =>
        rank(a.entityId) - rank(b.entityId) ||
        (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0) ||
        (a.indicatorId < b.indicatorId ? -1 : a.indicatorId > b.indicatorId ? 1 : 0),
    );
  }, [list.data, org]);
  const table = useTable({ features, columns: COLUMNS, data: rows, getRowId: (a) => a.id });
  return (
    <section
      className="panel"
      aria-labelledby={`${id}-title`}
      data-assignment-list={list.data ? period : undefined}
    >
      <h2 id={`${id}-title`}>{t('listTitle')}</h2>
      <div className="toolbar">
        <label>
          {t('listPeriod')}{' '}
          <select value={period} data-list-period onChange={(e) => setChosen(e.target.value)}>
            {cycle.entryPeriods.map((p) => (
              <option key={p} value={p}>
                {periodName(p, lang)}
              </option>
            ))}
          </select>
        </label>
        {list.data ? <span className="muted">{t('shown', { count: rows.length })}</span> : null}
      </div>
      {list.error ? <ErrorNote message={list.error.message} /> : null}
      {list.data && rows.length === 0 ? <p className="muted">{t('noAssignments')}</p> : null}
      {rows.length > 0 ? (
        <table className="assignment-table">
          <caption className="sr-only">{t('listOf', { period: periodName(period, lang) })}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((h) => (
                  <th key={h.id} scope="col">
                    <table.FlexRender header={h} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-assignment={`${row.original.entityId}/${row.original.indicatorId}`}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
