/**
 * The base year and its recalculation policy (GET/PUT /api/settings/base-year), for an
 * administrator of the group (`manage-settings`): the base year now with its Scope 1 + 2, the
 * threshold in per cent and the types of change the policy counts; a form to set them or remove
 * the base year (react-hook-form: a four-digit year, a threshold above 0 and at most 100, at
 * least one type, checked as typed; the server checks again with core's settings validation and
 * names the field). The write names the workspace version read: if the settings changed
 * meanwhile it is refused (412) and fetched again. The structural changes of the reporting year
 * (acquisitions, disposals) are listed with the restatement that answers each.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RESTATEMENT_CHANGES, type RestatementChange, restatementApi } from '../../api-restatement';
import { ErrorNote } from '../../components/error-note';
import { RefusalNote } from '../../components/refusal-note';
import { pick, useLang } from '../../i18n';
import { queryKeys } from '../../query/keys';
import { type Refusal, useWrite } from '../../query/write';
import { roundHalfUp, showValue } from '../fact-labels';

type Fields = { year: string; thresholdPercent: string; triggers: RestatementChange[]; reason: string };

/** A threshold as typed: a plain decimal above 0 and at most 100 (exact, on the text). */
export function thresholdOk(text: string): boolean {
  const m = /^(\d{1,3})(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return false;
  const whole = Number(m[1]);
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (whole > 100 || (whole === 100 && frac !== '')) return false;
  return whole > 0 || frac !== '';
}

export function BaseYearPanel() {
  const { t } = useTranslation('restatement');
  const lang = useLang();
  const id = useId();
  const view = useQuery({ queryKey: queryKeys.baseYear(), queryFn: () => restatementApi.baseYear() });
  const [saved, setSaved] = useState(false);
  const v = view.data;
  const policy = v?.baseYear ?? null;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Fields>({
    defaultValues: { year: '', thresholdPercent: '', triggers: [], reason: '' },
    // Follows the server's settings as they load and after each save; what is being typed stays.
    ...(v
      ? {
          values: {
            year: policy?.year ?? '',
            thresholdPercent: policy?.thresholdPercent ?? v.defaults.thresholdPercent,
            triggers: [...(policy?.triggers ?? v.defaults.triggers)],
            reason: '',
          },
        }
      : {}),
    resetOptions: { keepDirtyValues: true },
  });
  const write = useWrite({
    write: (f: Fields | null) =>
      restatementApi.setBaseYear(
        f === null
          ? { year: null, version: v?.workspaceVersion ?? 0 }
          : {
              year: f.year.trim(),
              thresholdPercent: f.thresholdPercent.trim(),
              triggers: f.triggers,
              ...(f.reason.trim() ? { reason: f.reason.trim() } : {}),
              version: v?.workspaceVersion ?? 0,
            },
      ),
    invalidates: () => [queryKeys.baseYear(), queryKeys.restatements()],
    onDone: () => setSaved(true),
  });
  const serverField = write.refusal?.field;
  const fieldError = (name: 'year' | 'thresholdPercent' | 'triggers') =>
    errors[name] !== undefined || serverField === name;
  return (
    <section
      className="panel base-year"
      aria-labelledby={`${id}-title`}
      data-base-year={policy?.year ?? 'none'}
    >
      <h2 id={`${id}-title`}>{t('baseYear')}</h2>
      <p className="muted small-text">{t('baseYearIntro')}</p>
      {view.error ? <ErrorNote message={view.error.message} /> : null}
      {v ? (
        <p data-base-year-now>
          {policy === null
            ? t('baseYearNone')
            : policy.scope12 === null
              ? t('baseYearNotCalculated', {
                  year: policy.year,
                  threshold: showValue(policy.thresholdPercent),
                })
              : t('baseYearNow', {
                  year: policy.year,
                  scope12: showValue(roundHalfUp(policy.scope12, 2)),
                  threshold: showValue(policy.thresholdPercent),
                })}
        </p>
      ) : null}
      {v ? (
        <form
          className="base-year-form"
          noValidate
          data-base-year-form
          onSubmit={handleSubmit((f) => {
            setSaved(false);
            write.mutate(f);
          })}
        >
          <div className="form-row">
            <label>
              {t('yearLabel')}
              <input
                className="year"
                inputMode="numeric"
                placeholder={t('yearHint')}
                aria-invalid={fieldError('year')}
                data-base-year-input
                {...register('year', { validate: (x) => /^\d{4}$/.test(x.trim()) })}
              />
            </label>
            <label>
              {t('thresholdLabel')}
              <input
                className="threshold"
                inputMode="decimal"
                aria-invalid={fieldError('thresholdPercent')}
                data-threshold-input
                {...register('thresholdPercent', { validate: thresholdOk })}
              />
            </label>
            <fieldset aria-invalid={fieldError('triggers')}>
              <legend>{t('triggersLabel')}</legend>
              {RESTATEMENT_CHANGES.map((c) => (
                <label key={c} className="check">
                  <input
                    type="checkbox"
                    value={c}
                    data-trigger={c}
                    {...register('triggers', { validate: (x) => Array.isArray(x) && x.length > 0 })}
                  />{' '}
                  {t(`change.${c}`)}
                </label>
              ))}
            </fieldset>
          </div>
          <label className="reason-row">
            {t('settingsReason')}
            <input className="reason" data-settings-reason {...register('reason')} />
          </label>
          {fieldError('year') ? <Problem text={t('yearRequired')} /> : null}
          {fieldError('thresholdPercent') ? <Problem text={t('thresholdProblem')} /> : null}
          {fieldError('triggers') ? <Problem text={t('triggersRequired')} /> : null}
          <div className="buttons">
            <button type="submit" disabled={write.isPending} data-save-base-year>
              {write.isPending ? t('saving') : t('save')}
            </button>
            {policy !== null ? (
              <button
                type="button"
                className="lang"
                disabled={write.isPending}
                data-remove-base-year
                onClick={() => {
                  setSaved(false);
                  write.mutate(null);
                }}
              >
                {t('removeBaseYear')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {write.refusal && !serverFieldShown(write.refusal) ? <RefusalText refusal={write.refusal} /> : null}
      <div className="ok" role="status" data-base-year-saved={saved ? 'yes' : undefined}>
        {saved && !write.refusal ? t('saved') : null}
      </div>
      {v && v.prompts.length > 0 ? (
        <div className="prompts">
          <h3>{t('prompts')}</h3>
          <ul>
            {v.prompts.map((p) => (
              <li key={`${p.kind}:${p.entityId}`} data-prompt={p.entityId}>
                {pick(p.message, lang)}{' '}
                <span className="muted">
                  (
                  {p.restatement
                    ? t('promptAnswered', {
                        id: p.restatement.id,
                        state: t(`state.${p.restatement.state as 'draft'}`),
                      })
                    : t('promptOpen')}
                  )
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Problem({ text }: { text: string }) {
  return (
    <div className="field-error" role="alert">
      {text}
    </div>
  );
}

/** A refusal naming a field of the form is shown at it (above); any other here. */
const serverFieldShown = (r: Refusal) =>
  r.field === 'year' || r.field === 'thresholdPercent' || r.field === 'triggers';

function RefusalText({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation('restatement');
  const text =
    refusal.code === 'stale-version'
      ? t('refusedBase.stale-version')
      : refusal.code === 'forbidden'
        ? t('refusedBase.forbidden')
        : t('refusedBase.other');
  return <RefusalNote refusal={refusal} localised={text} />;
}
