/**
 * Assign in bulk (POST /api/cycles/{period}/assignments; docs/workflow.md "Cycles and
 * assignments"): topics of the catalogue × an entity and everything below it (optionally only
 * some kinds) × entry periods of the cycle (none ticked: all) → one preparer (an enabled account
 * holding the preparer role, from GET /api/users), due on a date or a number of days after each
 * entry period ends. Checked before sending (react-hook-form: a topic, a preparer, a date or a
 * whole number of days); the server decides the rest (the preparer must hold the role on every
 * selected entity) and names the field at fault; all or nothing. The answer's counts are shown.
 */
import { useQuery } from '@tanstack/react-query';
import { useContext, useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { api, type Entity } from '../../api';
import { type AssignResult, type Cycle, collectionApi } from '../../api-collection';
import { RefusalNote } from '../../components/refusal-note';
import { pick, useLang } from '../../i18n';
import { OrgContext } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';
import { topicName } from '../catalogue-topics';
import { periodName } from '../entry/period-label';

const KINDS = ['group', 'subsidiary', 'site'] as const;
type Kind = (typeof KINDS)[number];
type Fields = {
  topics: string[];
  entity: string;
  kinds: Kind[];
  periods: string[];
  assignee: string;
  dueKind: 'date' | 'days';
  due: string;
  days: string;
};

/** The organisation's entities in tree order with their depth (for indented names). */
function treeOrder(entities: readonly Entity[]): { entity: Entity; depth: number }[] {
  const out: { entity: Entity; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const e of entities.filter((x) => x.parentId === parent)) {
      out.push({ entity: e, depth });
      if (depth < entities.length) visit(e.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export function AssignForm({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('assignments');
  const lang = useLang();
  const id = useId();
  const access = useAccess();
  const org = useContext(OrgContext);
  const catalogue = useQuery({ queryKey: queryKeys.catalogue(), queryFn: () => api.catalogue() });
  const mayListUsers = access.canOrgWide('manage-users');
  const users = useQuery({ queryKey: queryKeys.users(), queryFn: () => api.users(), enabled: mayListUsers });
  const topics = useMemo(
    () => [...new Set((catalogue.data?.indicators ?? []).map((i) => i.topic))],
    [catalogue.data],
  );
  const entities = treeOrder(org?.entities ?? []).filter((x) => access.can('manage-cycle', x.entity.id));
  const preparers = (users.data?.users ?? []).filter(
    (u) => !u.disabled && u.grants.some((g) => g.role === 'preparer'),
  );
  const [result, setResult] = useState<AssignResult>();
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<Fields>({
    defaultValues: {
      topics: [],
      entity: entities[0]?.entity.id ?? '',
      kinds: [],
      periods: [],
      assignee: '',
      dueKind: 'date',
      due: '',
      days: '10',
    },
  });
  const dueKind = watch('dueKind');
  const write = useWrite({
    write: (f: Fields) =>
      collectionApi.assign(cycle.periodId, {
        topics: f.topics,
        entity: f.entity,
        ...(f.kinds.length > 0 ? { kinds: f.kinds } : {}),
        ...(f.periods.length > 0 ? { periods: f.periods } : {}),
        assignee: f.assignee.trim(),
        ...(f.dueKind === 'date' ? { due: f.due } : { dueDaysAfterPeriodEnd: Number(f.days) }),
      }),
    invalidates: () => [['cycles', cycle.periodId], queryKeys.tasks()],
    onDone: (out) => setResult(out),
  });
  const refusedField = write.refusal?.field?.split('.')[0];
  const code = write.refusal?.code;
  const error = (field: keyof Fields, message: string) =>
    errors[field] ? (
      <div className="field-error" role="alert" id={`${id}-${field}-error`} data-field-error={field}>
        {message}
      </div>
    ) : null;
  return (
    <form
      className="panel assign-form"
      noValidate
      aria-labelledby={`${id}-title`}
      data-assign-form
      onSubmit={handleSubmit((f) => {
        setResult(undefined);
        write.mutate(f);
      })}
    >
      <h2 id={`${id}-title`}>{t('assignTitle')}</h2>
      <fieldset
        aria-invalid={errors.topics !== undefined || refusedField === 'topics'}
        aria-describedby={errors.topics ? `${id}-topics-error` : undefined}
      >
        <legend>{t('topics')}</legend>
        <div className="checks">
          {topics.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                value={c}
                data-assign-topic={c}
                {...register('topics', { validate: (v) => v.length > 0 })}
              />{' '}
              {topicName(c, lang)}
            </label>
          ))}
        </div>
        {error('topics', t('topicsRequired'))}
      </fieldset>
      <div className="assign-row">
        <label>
          {t('entity')}
          <select data-assign-entity aria-invalid={refusedField === 'entity'} {...register('entity')}>
            {entities.map(({ entity, depth }) => (
              <option key={entity.id} value={entity.id}>
                {`${'\u00a0\u00a0'.repeat(depth)}${pick(entity.name, lang)}`}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('kinds')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="check">
              <input type="checkbox" value={k} data-assign-kind={k} {...register('kinds')} /> {t(`kind.${k}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <fieldset aria-invalid={refusedField === 'periods'}>
        <legend>{t('periods')}</legend>
        <div className="checks periods">
          {cycle.entryPeriods.map((p) => (
            <label key={p} className="check">
              <input type="checkbox" value={p} data-assign-period={p} {...register('periods')} />{' '}
              {periodName(p, lang)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="assign-row">
        <label htmlFor={`${id}-assignee`}>
          {t('assignee')}
          {mayListUsers && !users.error ? (
            <select
              id={`${id}-assignee`}
              data-assign-assignee
              aria-invalid={errors.assignee !== undefined || refusedField === 'assignee'}
              aria-describedby={errors.assignee ? `${id}-assignee-error` : undefined}
              {...register('assignee', { validate: (v) => v.trim() !== '' })}
            >
              <option value="">{t('chooseAssignee')}</option>
              {preparers.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`${id}-assignee`}
              data-assign-assignee
              aria-invalid={errors.assignee !== undefined || refusedField === 'assignee'}
              {...register('assignee', { validate: (v) => v.trim() !== '' })}
            />
          )}
        </label>
        <fieldset className="due-kind">
          <legend>{t('dueKind')}</legend>
          <label className="check">
            <input type="radio" value="date" data-due-kind="date" {...register('dueKind')} /> {t('due.date')}
          </label>
          <label className="check">
            <input type="radio" value="days" data-due-kind="days" {...register('dueKind')} /> {t('due.days')}
          </label>
        </fieldset>
        {dueKind === 'date' ? (
          <label>
            {t('dueDate')}
            <input
              type="date"
              data-assign-due
              aria-invalid={errors.due !== undefined || refusedField === 'due'}
              aria-describedby={errors.due ? `${id}-due-error` : undefined}
              {...register('due', { validate: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v), shouldUnregister: true })}
            />
          </label>
        ) : (
          <label>
            {t('dueDays')}
            <input
              inputMode="numeric"
              className="days"
              data-assign-days
              aria-invalid={errors.days !== undefined || refusedField === 'dueDaysAfterPeriodEnd'}
              aria-describedby={errors.days ? `${id}-days-error` : undefined}
              {...register('days', {
                validate: (v) => /^\d{1,3}$/.test(v.trim()) && Number(v) <= 366,
                shouldUnregister: true,
              })}
            />
          </label>
        )}
      </div>
      {mayListUsers && users.data && preparers.length === 0 ? (
        <p className="note">{t('noPreparers')}</p>
      ) : null}
      {error('assignee', t('assigneeRequired'))}
      {error('due', t('dueRequired'))}
      {error('days', t('daysRequired'))}
      <div>
        <button type="submit" disabled={write.isPending} data-assign-submit>
          {write.isPending ? t('assigning') : t('assign')}
        </button>
      </div>
      {write.refusal ? (
        <RefusalNote
          refusal={write.refusal}
          localised={
            code === 'forbidden' || code === 'not-found' || code === 'invalid-request'
              ? t(`refused.${code}`)
              : undefined
          }
        />
      ) : null}
      <div className="ok" role="status" data-assigned={result ? result.selected : undefined}>
        {result
          ? t('assigned', {
              created: result.created,
              changed: result.changed,
              unchanged: result.unchanged,
              selected: result.selected,
            })
          : null}
      </div>
    </form>
  );
}
