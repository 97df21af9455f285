/**
 * One entity's units of the period: a heading, the progress counts (draft, submitted, reviewed,
 * approved) and a table (TanStack Table: topic, state, version, data points, who submitted and
 * reviewed, the last comment, the caller's actions). The topic is each row's header cell.
 */
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKFLOW_STATES, type WorkflowUnit } from '../../api';
import { formatTime, useLang } from '../../i18n';
import { topicName } from '../catalogue-topics';
import { personName } from './cycle-rules';
import { UnitActions } from './unit-actions';
import { UnitCommentsProvider, UnitCommentsRow, UnitCommentsToggle } from './unit-comments';
import { UnitReviewRow, UnitReviewToggle } from './unit-review';

const features = tableFeatures({});
const column = createColumnHelper<typeof features, WorkflowUnit>();

/** A recorded person: the name, the full label ("name <email>") on hover; a dash for nobody. */
function Person({ label }: { label: string | null | undefined }) {
  const { t } = useTranslation('cycle');
  if (!label) return <span className="muted">{t('nobody')}</span>;
  return <span title={label}>{personName(label)}</span>;
}

function LastComment({ unit }: { unit: WorkflowUnit }) {
  const { t } = useTranslation('cycle');
  const lang = useLang();
  const c = unit.lastComment;
  if (!c)
    return (
      <>
        <span className="muted">{t('nobody')}</span> <UnitCommentsToggle unit={unit} />
      </>
    );
  return (
    <div className="last-comment" data-last-comment>
      <q>{c.comment}</q>
      <div className="muted small-text">
        {t('commentBy', { actor: personName(c.actor), at: formatTime(c.at, lang) })} · {t(`event.${c.event}`)}
      </div>
      <UnitCommentsToggle unit={unit} />
    </div>
  );
}

/** A column's header in the UI language. */
function Header({
  k,
}: {
  k: 'topic' | 'state' | 'version' | 'dataPoints' | 'submitter' | 'reviewer' | 'lastComment' | 'actions';
}) {
  const { t } = useTranslation('cycle');
  return t(k);
}

function Topic({ code }: { code: string }) {
  return topicName(code, useLang());
}

function State({ state }: { state: WorkflowUnit['state'] }) {
  const { t } = useTranslation('cycle');
  return (
    <span className={`state state-${state}`} data-state={state}>
      {t(`state.${state}`)}
    </span>
  );
}

/**
 * The columns, at module scope so that they never change: cells are components that read the
 * language themselves, so a re-render (a refetch, a language switch) keeps each row's actions
 * mounted with what they show (a refusal, an open comment form).
 */
const COLUMNS = column.columns([
  column.accessor('topic', {
    header: () => <Header k="topic" />,
    cell: (c) => <Topic code={c.getValue()} />,
  }),
  column.accessor('state', {
    header: () => <Header k="state" />,
    cell: (c) => <State state={c.getValue()} />,
  }),
  column.accessor('version', { header: () => <Header k="version" />, cell: (c) => c.getValue() }),
  // Data points and activity lines together: a month of fuel lines is a unit with 0 data points.
  column.accessor((u) => u.dataPoints + u.activityLines, {
    id: 'dataPoints',
    header: () => <Header k="dataPoints" />,
    cell: (c) => c.getValue(),
  }),
  column.accessor((u) => u.submitter ?? null, {
    id: 'submitter',
    header: () => <Header k="submitter" />,
    cell: (c) => <Person label={c.getValue()} />,
  }),
  column.accessor((u) => u.reviewer ?? null, {
    id: 'reviewer',
    header: () => <Header k="reviewer" />,
    cell: (c) => <Person label={c.getValue()} />,
  }),
  column.display({
    id: 'lastComment',
    header: () => <Header k="lastComment" />,
    cell: (c) => <LastComment unit={c.row.original} />,
  }),
  column.display({
    id: 'actions',
    header: () => <Header k="actions" />,
    cell: (c) => <UnitActions unit={c.row.original} />,
  }),
]);

export function EntityUnits(props: { entityId: string; name: string; units: WorkflowUnit[] }) {
  const { t } = useTranslation('cycle');
  const id = useId();
  const table = useTable({
    features,
    columns: COLUMNS,
    data: props.units,
    getRowId: (u) => `${u.entityId}/${u.topic}`,
  });
  const counts = WORKFLOW_STATES.map((s) => [s, props.units.filter((u) => u.state === s).length] as const);
  return (
    <UnitCommentsProvider>
      <section
        className="panel entity-units"
        aria-labelledby={`${id}-name`}
        data-entity-units={props.entityId}
      >
        <h2 id={`${id}-name`}>{props.name}</h2>
        <ul className="progress" aria-label={t('progress')}>
          {counts.map(([state, n]) => (
            <li key={state} data-progress={state}>
              <span className={`state state-${state}`}>{t(`state.${state}`)}</span> <strong>{n}</strong>
            </li>
          ))}
        </ul>
        <table className="units">
          <caption className="sr-only">{t('unitsOf', { entity: props.name })}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((h) => (
                  <th key={h.id} scope="col" className={`col-${h.column.id}`}>
                    {h.isPlaceholder ? null : <table.FlexRender header={h} />}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <Fragment key={row.id}>
                <tr data-unit={row.id}>
                  {row.getAllCells().map((cell) =>
                    cell.column.id === 'topic' ? (
                      <th key={cell.id} scope="row">
                        <table.FlexRender cell={cell} />
                        <UnitReviewToggle unit={row.original} />
                      </th>
                    ) : (
                      <td key={cell.id} className={`col-${cell.column.id}`}>
                        <table.FlexRender cell={cell} />
                      </td>
                    ),
                  )}
                </tr>
                <UnitReviewRow unit={row.original} columns={COLUMNS.length} />
                <UnitCommentsRow unit={row.original} columns={COLUMNS.length} />
              </Fragment>
            ))}
          </tbody>
        </table>
      </section>
    </UnitCommentsProvider>
  );
}
