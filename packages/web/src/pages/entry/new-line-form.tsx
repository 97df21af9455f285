/**
 * Add an activity line of a kind not listed in the entry form (POST /api/activity-lines): the
 * entity (the form's or one below it that the caller may write), activity, subject (a fuel, grid…;
 * suggestions offered, any text accepted: the server says which subjects its method has factors
 * for), use (fuel only), amount, unit (the units that fit the activity, entry-terms.ts) and
 * source. Checked as typed like a row; the ten-times warning when the same line was entered last
 * period or last year. A refusal naming a field (lines.0.unit, 422 for a unit of the wrong
 * dimension) marks that field, and what was typed stays.
 */
import { useContext, useEffect, useId, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { type Comparison, collectionApi } from '../../api-collection';
import { RefusalNote } from '../../components/refusal-note';
import { pick, useLang } from '../../i18n';
import { OrgContext } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';
import { amountProblem, groupDigits, plausibility } from './amount-check';
import {
  ACTIVITIES,
  activityName,
  FUEL_SUBJECTS,
  FUEL_USES,
  fuelUseName,
  lineTitle,
  OTHER_SUBJECTS,
  subjectName,
  unitChoices,
  unitName,
  unitShort,
} from './entry-terms';
import { referenceName } from './period-label';

type Fields = {
  entity: string;
  activity: string;
  subject: string;
  use: string;
  amount: string;
  unit: string;
  source: string;
};
type Reference = {
  entityId: string;
  activity: string;
  subject: string;
  use: string | null;
  previous: Comparison;
  lastYear: Comparison;
};

export function NewLineForm(props: {
  entity: string;
  period: string;
  reason: () => string;
  /** The lines listed (entered or to enter), for last period's and last year's amounts. */
  references: readonly Reference[];
  onAnnounce: (text: string) => void;
}) {
  const { t } = useTranslation('entry');
  const lang = useLang();
  const id = useId();
  const access = useAccess();
  const org = useContext(OrgContext);
  /** The form's entity and every entity below it that the caller may write. */
  const entities = useMemo(() => {
    const all = org?.entities ?? [];
    const inTree = new Set([props.entity]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of all)
        if (e.parentId && inTree.has(e.parentId) && !inTree.has(e.id)) {
          inTree.add(e.id);
          grew = true;
        }
    }
    return all.filter((e) => inTree.has(e.id) && access.can('write-data-point', e.id));
  }, [org, props.entity, access]);
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    resetField,
    formState: { errors, dirtyFields },
  } = useForm<Fields>({
    mode: 'onChange',
    defaultValues: {
      entity: entities[0]?.id ?? props.entity,
      activity: 'fuel',
      subject: '',
      use: 'combustion',
      amount: '',
      unit: 't',
      source: '',
    },
  });
  const [entity, activity, subject, use, amount, unit] = watch([
    'entity',
    'activity',
    'subject',
    'use',
    'amount',
    'unit',
  ]);
  const choices = unitChoices(activity, subject.trim());
  // A unit that does not fit the activity chosen now is replaced by the first that does.
  useEffect(() => {
    const fit = unitChoices(activity, subject.trim());
    if (!fit.includes(unit)) setValue('unit', fit[0] ?? '');
  }, [activity, subject, unit, setValue]);
  const write = useWrite({
    write: (f: Fields) =>
      collectionApi.addLines(
        [
          {
            entity: f.entity,
            period: props.period,
            activity: f.activity,
            subject: f.subject.trim(),
            ...(f.activity === 'fuel' && f.use ? { use: f.use } : {}),
            amount: f.amount.trim(),
            unit: f.unit,
            source: f.source.trim(),
          },
        ],
        props.reason(),
      ),
    invalidates: () => [queryKeys.activityLines(props.entity, props.period), queryKeys.workflowAll()],
    onDone: (_out, f) => {
      props.onAnnounce(
        t('added', {
          line: lineTitle({ activity: f.activity, subject: f.subject.trim(), use: f.use }, lang),
        }),
      );
      for (const k of ['subject', 'amount', 'source'] as const) resetField(k);
    },
  });
  const useShown = activity === 'fuel' ? use : null;
  const reference = props.references.find(
    (r) =>
      r.entityId === entity &&
      r.activity === activity &&
      r.subject === subject.trim() &&
      (r.use ?? '') === (useShown ?? ''),
  );
  const warnings =
    errors.amount || !reference ? [] : plausibility(amount, unit, reference.previous, reference.lastYear);
  /** The field the server named (lines.0.unit → unit). */
  const refusedField = write.refusal?.field?.split('.').pop();
  const invalid = (f: keyof Fields) => errors[f] !== undefined || refusedField === f;
  const shownError = (f: keyof Fields) =>
    errors[f]?.message && (dirtyFields[f] || write.isError) ? (
      <div className="field-error" role="alert" id={`${id}-${f}-error`} data-field-error={f}>
        {errors[f]?.message}
      </div>
    ) : null;
  const described = (f: keyof Fields) => (errors[f] ? `${id}-${f}-error` : undefined);
  const subjects = activity === 'fuel' ? FUEL_SUBJECTS : OTHER_SUBJECTS;
  return (
    <form
      className="new-line"
      noValidate
      aria-labelledby={`${id}-title`}
      data-new-line
      onSubmit={handleSubmit((f) => {
        if (props.reason().trim() === '') return props.onAnnounce(t('reasonRequired'));
        write.mutate(f);
      })}
    >
      <h3 id={`${id}-title`}>{t('addTitle')}</h3>
      <div className="new-line-fields">
        {entities.length > 1 ? (
          <label>
            {t('entity')}
            <select data-new-entity {...register('entity')}>
              {entities.map((e) => (
                <option key={e.id} value={e.id}>
                  {pick(e.name, lang)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('activity')}
          <select data-new-activity aria-invalid={invalid('activity')} {...register('activity')}>
            {ACTIVITIES.map((a) => (
              <option key={a} value={a}>
                {activityName(a, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('subject')}
          <input
            list={`${id}-subjects`}
            autoComplete="off"
            data-new-subject
            aria-invalid={invalid('subject')}
            aria-describedby={described('subject')}
            {...register('subject', { validate: (v) => (v.trim() === '' ? t('subjectRequired') : true) })}
          />
          <datalist id={`${id}-subjects`}>
            {subjects.map((s) => (
              <option key={s} value={s}>
                {subjectName(s, lang)}
              </option>
            ))}
          </datalist>
        </label>
        {activity === 'fuel' ? (
          <label>
            {t('use')}
            <select data-new-use aria-invalid={invalid('use')} {...register('use')}>
              {FUEL_USES.map((u) => (
                <option key={u} value={u}>
                  {fuelUseName(u, lang)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('amount')}
          <input
            inputMode="decimal"
            autoComplete="off"
            className="amount"
            data-new-amount
            aria-invalid={invalid('amount')}
            aria-describedby={`${id}-amount-notes`}
            {...register('amount', {
              validate: (v) => {
                const p = amountProblem(v);
                return p === undefined ? true : t(`problem.${p}`);
              },
            })}
          />
        </label>
        <label>
          {t('unit')}
          <select data-new-unit aria-invalid={invalid('unit')} {...register('unit')}>
            {choices.map((u) => (
              <option key={u} value={u}>
                {unitName(u, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('source')}
          <input
            placeholder={t('sourceHint')}
            data-new-source
            aria-invalid={invalid('source')}
            aria-describedby={described('source')}
            {...register('source', { validate: (v) => (v.trim() === '' ? t('sourceRequired') : true) })}
          />
        </label>
        <div>
          <button type="submit" disabled={write.isPending} data-new-line-add>
            {t('add')}
          </button>
        </div>
      </div>
      <div id={`${id}-amount-notes`}>
        {shownError('amount')}
        {warnings.map((w) => (
          <div key={w.against} className="warn-note" role="status" data-warning={w.scale}>
            {t(`warn.${w.scale}`, {
              reference: referenceName(w.against, w.reference.period, lang),
              amount: `${groupDigits(w.reference.amount)} ${unitShort(w.reference.unit, lang)}`,
            })}
          </div>
        ))}
      </div>
      {shownError('subject')}
      {shownError('source')}
      {write.refusal ? (
        <RefusalNote
          refusal={write.refusal}
          localised={
            refusedField === 'unit' ||
            refusedField === 'subject' ||
            refusedField === 'amount' ||
            refusedField === 'use'
              ? t(`refused.field.${refusedField}`)
              : write.refusal.code === 'period-locked' || write.refusal.code === 'forbidden'
                ? t(`refused.${write.refusal.code}`)
                : undefined
          }
        />
      ) : null}
    </form>
  );
}
