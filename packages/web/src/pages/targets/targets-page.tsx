/**
 * The targets register (#/targets?entity=…&status=…; issue #18, docs/registers.md): every target
 * with its base, target, the reporting year's actual, the share of the way from base to target
 * and the status by the documented rule, filtered by entity and status (in the URL, so a link
 * names them); for those who may write (write-target: the administrator) a form to add or change
 * a target and a button to retract one; each target's history under its row. Server state
 * through TanStack Query (query/keys.ts); writes refresh the list (query/write.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { createContext, Fragment, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { TARGET_STATUSES, type TargetRow, targetsApi } from '../../api-targets';
import { ErrorNote } from '../../components/error-note';
import { RefusalNote } from '../../components/refusal-note';
import { pick, useLang } from '../../i18n';
import { OrgContext, useEntityName } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';
import { targetsHref } from '../../route';
import { unitLabel } from '../fact-labels';
import { TargetForm } from './target-form';
import { TargetHistory } from './target-history';
import './targets.css';

const features = tableFeatures({});
const column = createColumnHelper<typeof features, TargetRow>();

function Header({
  k,
}: {
  k: 'name' | 'entity' | 'base' | 'goal' | 'actual' | 'progress' | 'status' | 'version' | 'actions';
}) {
  const { t } = useTranslation('targets');
  return t(k);
}

function Name({ row }: { row: TargetRow }) {
  const lang = useLang();
  return (
    <>
      {pick(row.target.name, lang)}
      {row.target.indicatorId ? (
        <div className="muted small-text">
          <code>{row.target.indicatorId}</code>
        </div>
      ) : null}
    </>
  );
}

function EntityName({ id }: { id: string | undefined }) {
  const lang = useLang();
  const name = useEntityName();
  return id ? name(id, lang) : '—';
}

/** "2020: 15 t"; a dash without a value. Numbers as the server gives them (exact text). */
const yearValue = (year: string | undefined, value: string | undefined, unit: string | undefined) =>
  value === undefined ? (year ?? '—') : `${year ? `${year}: ` : ''}${value} ${unit ?? ''}`.trim();

/** yearValue with the unit in the page's language ("2023: 800 百萬元" in Chinese). */
function YearValue(props: {
  year?: string | undefined;
  value?: string | undefined;
  unit?: string | undefined;
}) {
  const lang = useLang();
  return yearValue(
    props.year,
    props.value,
    props.unit === undefined ? undefined : unitLabel(props.unit, lang),
  );
}

function Status({ status }: { status: TargetRow['status'] }) {
  const { t } = useTranslation('targets');
  return (
    <span className={`target-status status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

const COLUMNS = column.columns([
  column.display({
    id: 'name',
    header: () => <Header k="name" />,
    cell: (c) => <Name row={c.row.original} />,
  }),
  column.accessor((r) => r.target.entityId, {
    id: 'entity',
    header: () => <Header k="entity" />,
    cell: (c) => <EntityName id={c.getValue()} />,
  }),
  column.accessor((r) => yearValue(r.target.baseYear, r.target.baseValue, r.target.unit), {
    id: 'base',
    header: () => <Header k="base" />,
    cell: (c) => {
      const t = c.row.original.target;
      return <YearValue year={t.baseYear} value={t.baseValue} unit={t.unit} />;
    },
  }),
  column.accessor((r) => yearValue(r.target.targetYear, r.target.value, r.target.unit), {
    id: 'goal',
    header: () => <Header k="goal" />,
    cell: (c) => {
      const t = c.row.original.target;
      return <YearValue year={t.targetYear} value={t.value} unit={t.unit} />;
    },
  }),
  column.accessor((r) => (r.actual === null ? '—' : `${r.actual} ${r.target.unit ?? ''}`.trim()), {
    id: 'actual',
    header: () => <Header k="actual" />,
    cell: (c) => {
      const r = c.row.original;
      return r.actual === null ? '—' : <YearValue value={r.actual} unit={r.target.unit} />;
    },
  }),
  column.accessor((r) => (r.percent === null ? '—' : `${r.percent} %`), {
    id: 'progress',
    header: () => <Header k="progress" />,
    cell: (c) => c.getValue(),
  }),
  column.accessor('status', {
    header: () => <Header k="status" />,
    cell: (c) => <Status status={c.getValue()} />,
  }),
  column.accessor('version', { header: () => <Header k="version" />, cell: (c) => c.getValue() }),
  column.display({
    id: 'actions',
    header: () => <Header k="actions" />,
    cell: (c) => <Actions row={c.row.original} />,
  }),
]);

/** The row's actions: history for everyone; edit and retract for those who may write. */
function Actions({ row }: { row: TargetRow }) {
  const { t } = useTranslation('targets');
  const access = useAccess();
  const page = useContext(PageContext);
  const retract = useWrite({
    write: () => targetsApi.retract(row.target.id, row.version),
    invalidates: () => [queryKeys.targetsAll()],
  });
  const open = page.history.has(row.target.id);
  return (
    <div className="target-actions">
      <button
        type="button"
        data-target-history-toggle={row.target.id}
        onClick={() => page.toggleHistory(row.target.id)}
      >
        {open ? t('hideHistory') : t('history')}
      </button>
      {access.canOrgWide('write-target') ? (
        <>
          <button type="button" data-target-edit={row.target.id} onClick={() => page.edit(row)}>
            {t('edit')}
          </button>
          <button
            type="button"
            data-target-retract={row.target.id}
            disabled={retract.isPending}
            onClick={() => retract.mutate(undefined)}
          >
            {t('retract')}
          </button>
        </>
      ) : null}
      {retract.refusal ? (
        <RefusalNote
          refusal={retract.refusal}
          localised={retract.refusal.code === 'stale-version' ? t('refused.stale') : undefined}
        />
      ) : null}
    </div>
  );
}

type PageState = {
  history: ReadonlySet<string>;
  toggleHistory: (id: string) => void;
  edit: (row: TargetRow) => void;
};
const PageContext = createContext<PageState>({ history: new Set(), toggleHistory: () => {}, edit: () => {} });

export function TargetsPage(props: { entity: string | null; status: string | null }) {
  const { t } = useTranslation('targets');
  const lang = useLang();
  const org = useContext(OrgContext);
  const access = useAccess();
  const filter = { entity: props.entity ?? undefined, status: props.status ?? undefined };
  const list = useQuery({
    queryKey: queryKeys.targets(filter.entity ?? '', filter.status ?? ''),
    queryFn: () => targetsApi.list(filter),
  });
  const [history, setHistory] = useState<ReadonlySet<string>>(new Set());
  const [form, setForm] = useState<{ row?: TargetRow } | undefined>();
  const state: PageState = {
    history,
    toggleHistory: (id) =>
      setHistory((h) => {
        const next = new Set(h);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    edit: (row) => setForm({ row }),
  };
  const table = useTable({
    features,
    columns: COLUMNS,
    data: list.data?.targets ?? [],
    getRowId: (r) => r.target.id,
  });
  const go = (entity: string | undefined, status: string | undefined) => {
    window.location.hash = targetsHref(entity, status);
  };
  return (
    <PageContext.Provider value={state}>
      <div className="targets" data-targets-ready={list.data ? list.data.workspaceVersion : undefined}>
        <h1>{t('title')}</h1>
        <p className="muted intro">{t('intro')}</p>
        <div className="toolbar">
          <label>
            {t('entity')}{' '}
            <select
              name="entity"
              value={filter.entity ?? ''}
              onChange={(e) => go(e.target.value || undefined, filter.status)}
            >
              <option value="">{t('allEntities')}</option>
              {(org?.entities ?? []).map((e) => (
                <option key={e.id} value={e.id}>
                  {pick(e.name, lang)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('status')}{' '}
            <select
              name="status"
              value={filter.status ?? ''}
              onChange={(e) => go(filter.entity, e.target.value || undefined)}
            >
              <option value="">{t('allStatuses')}</option>
              {TARGET_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>{' '}
          {list.data ? <span className="muted">{t('year', { year: list.data.year })}</span> : null}{' '}
          {access.canOrgWide('write-target') ? (
            <button type="button" data-target-add onClick={() => setForm({})}>
              {t('add')}
            </button>
          ) : null}
        </div>
        {list.error ? <ErrorNote message={list.error.message} /> : null}
        {form ? (
          <TargetForm
            key={form.row ? `${form.row.target.id}@${form.row.version}` : 'new'}
            {...(form.row ? { editing: { target: form.row.target, version: form.row.version } } : {})}
            onClose={() => setForm(undefined)}
          />
        ) : null}
        {list.data && list.data.targets.length === 0 ? (
          <p className="muted" data-no-targets>
            {t('none')}
          </p>
        ) : null}
        {list.data && list.data.targets.length > 0 ? (
          <table className="targets-table">
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
                  <tr data-target={row.id}>
                    {row.getAllCells().map((cell) =>
                      cell.column.id === 'name' ? (
                        <th key={cell.id} scope="row">
                          <table.FlexRender cell={cell} />
                        </th>
                      ) : (
                        <td key={cell.id} className={`col-${cell.column.id}`}>
                          <table.FlexRender cell={cell} />
                        </td>
                      ),
                    )}
                  </tr>
                  {history.has(row.id) ? <TargetHistory id={row.id} columns={COLUMNS.length} /> : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </PageContext.Provider>
  );
}
