/**
 * Open a reporting cycle (POST /api/cycles {period, frequency}; the group's administrator): a year
 * or a quarter and how often data is entered in it. Opening one already open as asked changes
 * nothing (200, said so); an overlapping cycle or another frequency is refused (409) with the
 * server's words. The new cycle is then shown (its assignments and progress).
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { collectionApi, FREQUENCIES, type Frequency } from '../../api-collection';
import { RefusalNote } from '../../components/refusal-note';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';
import { assignmentsHref } from '../../route';

const CYCLE_PERIOD = /^\d{4}(-Q[1-4])?$/;
type Fields = { period: string; frequency: Frequency };

export function OpenCycleForm() {
  const { t } = useTranslation('assignments');
  const [done, setDone] = useState<{ period: string; frequency: Frequency; created: boolean }>();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Fields>({ defaultValues: { period: '', frequency: 'month' } });
  const write = useWrite({
    write: (f: Fields) => collectionApi.openCycle(f.period, f.frequency),
    invalidates: () => [queryKeys.cycles()],
    onDone: (out) => {
      setDone({ period: out.cycle.periodId, frequency: out.cycle.frequency, created: out.created });
      window.location.hash = assignmentsHref(out.cycle.periodId);
    },
  });
  const code = write.refusal?.code;
  return (
    <form
      className="panel inline-form open-cycle"
      noValidate
      aria-labelledby="open-cycle-title"
      data-open-cycle
      onSubmit={handleSubmit((f) => {
        setDone(undefined);
        write.mutate({ period: f.period.trim(), frequency: f.frequency });
      })}
    >
      <h2 id="open-cycle-title">{t('openTitle')}</h2>
      <label>
        {t('cyclePeriod')}{' '}
        <input
          className="period"
          placeholder={t('cyclePeriodHint')}
          data-cycle-period
          aria-invalid={errors.period !== undefined}
          aria-describedby={errors.period ? 'open-cycle-period-error' : undefined}
          {...register('period', { validate: (v) => CYCLE_PERIOD.test(v.trim()) })}
        />
      </label>
      <label>
        {t('frequency')}{' '}
        <select data-cycle-frequency {...register('frequency')}>
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`frequency.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={write.isPending} data-open-cycle-submit>
        {t('openCycle')}
      </button>
      {errors.period ? (
        <div className="field-error" role="alert" id="open-cycle-period-error">
          {t('periodRequired')}
        </div>
      ) : null}
      {write.refusal ? (
        <RefusalNote
          refusal={write.refusal}
          localised={
            code === 'conflict' || code === 'forbidden' || code === 'invalid-request'
              ? t(`refused.${code}`)
              : undefined
          }
        />
      ) : null}
      <div className="ok" role="status" data-cycle-opened={done?.period}>
        {done
          ? done.created
            ? t('opened', { period: done.period, frequency: t(`frequency.${done.frequency}`) })
            : t('alreadyOpen', { period: done.period })
          : null}
      </div>
    </form>
  );
}
