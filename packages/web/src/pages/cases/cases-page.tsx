/**
 * Anti-corruption and whistleblowing cases (#/cases?kind=…&type=…&status=…; issue #18,
 * docs/registers.md "Compliance cases", docs/security.md). Everyone who reads the report sees
 * the counts by kind, type and outcome for a year (GET /api/cases/counts). Only the compliance
 * role (read-cases) gets the case register: the list with filters, a form to add or change a
 * case (write-case), retraction and each case's history. For anyone else the page asks the
 * server for no case row at all: the rows' query is not even made.
 */

import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { CASE_KINDS, CASE_TYPES, type ComplianceCase, casesApi } from '../../api-cases';
import { ErrorNote } from '../../components/error-note';
import { RefusalNote } from '../../components/refusal-note';
import { authorText, reasonText } from '../../components/system-text';
import { formatTime, useLang } from '../../i18n';
import { useEntityName } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';
import { personName } from '../cycle/cycle-rules';
import { CaseForm } from './case-form';
import './cases.css';

type Filter = { kind?: string | undefined; type?: string | undefined; status?: string | undefined };

export const casesHref = (f: Filter) => {
  const q = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1])).toString();
  return `#/cases${q ? `?${q}` : ''}`;
};

function Counts() {
  const { t } = useTranslation('cases');
  const [year, setYear] = useState<string | undefined>();
  const counts = useQuery({
    queryKey: queryKeys.caseCounts(year ?? ''),
    queryFn: () => casesApi.counts(year),
  });
  const shown = counts.data?.year ?? year ?? '';
  const years = shown ? [0, 1, 2].map((k) => String(Number(counts.data?.year ?? shown) - k)) : [];
  return (
    <section className="panel case-counts" data-case-counts={counts.data ? counts.data.total : undefined}>
      <h2>{t('countsTitle', { year: shown })}</h2>
      <label>
        {t('year')}{' '}
        <select name="year" value={shown} onChange={(e) => setYear(e.target.value)}>
          {[...new Set([...(year ? [year] : []), ...years])].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {counts.error ? <ErrorNote message={counts.error.message} /> : null}
      {counts.data && counts.data.counts.length === 0 ? (
        <p className="muted">{t('countsNone', { year: shown })}</p>
      ) : null}
      {counts.data && counts.data.counts.length > 0 ? (
        <table className="case-counts-table">
          <thead>
            <tr>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('type')}</th>
              <th scope="col">{t('outcome')}</th>
              <th scope="col">{t('count')}</th>
            </tr>
          </thead>
          <tbody>
            {counts.data.counts.map((c) => (
              <tr
                key={`${c.kind}|${c.type}|${c.outcome}`}
                data-case-count={`${c.kind}|${c.type}|${c.outcome}`}
              >
                <td>{t(`kind.${c.kind}` as 'kind.legal-case')}</td>
                <td>{t(`type.${c.type}` as 'type.bribery')}</td>
                <td>{t(`outcome.${c.outcome}` as 'outcome.open')}</td>
                <td className="num">{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {counts.data ? <p className="muted">{t('countsTotal', { count: counts.data.total })}</p> : null}
    </section>
  );
}

function History(props: { id: string }) {
  const { t } = useTranslation('cases');
  const lang = useLang();
  const h = useQuery({
    queryKey: queryKeys.caseHistory(props.id),
    queryFn: () => casesApi.history(props.id),
  });
  return (
    <tr className="case-history" data-case-history={props.id}>
      <td colSpan={9}>
        {h.error ? <ErrorNote message={h.error.message} /> : null}
        <ol>
          {(h.data?.revisions ?? []).map((r) => (
            <li key={r.version} data-revision={r.version}>
              {t('revision', {
                version: r.version,
                at: formatTime(r.at, lang),
                author: authorText(personName(r.author), lang),
                reason: reasonText(r.reason, lang),
              })}{' '}
              <span className="muted">
                {r.case
                  ? `${t(`type.${r.case.type}` as 'type.bribery')} · ${r.case.outcome ? t(`outcome.${r.case.outcome}` as 'outcome.open') : t('outcome.open')}`
                  : t('retractedRevision')}
              </span>
            </li>
          ))}
        </ol>
      </td>
    </tr>
  );
}

function Row(props: { c: ComplianceCase; version: number; onEdit: () => void }) {
  const { t } = useTranslation('cases');
  const lang = useLang();
  const name = useEntityName();
  const access = useAccess();
  const [open, setOpen] = useState(false);
  const retract = useWrite({
    write: () => casesApi.retract(props.c.id, props.version),
    invalidates: () => [queryKeys.casesAll()],
  });
  const c = props.c;
  return (
    <Fragment>
      <tr data-case={c.id}>
        <th scope="row">{c.id}</th>
        <td>{t(`kind.${c.kind}` as 'kind.legal-case')}</td>
        <td>{t(`type.${c.type}` as 'type.bribery')}</td>
        <td>{name(c.entityId, lang)}</td>
        <td>{c.openedOn}</td>
        <td>{c.concludedOn ?? '—'}</td>
        <td>{c.outcome ? t(`outcome.${c.outcome}` as 'outcome.open') : t('outcome.open')}</td>
        <td className="case-summary">{c.summary}</td>
        <td>
          <div className="case-actions">
            <span className="muted">v{props.version}</span>
            <button type="button" data-case-history-toggle={c.id} onClick={() => setOpen(!open)}>
              {open ? t('hideHistory') : t('history')}
            </button>
            {access.canOrgWide('write-case') ? (
              <>
                <button type="button" data-case-edit={c.id} onClick={props.onEdit}>
                  {t('edit')}
                </button>
                <button
                  type="button"
                  data-case-retract={c.id}
                  disabled={retract.isPending}
                  onClick={() => retract.mutate(undefined)}
                >
                  {t('retract')}
                </button>
              </>
            ) : null}
          </div>
          {retract.refusal ? (
            <RefusalNote
              refusal={retract.refusal}
              localised={retract.refusal.code === 'stale-version' ? t('refused.stale') : undefined}
            />
          ) : null}
        </td>
      </tr>
      {open ? <History id={c.id} /> : null}
    </Fragment>
  );
}

function Register(props: { filter: Filter }) {
  const { t } = useTranslation('cases');
  const access = useAccess();
  const f = props.filter;
  const list = useQuery({
    queryKey: queryKeys.caseList(f.kind ?? '', f.type ?? '', f.status ?? ''),
    queryFn: () => casesApi.list(f),
  });
  const [form, setForm] = useState<{ row?: { case: ComplianceCase; version: number } } | undefined>();
  const go = (next: Filter) => {
    window.location.hash = casesHref({ ...f, ...next });
  };
  const select = (key: keyof Filter, values: readonly string[], label: string, prefix?: string) => (
    <label>
      {label}{' '}
      <select name={key} value={f[key] ?? ''} onChange={(e) => go({ [key]: e.target.value || undefined })}>
        <option value="">{t('all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {prefix ? t(`${prefix}.${v}` as 'kind.legal-case') : t(v as 'open')}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="case-register" data-cases-ready={list.data ? list.data.cases.length : undefined}>
      <h2>{t('rowsTitle')}</h2>
      <div className="toolbar">
        {select('kind', CASE_KINDS, t('kind'), 'kind')} {select('type', CASE_TYPES, t('type'), 'type')}{' '}
        {select('status', ['open', 'concluded'], t('statusFilter'))}{' '}
        {access.canOrgWide('write-case') ? (
          <button type="button" data-case-add onClick={() => setForm({})}>
            {t('add')}
          </button>
        ) : null}
      </div>
      {list.error ? <ErrorNote message={list.error.message} /> : null}
      {form ? (
        <CaseForm
          key={form.row ? `${form.row.case.id}@${form.row.version}` : 'new'}
          {...(form.row ? { editing: form.row } : {})}
          onClose={() => setForm(undefined)}
        />
      ) : null}
      {list.data && list.data.cases.length === 0 ? <p className="muted">{t('none')}</p> : null}
      {list.data && list.data.cases.length > 0 ? (
        <table className="cases-table">
          <thead>
            <tr>
              {(
                [
                  'id',
                  'kind',
                  'type',
                  'entity',
                  'openedOn',
                  'concludedOn',
                  'outcome',
                  'summary',
                  'rowActions',
                ] as const
              ).map((k) => (
                <th key={k} scope="col">
                  {t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.data.cases.map((v) => (
              <Row key={v.case.id} c={v.case} version={v.version} onEdit={() => setForm({ row: v })} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export function CasesPage(props: { kind: string | null; type: string | null; status: string | null }) {
  const { t } = useTranslation('cases');
  const access = useAccess();
  const rows = access.canOrgWide('read-cases');
  return (
    <div className="cases" data-cases-page={rows ? 'rows' : 'counts'}>
      <h1>{t('title')}</h1>
      <p className="muted intro">{t('intro')}</p>
      <Counts />
      {rows ? (
        <Register
          filter={{
            kind: props.kind ?? undefined,
            type: props.type ?? undefined,
            status: props.status ?? undefined,
          }}
        />
      ) : (
        <p className="notice" data-cases-restricted>
          {t('restricted')}
        </p>
      )}
    </div>
  );
}
