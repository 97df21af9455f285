/**
 * Progress of a cycle per entity (GET /api/cycles/{period}/progress; docs/workflow.md "Task
 * lists"): units assigned, due, returned, submitted (or further), approved and overdue, and the
 * number of assignments, with the total in the table's foot. TanStack Table over the organisation's
 * entity order; the entity is each row's header cell; overdue counts above zero stand out.
 */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { collectionApi, type EntityProgress } from '../../api-collection';
import { ErrorNote } from '../../components/error-note';
import { useLang } from '../../i18n';
import { useEntityName } from '../../org-context';
import { queryKeys } from '../../query/keys';

const features = tableFeatures({});
const column = createColumnHelper<typeof features, EntityProgress>();
const COUNTS = ['assigned', 'due', 'returned', 'submitted', 'approved', 'overdue', 'indicators'] as const;
type Count = (typeof COUNTS)[number];

function Header({ k }: { k: 'entity' | Count }) {
  const { t } = useTranslation('assignments');
  return t(`col.${k}`);
}

function EntityName({ id }: { id: string }) {
  return useEntityName()(id, useLang());
}

/** At module scope: a refetch never remounts the cells (see cycle/entity-units.tsx). */
const COLUMNS = column.columns([
  column.accessor('entityId', {
    header: () => <Header k="entity" />,
    cell: (c) => <EntityName id={c.getValue()} />,
  }),
  ...COUNTS.map((k) =>
    column.accessor(k, {
      header: () => <Header k={k} />,
      cell: (c) => (
        <span className={k === 'overdue' && c.getValue() > 0 ? 'overdue' : undefined}>{c.getValue()}</span>
      ),
    }),
  ),
]);

export function ProgressTable({ cycle }: { cycle: string }) {
  const { t } = useTranslation('assignments');
  const progress = useQuery({
    queryKey: queryKeys.progress(cycle),
    queryFn: () => collectionApi.progress(cycle),
  });
  const table = useTable({
    features,
    columns: COLUMNS,
    data: progress.data?.entities ?? [],
    getRowId: (p) => p.entityId,
  });
  const total = progress.data?.total;
  return (
    <section
      className="panel"
      aria-labelledby="progress-title"
      data-progress-ready={progress.data ? cycle : undefined}
    >
      <h2 id="progress-title">{t('progressTitle')}</h2>
      {progress.error ? <ErrorNote message={progress.error.message} /> : null}
      {progress.data && progress.data.entities.length === 0 ? (
        <p className="muted">{t('noProgress')}</p>
      ) : null}
      {progress.data && progress.data.entities.length > 0 ? (
        <table className="progress-table">
          <caption className="sr-only">{t('progressOf', { period: cycle })}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((h) => (
                  <th key={h.id} scope="col" className={h.column.id === 'entityId' ? undefined : 'num'}>
                    <table.FlexRender header={h} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-progress-entity={row.id}>
                {row.getAllCells().map((cell) =>
                  cell.column.id === 'entityId' ? (
                    <th key={cell.id} scope="row">
                      <table.FlexRender cell={cell} />
                    </th>
                  ) : (
                    <td key={cell.id} className="num" data-count={cell.column.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {total ? (
            <tfoot>
              <tr data-progress-total>
                <th scope="row">{t('total')}</th>
                {COUNTS.map((k) => (
                  <td key={k} className="num">
                    {total[k]}
                  </td>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      ) : null}
    </section>
  );
}
