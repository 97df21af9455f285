/**
 * A new restatement request (POST /api/restatements): the type of change, the reason (printed in
 * the report's note), and the values it moves, picked from the data points and activity lines of
 * a chosen period (GET /api/data-points?period=, GET /api/activity-lines?period=) of the entities
 * where the caller may request one (`request-restatement`). Each ticked row takes its new value
 * in the fact's own unit; typing a new value ticks the row. Checked as typed (react-hook-form):
 * required, a plain decimal, and not the value it already has (compared exactly as decimal
 * text). The server checks each item as the row it will be (core's bundle validation) and names
 * the item it refuses (`items.2.value`): the refusal is shown at that row, in the UI language
 * with the server's words one click away, and what was typed stays. Filed, the request is a
 * draft in the list below.
 */
import { useQuery } from '@tanstack/react-query';
import { useContext, useId, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { api } from '../../api';
import { collectionApi } from '../../api-collection';
import { RESTATEMENT_CHANGES, type RestatementChange, restatementApi } from '../../api-restatement';
import { RefusalNote } from '../../components/refusal-note';
import { pick, useLang } from '../../i18n';
import { OrgContext, useEntityName } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { type Refusal, useWrite } from '../../query/write';
import { lineTitle } from '../entry/entry-terms';
import { periodName } from '../entry/period-label';
import { breakdownLabel, showValue, unitLabel } from '../fact-labels';
import { newValueProblem } from './restatement-rules';

/** A value that may be restated. `key` is a form field name (no dots: react-hook-form paths). */
type Candidate = {
  key: string;
  kind: 'data-point' | 'activity-line';
  id: string;
  entityId: string;
  name: string;
  value: string;
  unit: string;
};
type Fields = {
  change: RestatementChange;
  reason: string;
  picked: Record<string, boolean>;
  values: Record<string, string>;
};

const fieldKey = (kind: string, id: string) =>
  `k${encodeURIComponent(`${kind}:${id}`).replace(/[.!'()*~-]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}`;

const REFUSED_NEW = new Set(['forbidden', 'not-found', 'conflict']);

export function NewRestatement() {
  const { t } = useTranslation('restatement');
  const lang = useLang();
  const access = useAccess();
  const entityName = useEntityName();
  const org = useContext(OrgContext);
  const id = useId();
  const periods = useQuery({ queryKey: queryKeys.periods(), queryFn: () => api.periods() });
  const [chosenPeriod, setPeriod] = useState<string>();
  const period = chosenPeriod ?? periods.data?.current ?? '';
  const [entity, setEntity] = useState('');
  const [filed, setFiled] = useState<number>();
  const [noneTicked, setNoneTicked] = useState(false);
  /** The rows sent, in order: the server names a refused item by its position. */
  const sent = useRef<string[]>([]);
  const points = useQuery({
    queryKey: queryKeys.periodDataPoints(period),
    queryFn: () => api.dataPoints('', period),
    enabled: period !== '',
  });
  const lines = useQuery({
    queryKey: queryKeys.periodActivityLines(period),
    queryFn: () => collectionApi.activityLines('', period),
    enabled: period !== '',
  });
  const workflow = useQuery({
    queryKey: queryKeys.workflow(period),
    queryFn: () => api.workflow(period),
    enabled: period !== '',
  });
  const choices = useMemo(() => {
    const p = periods.data;
    return p ? [...new Set([p.current, ...p.prior, ...p.withData])].sort().reverse() : [];
  }, [periods.data]);
  const candidates: Candidate[] = useMemo(() => {
    const may = (entityId: string) => access.can('request-restatement', entityId);
    const out: Candidate[] = [];
    for (const d of points.data?.dataPoints ?? []) {
      if (!may(d.entityId)) continue;
      const breakdown = breakdownLabel(
        Object.entries(d.disaggregation)
          .map(([k, v]) => `${k}=${v}`)
          .join(';'),
        lang,
      );
      const name = pick(d.name, lang);
      out.push({
        key: fieldKey('data-point', d.id),
        kind: 'data-point',
        id: d.id,
        entityId: d.entityId,
        name: breakdown ? (lang === 'en' ? `${name} (${breakdown})` : `${name}（${breakdown}）`) : name,
        value: d.value,
        unit: d.unit,
      });
    }
    for (const l of lines.data?.lines ?? []) {
      if (!may(l.entityId)) continue;
      out.push({
        key: fieldKey('activity-line', l.id),
        kind: 'activity-line',
        id: l.id,
        entityId: l.entityId,
        name: lineTitle(l, lang),
        value: l.amount,
        unit: l.unit,
      });
    }
    // By entity in the organisation's order (data points before lines, each as the API lists them).
    const order = (org?.entities ?? []).map((e) => e.id);
    const rank = (entityId: string) => (order.includes(entityId) ? order.indexOf(entityId) : order.length);
    return out
      .map((c, at) => ({ c, at }))
      .sort((a, b) => rank(a.c.entityId) - rank(b.c.entityId) || a.at - b.at)
      .map((x) => x.c);
  }, [points.data, lines.data, access, lang, org]);
  const entities = [...new Set(candidates.map((c) => c.entityId))];
  const shown = candidates.filter((c) => entity === '' || c.entityId === entity);
  const {
    register,
    handleSubmit,
    reset,
    getValues,
    setValue,
    watch,
    formState: { errors },
  } = useForm<Fields>({
    defaultValues: { change: 'error-correction', reason: '', picked: {}, values: {} },
  });
  const picked = watch('picked');
  const count = candidates.filter((c) => picked?.[c.key]).length;
  const write = useWrite({
    write: (items: { kind: Candidate['kind']; id: string; value: string }[]) =>
      restatementApi.request({ change: getValues('change'), reason: getValues('reason').trim(), items }),
    invalidates: () => [
      queryKeys.restatements(),
      queryKeys.periodDataPoints(period),
      queryKeys.periodActivityLines(period),
    ],
    onDone: (out) => {
      setFiled(out.restatement.id);
      reset({ change: getValues('change'), reason: '', picked: {}, values: {} });
    },
  });
  const refusal = write.refusal;
  /** The row a refusal names (`items.N…`), by its position among the rows sent. */
  const refusedRow = refusal ? rowOf(refusal, sent.current) : undefined;
  const onPeriod = (next: string) => {
    setPeriod(next);
    setEntity('');
    setFiled(undefined);
    reset({ ...getValues(), picked: {}, values: {} });
  };
  const lock = workflow.data?.lock;
  const loading = period !== '' && (!points.data || !lines.data);
  return (
    <section className="panel new-restatement" aria-labelledby={`${id}-title`} data-new-restatement>
      <h2 id={`${id}-title`}>{t('newTitle')}</h2>
      <p className="muted small-text">{t('newIntro')}</p>
      <form
        noValidate
        className="restatement-form"
        onSubmit={handleSubmit((f) => {
          const chosen = candidates.filter((c) => f.picked[c.key]);
          setNoneTicked(chosen.length === 0);
          if (chosen.length === 0) return;
          setFiled(undefined);
          sent.current = chosen.map((c) => c.key);
          write.mutate(
            chosen.map((c) => ({ kind: c.kind, id: c.id, value: (f.values[c.key] ?? '').trim() })),
          );
        })}
      >
        <div className="form-row">
          <label>
            {t('changeType')}
            <select data-change {...register('change')}>
              {RESTATEMENT_CHANGES.map((c) => (
                <option key={c} value={c}>
                  {t(`change.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="grow">
            {t('reasonLabel')}
            <textarea
              rows={2}
              data-restatement-reason
              placeholder={t('reasonHint')}
              aria-invalid={errors.reason !== undefined || refusal?.field === 'reason'}
              aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
              {...register('reason', { validate: (v) => v.trim() !== '' })}
            />
          </label>
        </div>
        {errors.reason || refusal?.field === 'reason' ? (
          <div className="field-error" role="alert" id={`${id}-reason-error`}>
            {t('reasonRequired')}
          </div>
        ) : null}
        <div className="toolbar">
          <label>
            {t('periodLabel')}{' '}
            <select
              name="period"
              data-restatement-period
              value={period}
              onChange={(e) => onPeriod(e.target.value)}
            >
              {choices.map((p) => (
                <option key={p} value={p}>
                  {periodName(p, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('entityFilter')}{' '}
            <select name="entity" value={entity} onChange={(e) => setEntity(e.target.value)}>
              <option value="">{t('allEntities')}</option>
              {entities.map((e) => (
                <option key={e} value={e}>
                  {entityName(e, lang)}
                </option>
              ))}
            </select>
          </label>
          {period && workflow.data ? (
            <span
              className={lock ? 'note small-text' : 'muted small-text'}
              data-period-lock={lock ? 'locked' : 'open'}
            >
              {t(lock ? 'locked' : 'open', { period: periodName(period, lang) })}
            </span>
          ) : null}
        </div>
        {loading ? <p className="muted">{t('loading')}</p> : null}
        {!loading && candidates.length === 0 ? (
          <p className="muted">{t('noFacts', { period: periodName(period, lang) })}</p>
        ) : null}
        {shown.length > 0 ? (
          // A long list scrolls inside the panel; a short one is shown whole.
          <div className={shown.length > 20 ? 'candidates-box scroll' : 'candidates-box'}>
            <table className="candidates" data-candidates={period}>
              <thead>
                <tr>
                  <th scope="col" className="pick">
                    {t('pick')}
                  </th>
                  <th scope="col">{t('entity')}</th>
                  <th scope="col">{t('fact')}</th>
                  <th scope="col" className="num">
                    {t('current')}
                  </th>
                  <th scope="col">{t('newValue')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => {
                  const index = sent.current.indexOf(c.key);
                  const refusedHere = refusedRow !== undefined && index === refusedRow;
                  const problem = errors.values?.[c.key]?.message;
                  const valueField = register(`values.${c.key}`, {
                    validate: (v) =>
                      !getValues(`picked.${c.key}`) ? true : (newValueProblem(v ?? '', c.value) ?? true),
                  });
                  return (
                    <tr
                      key={c.key}
                      data-candidate={c.id}
                      data-kind={c.kind}
                      className={picked?.[c.key] ? 'picked' : ''}
                    >
                      <td className="pick">
                        <input
                          type="checkbox"
                          aria-label={t('pickOn', { fact: `${entityName(c.entityId, lang)} · ${c.name}` })}
                          data-pick={c.id}
                          {...register(`picked.${c.key}`)}
                        />
                      </td>
                      <td>{entityName(c.entityId, lang)}</td>
                      <th scope="row">{c.name}</th>
                      <td className="num" data-current>
                        {showValue(c.value)} <span className="unit">{unitLabel(c.unit, lang)}</span>
                      </td>
                      <td>
                        <input
                          className="new-value"
                          inputMode="decimal"
                          aria-label={t('newValueOf', {
                            fact: `${entityName(c.entityId, lang)} · ${c.name}`,
                          })}
                          aria-invalid={problem !== undefined || refusedHere}
                          data-new-value={c.id}
                          {...valueField}
                          onChange={(e) => {
                            if (e.target.value.trim() !== '') setValue(`picked.${c.key}`, true);
                            return valueField.onChange(e);
                          }}
                        />{' '}
                        <span className="unit">{unitLabel(c.unit, lang)}</span>
                        {problem ? (
                          <div className="field-error" role="alert" data-value-problem={problem}>
                            {t(`problem.${problem as 'required'}`)}
                          </div>
                        ) : null}
                        {refusedHere ? (
                          <div className="field-error" role="alert" data-item-refused={c.id}>
                            {t('refusedNew.item')}
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {noneTicked && count === 0 ? (
          <div className="field-error" role="alert" data-pick-one>
            {t('pickOne')}
          </div>
        ) : null}
        <div className="toolbar">
          <button type="submit" disabled={write.isPending} data-file-restatement>
            {write.isPending ? t('filing') : t('file')}
          </button>
          <span className="muted small-text" data-picked-count={count}>
            {t('pickedCount', { count })}
          </span>
        </div>
      </form>
      {refusal && refusal.field !== 'reason' ? (
        <RefusalNote refusal={refusal} localised={newRefusalText(refusal, refusedRow, t)} />
      ) : null}
      <div className="ok" role="status" data-filed={filed}>
        {filed !== undefined ? t('filed', { id: filed }) : null}
      </div>
    </section>
  );
}

/** The position N of a refusal naming `items.N` or `items.N.column`, when that row was sent. */
function rowOf(r: Refusal, sentKeys: readonly string[]): number | undefined {
  const m = /^items\.(\d+)(\.|$)/.exec(r.field ?? '');
  const n = m ? Number(m[1]) : undefined;
  return n !== undefined && n < sentKeys.length ? n : undefined;
}

function newRefusalText(
  r: Refusal,
  row: number | undefined,
  t: (
    k:
      | 'refusedNew.item'
      | 'refusedNew.forbidden'
      | 'refusedNew.not-found'
      | 'refusedNew.conflict'
      | 'refusedNew.other',
  ) => string,
): string {
  if (REFUSED_NEW.has(r.code)) return t(`refusedNew.${r.code as 'conflict'}`);
  if (row !== undefined) return t('refusedNew.item');
  return t('refusedNew.other');
}
