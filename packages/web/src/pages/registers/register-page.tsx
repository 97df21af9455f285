/**
 * The supplier, hazard and energy-saving project registers (#/suppliers, #/hazards, #/projects
 * ?entity=…&status=…&region=…&grade=…; issue #18, docs/registers.md), and the site registers
 * (#/certifications?entity=…&status=<expiry state>, #/tailings-facilities?entity=…&status=…:
 * no figures; a certificate's expiry state on the server's day, expiring within its warning
 * days; written by write-site-register): the figures derived from
 * the register for the reporting year (supplier counts by region, one per credit code;
 * rectification rate and overdue count as of 31 December; completion rate and verified savings),
 * the rows filtered (in the URL, so a link names them), for those who may write
 * (write-operating-register: the administrator) a form to add or change a row and a button to
 * retract one, and each row's history under it. Server state through TanStack Query
 * (query/keys.ts); writes refresh the list (query/write.ts), also after a stale version (412).
 */

import { useQuery } from '@tanstack/react-query';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { Fragment, useContext, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import {
  CLIMATE_FILTER,
  isSiteRegister,
  type Register,
  type RegisterList,
  registersApi,
} from '../../api-registers';
import { ErrorNote } from '../../components/error-note';
import { RefusalNote } from '../../components/refusal-note';
import { authorText, reasonText } from '../../components/system-text';
import { formatTime, type Lang, pick, useLang } from '../../i18n';
import { OrgContext, useEntityName } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';
import { personName } from '../cycle/cycle-rules';
import { roundHalfUp, showValue, unitLabel } from '../fact-labels';
import { FIELDS, FIGURE_PLACES, formKey, rowOf, STATUS_FILTER, TERMS, valueAt } from './register-fields';

/** A region or category id in the page's language (the id itself when unnamed). */
const term = (id: string, lang: Lang) => TERMS[id]?.[lang] ?? id;

import type { registers as registerTexts } from '../../locales/en/registers';
import './registers.css';

/** A text key built from data (a field, a status, an indicator id); every one is in the locale files. */
const tk = (key: string) => key as keyof typeof registerTexts;

type Item = RegisterList['rows'][number];
const features = tableFeatures({});

/** The action that writes a register (route-rules.ts). */
const writeAction = (r: Register) => (isSiteRegister(r) ? 'write-site-register' : 'write-operating-register');

/** Screening scores that call for a risk the register does not have (climate registers' lists). */
function Gaps({ list }: { list: RegisterList }) {
  const { t } = useTranslation('registers');
  const lang = useLang();
  const entityName = useEntityName();
  if (!list.gaps || list.threshold === null || list.threshold === undefined) return null;
  if (list.gaps.length === 0)
    return (
      <p className="muted small-text" data-screening-gaps="0">
        {t('gapsNone', { threshold: list.threshold })}
      </p>
    );
  return (
    <section className="panel" data-screening-gaps={list.gaps.length}>
      <h2>{t('gapsTitle', { threshold: list.threshold })}</h2>
      <ul>
        {list.gaps.map((g) => (
          <li key={g.screening.id}>
            {t('gap', {
              site: entityName(g.screening.entityId, lang),
              hazard: t(tk(`value.hazard.${g.screening.hazard}`)),
              score: g.screening.score,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
const column = createColumnHelper<typeof features, Item>();

/** The list's columns of each register: field keys (a localised field by its stem). */
const LIST: Readonly<Record<Register, readonly string[]>> = {
  suppliers: ['name', 'creditCode', 'entityId', 'region', 'category', 'esgResult', 'status'],
  hazards: ['foundOn', 'entityId', 'grade', 'description', 'owner', 'dueOn', 'rectifiedOn', 'state'],
  projects: ['name', 'entityId', 'measure', 'status', 'estimated', 'verified'],
  certifications: [
    'standard',
    'entityId',
    'scope',
    'issuer',
    'certificateNumber',
    'issuedOn',
    'expiresOn',
    'expiry',
  ],
  'tailings-facilities': [
    'name',
    'entityId',
    'status',
    'consequence',
    'monitoring',
    'emergencyPlan',
    'closurePlan',
  ],
  // response and owner are in the form and the history (the list stays within the page)
  'climate-risks': [
    'kind',
    'name',
    'entityIds',
    'horizon',
    'likelihood',
    'impact',
    'financialEffect',
    'financialAmount',
  ],
  'climate-scales': ['axis', 'name', 'rank', 'fromYears', 'toYears', 'needsRisk'],
  'hazard-screening': ['entityId', 'hazard', 'score', 'scenario', 'source'],
  'supplier-practices': ['provision', 'text', 'source'],
};
/** Currencies by their Chinese names (as the report prints them); another code shows as given. */
const CURRENCY_ZH: Readonly<Record<string, string>> = {
  CNY: '人民幣',
  HKD: '港元',
  USD: '美元',
  EUR: '歐元',
};
/** Fields whose values are ids named in the locale files (`value.<field>.<id>`). */
const NAMED = new Set(['kind', 'hazard', 'axis', 'horizon', 'provision']);

function Header({ k }: { k: string }) {
  const { t } = useTranslation('registers');
  return t(tk(`field.${k}`));
}

/**
 * A climate risk's likelihood or impact by the name of the company's scale level (the
 * climate-scales register), not its id ("likelihood-4" printed as "很可能" / "Likely").
 */
function ScaleLevel({ id }: { id: string }) {
  const lang = useLang();
  const scales = useQuery({
    queryKey: queryKeys.registerList('climate-scales', '', '', '', ''),
    queryFn: () => registersApi.list('climate-scales', {}),
  });
  const level = scales.data?.rows.find((l) => l.row.id === id)?.row.name as
    | Record<string, string>
    | undefined;
  return <>{level?.[lang] ?? id}</>;
}

function Cell({ item, k, year }: { item: Item; k: string; year: string }) {
  const { t } = useTranslation('registers');
  const lang = useLang();
  const entityName = useEntityName();
  const r = item.row;
  const v = r[k];
  if (k === 'entityId') return entityName(r.entityId, lang);
  if (k === 'likelihood' || k === 'impact')
    return typeof v === 'string' && v !== '' ? <ScaleLevel id={v} /> : '—';
  if (k === 'state') {
    const rectified = valueAt(r, 'rectifiedOn');
    const state =
      rectified !== '' && rectified <= `${year}-12-31`
        ? 'rectified'
        : valueAt(r, 'dueOn') < `${year}-12-31`
          ? 'overdue'
          : 'open';
    return <span className={`register-state state-${state}`}>{t(tk(`value.status.${state}`))}</span>;
  }
  if (k === 'expiry') {
    const e = item.expiry;
    if (!e) return '—';
    return (
      <span className={`register-state state-${e.state}`} data-expiry={e.state}>
        {t(tk(`value.status.${e.state}`))}
        {e.daysLeft === null
          ? ''
          : ` · ${t(e.daysLeft < 0 ? 'daysAgo' : 'daysLeft', { n: Math.abs(e.daysLeft) })}`}
      </span>
    );
  }
  if (k === 'standard') {
    return (
      <>
        {typeof v === 'string' ? t(tk(`value.standard.${v}`)) : '—'}
        {r.isDemonstration ? <span className="demo-mark">{t('demo')}</span> : null}
      </>
    );
  }
  if (k === 'consequence') return typeof v === 'string' ? t(tk(`value.consequence.${v}`)) : '—';
  if (k === 'estimated' || k === 'verified') {
    const s = (v ?? {}) as Record<string, string>;
    const parts = ['tce', 'MWh', 'tCO2e']
      .filter((u) => s[u] !== undefined)
      .map((u) => `${showValue(s[u] as string)} ${unitLabel(u, lang)}`);
    return parts.length > 0 ? parts.join(lang === 'en' ? '; ' : '；') : '—';
  }
  if (k === 'esgResult') {
    const on = valueAt(r, 'esgAssessedOn');
    return typeof v === 'string' ? `${t(tk(`value.esgResult.${v}`))}${on ? ` (${on})` : ''}` : '—';
  }
  if (k === 'status' || k === 'grade') return typeof v === 'string' ? t(tk(`value.${k}.${v}`)) : '—';
  if (NAMED.has(k)) return typeof v === 'string' ? t(tk(`value.${k}.${v}`)) : '—';
  if (k === 'entityIds')
    return Array.isArray(v) && v.length > 0
      ? v.map((e: string) => entityName(e, lang)).join(lang === 'en' ? ', ' : '、')
      : t('allSites');
  if (k === 'needsRisk') return v === true ? t('value.needsRisk.yes') : '—';
  if (typeof v === 'number') return String(v);
  if (k === 'financialAmount') {
    const a = (v ?? {}) as { value?: string; currency?: string };
    const currency = lang === 'zh-Hant' ? (CURRENCY_ZH[a.currency ?? ''] ?? a.currency) : a.currency;
    return a.value ? `${showValue(a.value)} ${currency ?? ''}` : '—';
  }
  if (k === 'region' || k === 'category') return typeof v === 'string' ? term(v, lang) : '—';
  if (v && typeof v === 'object' && 'en' in v) {
    return (
      <>
        {pick(v as { en: string; 'zh-Hant': string }, lang)}
        {k === 'name' && r.isDemonstration ? <span className="demo-mark">{t('demo')}</span> : null}
      </>
    );
  }
  // a single-language text field (source, scenario, owner, evidence…) as entered: data, not UI text
  return typeof v === 'string' && v !== '' ? <span translate="no">{v}</span> : '—';
}

function Figures({ list, lang }: { list: RegisterList; lang: Lang }) {
  const { t } = useTranslation('registers');
  if (list.figures.length === 0) return <p className="muted">{t('noFigures')}</p>;
  return (
    <table className="register-figures" data-register-figures>
      <tbody>
        {list.figures.map((f) => {
          const key = Object.values(f.disaggregation)
            .map((v) => term(v, lang))
            .join(' · ');
          return (
            <tr key={f.figureId} data-figure={f.figureId}>
              <th scope="row">
                {t(tk(`figure.${f.indicatorId}`))}
                {key ? ` · ${key}` : ''}
              </th>
              <td>
                {f.value === null
                  ? '—'
                  : `${showValue(roundHalfUp(f.value, FIGURE_PLACES[f.indicatorId] ?? 2))}${f.unit === 'count' ? '' : ` ${unitLabel(f.unit, lang)}`}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RowForm(props: { register: Register; editing?: Item; onClose: () => void }) {
  const { t } = useTranslation('registers');
  const lang = useLang();
  const org = useContext(OrgContext);
  const id = useId();
  const { register, editing } = props;
  const defaults = Object.fromEntries(
    FIELDS[register].map((f) => [formKey(f.key), valueAt(editing?.row, f.key)]),
  );
  const {
    register: field,
    handleSubmit,
    formState: { errors },
  } = useForm<Record<string, string>>({ defaultValues: { ...defaults, reason: '' } });
  const write = useWrite({
    write: (v: Record<string, string>) => {
      const row = rowOf(register, v, editing?.row);
      const reason = (v.reason ?? '').trim() || undefined;
      return editing
        ? registersApi.update(register, { ...row, id: editing.row.id }, editing.version, reason)
        : registersApi.create(register, row, reason);
    },
    invalidates: () => [queryKeys.registerAll(register)],
    onDone: () => props.onClose(),
  });
  const refused = (code: string, f: string | undefined) =>
    code === 'stale-version'
      ? t('refused.stale')
      : code === 'conflict'
        ? t('refused.conflict')
        : code === 'forbidden'
          ? t('refused.forbidden')
          : code === 'invalid-data' || code === 'invalid-request'
            ? t('refused.invalid', {
                field: f
                  ? t(tk(`field.${f.replace(/^(row|certification|facility)\./, '')}`), { defaultValue: f })
                  : '',
              })
            : undefined;
  return (
    <form
      className="panel register-form"
      aria-labelledby={`${id}-title`}
      noValidate
      data-register-form={editing?.row.id ?? 'new'}
      onSubmit={handleSubmit((v) => write.mutate(v))}
    >
      <h2 id={`${id}-title`}>{editing ? t('editing', { id: editing.row.id }) : t('adding')}</h2>
      <div className="register-grid">
        {FIELDS[register].map((f) => {
          const name = formKey(f.key);
          const rules = {
            validate: (v: string) => {
              const s = (v ?? '').trim();
              if (s === '') return !f.required || t('required');
              if (f.kind === 'id') return /^[a-z0-9][a-z0-9._-]{0,99}$/.test(s) || t('badId');
              if (f.kind === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(s) || t('badDate');
              if (f.kind === 'decimal') return /^\d+(\.\d+)?$/.test(s) || t('badNumber');
              return true;
            },
          };
          const kind = f.kind;
          return (
            <label key={f.key} htmlFor={`${id}-${name}`}>
              {t(tk(`field.${f.key}`))}
              {kind === 'entity' ? (
                <select {...field(name, rules)} id={`${id}-${name}`} data-register-field={f.key}>
                  <option value="">—</option>
                  {(org?.entities ?? []).map((e) => (
                    <option key={e.id} value={e.id}>
                      {pick(e.name, lang)}
                    </option>
                  ))}
                </select>
              ) : typeof kind === 'object' ? (
                <select {...field(name, rules)} id={`${id}-${name}`} data-register-field={f.key}>
                  <option value="">—</option>
                  {kind.options.map((o) => (
                    <option key={o} value={o}>
                      {t(tk(`value.${f.key}.${o}`))}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...field(name, rules)}
                  id={`${id}-${name}`}
                  type={kind === 'date' ? 'date' : 'text'}
                  inputMode={kind === 'decimal' ? 'decimal' : undefined}
                  readOnly={kind === 'id' && editing !== undefined}
                  aria-invalid={errors[name] !== undefined}
                  data-register-field={f.key}
                />
              )}
              {errors[name] ? (
                <span className="field-error" role="alert">
                  {errors[name]?.message}
                </span>
              ) : null}
            </label>
          );
        })}
        <label>
          {t('field.reason')}
          <input {...field('reason')} data-register-field="reason" />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={write.isPending} data-register-save>
          {t('save')}
        </button>{' '}
        <button type="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
      </div>
      {write.refusal ? (
        <RefusalNote refusal={write.refusal} localised={refused(write.refusal.code, write.refusal.field)} />
      ) : null}
    </form>
  );
}

function History(props: { register: Register; id: string; columns: number }) {
  const { t } = useTranslation('registers');
  const lang = useLang();
  const h = useQuery({
    queryKey: queryKeys.registerHistory(props.register, props.id),
    queryFn: () => registersApi.history(props.register, props.id),
  });
  return (
    <tr className="register-history" data-register-history={props.id}>
      <td colSpan={props.columns}>
        {h.error ? <ErrorNote message={h.error.message} /> : null}
        <ol>
          {(h.data?.revisions ?? []).map((r) => (
            <li key={r.version} data-revision={r.version}>
              {t('revision', {
                version: r.version,
                at: formatTime(r.at, lang),
                author: authorText(personName(r.author), lang),
                reason: reasonText(r.reason, lang),
              })}
              {r.row ? null : <span className="muted"> {t('retractedRevision')}</span>}
            </li>
          ))}
        </ol>
      </td>
    </tr>
  );
}

function Actions(props: {
  register: Register;
  item: Item;
  open: boolean;
  toggle: () => void;
  edit: () => void;
}) {
  const { t } = useTranslation('registers');
  const access = useAccess();
  const { register, item } = props;
  const retract = useWrite({
    write: () => registersApi.retract(register, item.row.id, item.version),
    invalidates: () => [queryKeys.registerAll(register)],
  });
  return (
    <div className="register-actions">
      <button type="button" data-register-history-toggle={item.row.id} onClick={props.toggle}>
        {props.open ? t('hideHistory') : t('history')}
      </button>
      {access.canOrgWide(writeAction(register)) ? (
        <>
          <button type="button" data-register-edit={item.row.id} onClick={props.edit}>
            {t('edit')}
          </button>
          <button
            type="button"
            data-register-retract={item.row.id}
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

export function RegisterPage(props: { register: Register; params: URLSearchParams }) {
  const { t } = useTranslation('registers');
  const lang = useLang();
  const org = useContext(OrgContext);
  const access = useAccess();
  const { register } = props;
  const filter = {
    entity: props.params.get('entity') ?? '',
    status: props.params.get('status') ?? '',
    region: register === 'suppliers' ? (props.params.get('region') ?? '') : '',
    grade: register === 'hazards' ? (props.params.get('grade') ?? '') : '',
  };
  const list = useQuery({
    queryKey: queryKeys.registerList(register, filter.entity, filter.status, filter.region, filter.grade),
    queryFn: () => registersApi.list(register, filter),
  });
  const [history, setHistory] = useState<ReadonlySet<string>>(new Set());
  const [form, setForm] = useState<{ item?: Item } | undefined>();
  const year = list.data?.year ?? '';
  const columns = column.columns([
    ...LIST[register].map((k) =>
      column.display({
        id: k,
        header: () => <Header k={k} />,
        cell: (c) => <Cell item={c.row.original} k={k} year={year} />,
      }),
    ),
    column.accessor('version', { header: () => <Header k="version" />, cell: (c) => c.getValue() }),
    column.display({
      id: 'actions',
      header: () => <Header k="actions" />,
      cell: (c) => {
        const item = c.row.original;
        return (
          <Actions
            register={register}
            item={item}
            open={history.has(item.row.id)}
            toggle={() =>
              setHistory((h) => {
                const next = new Set(h);
                if (!next.delete(item.row.id)) next.add(item.row.id);
                return next;
              })
            }
            edit={() => setForm({ item })}
          />
        );
      },
    }),
  ]);
  const table = useTable({ features, columns, data: list.data?.rows ?? [], getRowId: (r) => r.row.id });
  const go = (change: Partial<typeof filter>) => {
    const q = new URLSearchParams(
      Object.entries({ ...filter, ...change }).filter(([, v]) => v !== ''),
    ).toString();
    window.location.hash = `#/${register}${q ? `?${q}` : ''}`;
  };
  const regions = [
    ...new Set((list.data?.rows ?? []).map((r) => valueAt(r.row, 'region')).filter((r) => r !== '')),
  ];
  if (filter.region && !regions.includes(filter.region)) regions.push(filter.region);
  return (
    <div
      className="registers"
      data-register={register}
      data-register-ready={list.data ? list.data.workspaceVersion : undefined}
    >
      <h1>{t(tk(`title.${register}`))}</h1>
      <p className="muted intro">{t(tk(`intro.${register}`))}</p>
      <div className="toolbar">
        <label>
          {t('entity')}{' '}
          <select name="entity" value={filter.entity} onChange={(e) => go({ entity: e.target.value })}>
            <option value="">{t('allEntities')}</option>
            {(org?.entities ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {pick(e.name, lang)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t(
            register === 'certifications'
              ? 'field.expiry'
              : tk(`field.${CLIMATE_FILTER[register] ?? 'status'}`),
          )}{' '}
          <select name="status" value={filter.status} onChange={(e) => go({ status: e.target.value })}>
            <option value="">{t('all')}</option>
            {STATUS_FILTER[register].map((s) => (
              <option key={s} value={s}>
                {t(tk(`value.${CLIMATE_FILTER[register] ?? 'status'}.${s}`))}
              </option>
            ))}
          </select>
        </label>{' '}
        {register === 'suppliers' ? (
          <label>
            {t('field.region')}{' '}
            <select name="region" value={filter.region} onChange={(e) => go({ region: e.target.value })}>
              <option value="">{t('all')}</option>
              {regions.map((r) => (
                <option key={r} value={r}>
                  {term(r, lang)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {register === 'hazards' ? (
          <label>
            {t('field.grade')}{' '}
            <select name="grade" value={filter.grade} onChange={(e) => go({ grade: e.target.value })}>
              <option value="">{t('all')}</option>
              {['general', 'major'].map((g) => (
                <option key={g} value={g}>
                  {t(tk(`value.grade.${g}`))}
                </option>
              ))}
            </select>
          </label>
        ) : null}{' '}
        {list.data?.year ? <span className="muted">{t('year', { year: list.data.year })}</span> : null}{' '}
        {access.canOrgWide(writeAction(register)) ? (
          <button type="button" data-register-add onClick={() => setForm({})}>
            {t('add')}
          </button>
        ) : null}
      </div>
      {list.error ? <ErrorNote message={list.error.message} /> : null}
      {list.data && register === 'certifications' ? (
        <p className="muted small-text" data-expiry-rule>
          {t('rule.certifications', { days: list.data.warnDays ?? 90 })}
        </p>
      ) : null}
      {list.data && (register === 'climate-risks' || register === 'hazard-screening') ? (
        <Gaps list={list.data} />
      ) : null}
      {list.data && !isSiteRegister(register) ? (
        <section className="panel">
          <h2>{t('figures', { year: list.data.year })}</h2>
          <p className="muted small-text">{t(tk(`rule.${register}`))}</p>
          <Figures list={list.data} lang={lang} />
        </section>
      ) : null}
      {form ? (
        <RowForm
          key={form.item ? `${form.item.row.id}@${form.item.version}` : 'new'}
          register={register}
          {...(form.item ? { editing: form.item } : {})}
          onClose={() => setForm(undefined)}
        />
      ) : null}
      {list.data && list.data.rows.length === 0 ? (
        <p className="muted" data-no-rows>
          {t('none')}
        </p>
      ) : null}
      {list.data && list.data.rows.length > 0 ? (
        <table className="registers-table">
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
                <tr data-register-row={row.id}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className={`col-${cell.column.id}`}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
                {history.has(row.id) ? (
                  <History register={register} id={row.id} columns={columns.length} />
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
