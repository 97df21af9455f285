/**
 * The form of one compliance case (react-hook-form): add one or change one (the id kept, the
 * version read sent; a stale version is 412, the list fetched again and the input kept). Form
 * checks here (id, dates); the whole case (a known entity, a real calendar date, an outcome with
 * a conclusion) is the server's, whose refusal names the field.
 */
import { useContext, useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, CASE_OUTCOMES, CASE_TYPES, type ComplianceCase, casesApi } from '../../api-cases';
import { RefusalNote } from '../../components/refusal-note';
import { pick, useLang } from '../../i18n';
import { OrgContext } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';

type Fields = {
  id: string;
  kind: string;
  type: string;
  entityId: string;
  openedOn: string;
  concludedOn: string;
  outcome: string;
  summary: string;
  actions: string;
  reason: string;
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const fieldsOf = (c: ComplianceCase | undefined): Fields => ({
  id: c?.id ?? '',
  kind: c?.kind ?? 'whistleblowing',
  type: c?.type ?? 'bribery',
  entityId: c?.entityId ?? '',
  openedOn: c?.openedOn ?? '',
  concludedOn: c?.concludedOn ?? '',
  outcome: c?.outcome ?? '',
  summary: c?.summary ?? '',
  actions: c?.actions ?? '',
  reason: '',
});

function caseOf(f: Fields): ComplianceCase {
  const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());
  return JSON.parse(
    JSON.stringify({
      id: f.id.trim(),
      kind: f.kind,
      type: f.type,
      entityId: f.entityId,
      openedOn: f.openedOn.trim(),
      concludedOn: opt(f.concludedOn),
      outcome: opt(f.outcome),
      summary: f.summary.trim(),
      actions: opt(f.actions),
    }),
  ) as ComplianceCase;
}

export function CaseForm(props: {
  editing?: { case: ComplianceCase; version: number };
  onClose: () => void;
}) {
  const { t } = useTranslation('cases');
  const lang = useLang();
  const org = useContext(OrgContext);
  const id = useId();
  const editing = props.editing;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Fields>({ defaultValues: fieldsOf(editing?.case) });
  const write = useWrite({
    write: (f: Fields) =>
      editing
        ? casesApi.update(
            caseOf({ ...f, id: editing.case.id }),
            editing.version,
            f.reason.trim() || undefined,
          )
        : casesApi.create(caseOf(f), f.reason.trim() || undefined),
    invalidates: () => [queryKeys.casesAll()],
    onDone: () => props.onClose(),
  });
  const refused = (code: string, field: string | undefined) =>
    code === 'stale-version'
      ? t('refused.stale')
      : code === 'conflict'
        ? t('refused.conflict')
        : code === 'forbidden'
          ? t('refused.forbidden')
          : code === 'invalid-data' || code === 'invalid-request'
            ? t('refused.invalid', { field: field ?? '' })
            : undefined;
  const problem = (name: keyof Fields) =>
    errors[name] ? (
      <span className="field-error" role="alert">
        {errors[name]?.message}
      </span>
    ) : null;
  const text = (name: keyof Fields, label: string, rules: Parameters<typeof register>[1] = {}) => (
    <label key={name}>
      {label}
      <input
        {...register(name, rules)}
        aria-invalid={errors[name] !== undefined}
        data-case-field={name}
        readOnly={name === 'id' && editing !== undefined}
      />
      {problem(name)}
    </label>
  );
  const area = (name: keyof Fields, label: string, rules: Parameters<typeof register>[1] = {}) => (
    <label key={name} className="wide">
      {label}
      <textarea
        {...register(name, rules)}
        rows={3}
        aria-invalid={errors[name] !== undefined}
        data-case-field={name}
      />
      {problem(name)}
    </label>
  );
  const choice = (
    name: keyof Fields,
    label: string,
    values: readonly string[],
    prefix: string,
    empty?: string,
  ) => (
    <label key={name}>
      {label}
      <select {...register(name)} data-case-field={name}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${prefix}.${v}` as 'kind.legal-case')}
          </option>
        ))}
      </select>
    </label>
  );
  const date = (required: boolean) => ({
    validate: (v: string) =>
      v.trim() === '' ? !required || t('required') : DATE.test(v.trim()) || t('badDate'),
  });
  return (
    <form
      className="panel case-form"
      aria-labelledby={`${id}-title`}
      noValidate
      data-case-form={editing?.case.id ?? 'new'}
      onSubmit={handleSubmit((f) => write.mutate(f))}
    >
      <h2 id={`${id}-title`}>{editing ? t('editing', { id: editing.case.id }) : t('adding')}</h2>
      <div className="case-grid">
        {text('id', t('id'), { validate: (v) => /^[a-z0-9][a-z0-9._-]{0,99}$/.test(v.trim()) || t('badId') })}
        {choice('kind', t('kind'), CASE_KINDS, 'kind')}
        {choice('type', t('type'), CASE_TYPES, 'type')}
        <label>
          {t('entity')}
          <select
            {...register('entityId', { validate: (v) => v !== '' || t('required') })}
            data-case-field="entityId"
          >
            <option value="">—</option>
            {(org?.entities ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {pick(e.name, lang)}
              </option>
            ))}
          </select>
          {problem('entityId')}
        </label>
        {text('openedOn', t('openedOn'), date(true))}
        {text('concludedOn', t('concludedOn'), date(false))}
        {choice('outcome', t('outcome'), CASE_OUTCOMES, 'outcome', '—')}
        {area('summary', t('summary'), { validate: (v) => v.trim() !== '' || t('required') })}
        {area('actions', t('actions'))}
        {text('reason', t('reason'))}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={write.isPending} data-case-save>
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
