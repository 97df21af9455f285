/**
 * The form of one target (react-hook-form): add one (an id of its own) or change one (the id
 * kept, the version read sent with it; a stale version is refused with 412 and the list fetched
 * again, the input kept). Fields are checked for form here (years, plain decimals, milestones as
 * "2024=90; 2026=80"); what a target needs as a whole (a known indicator, a unit of its
 * dimension, years in order) is the server's, whose refusal names the field.
 */
import { useContext, useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Target, targetsApi } from '../../api-targets';
import { RefusalNote } from '../../components/refusal-note';
import { pick, useLang } from '../../i18n';
import { OrgContext } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';

type Fields = {
  id: string;
  nameEn: string;
  nameZh: string;
  indicatorId: string;
  entityId: string;
  comparator: '' | 'max' | 'min' | 'equal';
  baseYear: string;
  baseValue: string;
  value: string;
  unit: string;
  targetYear: string;
  milestones: string;
  source: string;
  reason: string;
};

const YEAR = /^\d{4}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const MILESTONE = /^\s*(\d{4})\s*=\s*(-?\d+(?:\.\d+)?)\s*$/;

function fieldsOf(t: Target | undefined): Fields {
  return {
    id: t?.id ?? '',
    nameEn: t?.name.en ?? '',
    nameZh: t?.name['zh-Hant'] ?? '',
    indicatorId: t?.indicatorId ?? '',
    entityId: t?.entityId ?? '',
    comparator: t?.comparator ?? '',
    baseYear: t?.baseYear ?? '',
    baseValue: t?.baseValue ?? '',
    value: t?.value ?? '',
    unit: t?.unit ?? '',
    targetYear: t?.targetYear ?? '',
    milestones: (t?.milestones ?? []).map((m) => `${m.year}=${m.value}`).join('; '),
    source: t?.source ?? '',
    reason: '',
  };
}

const parts = (text: string) => text.split(/[;；]/).filter((p) => p.trim() !== '');

function targetOf(f: Fields): Target {
  const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const milestones = parts(f.milestones).map((p) => {
    const m = MILESTONE.exec(p);
    return { year: m?.[1] ?? '', value: m?.[2] ?? '' };
  });
  const t = {
    id: f.id.trim(),
    name: { en: f.nameEn.trim(), 'zh-Hant': f.nameZh.trim() },
    indicatorId: opt(f.indicatorId),
    entityId: opt(f.entityId),
    comparator: f.comparator === '' ? undefined : f.comparator,
    baseYear: opt(f.baseYear),
    baseValue: opt(f.baseValue),
    value: opt(f.value),
    unit: opt(f.unit),
    targetYear: opt(f.targetYear),
    milestones: milestones.length > 0 ? milestones : undefined,
    source: opt(f.source),
  };
  return JSON.parse(JSON.stringify(t)) as Target;
}

export function TargetForm(props: { editing?: { target: Target; version: number }; onClose: () => void }) {
  const { t } = useTranslation('targets');
  const lang = useLang();
  const org = useContext(OrgContext);
  const id = useId();
  const editing = props.editing;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Fields>({ defaultValues: fieldsOf(editing?.target) });
  const write = useWrite({
    write: (f: Fields) =>
      editing
        ? targetsApi.update(
            targetOf({ ...f, id: editing.target.id }),
            editing.version,
            f.reason.trim() || undefined,
          )
        : targetsApi.create(targetOf(f), f.reason.trim() || undefined),
    invalidates: () => [queryKeys.targetsAll()],
    onDone: () => props.onClose(),
  });
  const refusedText = (code: string, field: string | undefined) =>
    code === 'stale-version'
      ? t('refused.stale')
      : code === 'conflict'
        ? t('refused.conflict')
        : code === 'forbidden'
          ? t('refused.forbidden')
          : code === 'invalid-data' || code === 'invalid-request'
            ? t('refused.invalid', { field: field ?? '' })
            : undefined;
  const text = (name: keyof Fields, label: string, rules: Parameters<typeof register>[1] = {}) => (
    <label key={name}>
      {label}
      <input
        {...register(name, rules)}
        aria-invalid={errors[name] !== undefined}
        data-target-field={name}
        readOnly={name === 'id' && editing !== undefined}
      />
      {errors[name] ? (
        <span className="field-error" role="alert">
          {errors[name]?.message}
        </span>
      ) : null}
    </label>
  );
  const optional = (re: RegExp, message: string) => ({
    validate: (v: string) => v.trim() === '' || re.test(v.trim()) || message,
  });
  return (
    <form
      className="panel target-form"
      aria-labelledby={`${id}-title`}
      noValidate
      data-target-form={editing?.target.id ?? 'new'}
      onSubmit={handleSubmit((f) => write.mutate(f))}
    >
      <h2 id={`${id}-title`}>{editing ? t('editing', { id: editing.target.id }) : t('adding')}</h2>
      <div className="target-grid">
        {text('id', t('field.id'), {
          validate: (v) => /^[a-z0-9][a-z0-9._-]{0,99}$/.test(v.trim()) || t('badId'),
        })}
        {text('nameEn', t('field.nameEn'), { validate: (v) => v.trim() !== '' || t('required') })}
        {text('nameZh', t('field.nameZh'), { validate: (v) => v.trim() !== '' || t('required') })}
        {text('indicatorId', t('field.indicatorId'))}
        <label>
          {t('field.entityId')}
          <select {...register('entityId')} data-target-field="entityId">
            <option value="">—</option>
            {(org?.entities ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {pick(e.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('field.comparator')}
          <select {...register('comparator')} data-target-field="comparator">
            <option value="">{t('comparator.none')}</option>
            <option value="max">{t('comparator.max')}</option>
            <option value="min">{t('comparator.min')}</option>
            <option value="equal">{t('comparator.equal')}</option>
          </select>
        </label>
        {text('baseYear', t('field.baseYear'), optional(YEAR, t('badYear')))}
        {text('baseValue', t('field.baseValue'), optional(NUMBER, t('badNumber')))}
        {text('value', t('field.value'), optional(NUMBER, t('badNumber')))}
        {text('unit', t('field.unit'))}
        {text('targetYear', t('field.targetYear'), optional(YEAR, t('badYear')))}
        {text('milestones', t('field.milestones'), {
          validate: (v) => parts(v).every((p) => MILESTONE.test(p)) || t('badMilestones'),
        })}
        {text('source', t('field.source'))}
        {text('reason', t('field.reason'))}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={write.isPending} data-target-save>
          {t('save')}
        </button>{' '}
        <button type="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
      </div>
      {write.refusal ? (
        <RefusalNote
          refusal={write.refusal}
          localised={refusedText(write.refusal.code, write.refusal.field)}
        />
      ) : null}
    </form>
  );
}
