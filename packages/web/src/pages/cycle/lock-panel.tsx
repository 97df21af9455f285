/**
 * The period's lock: whether the period is open or locked (since when, by whom, why), and for an
 * administrator of the group (`lock-period`) the form to lock or unlock it with a reason
 * (required; react-hook-form). Locking answers with the units not approved at that moment: a
 * warning, listed here, not a refusal (docs/workflow.md, "The period lock").
 */
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { api, type PeriodLock, type WorkflowUnit } from '../../api';
import { RefusalNote } from '../../components/refusal-note';
import { formatTime, useLang } from '../../i18n';
import { useEntityName } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';
import { topicName } from '../catalogue-topics';
import { personName } from './cycle-rules';

type Vars = { reason: string; unlock: boolean };

export function LockPanel(props: { period: string; lock: PeriodLock | null }) {
  const { t } = useTranslation('cycle');
  const lang = useLang();
  const entityName = useEntityName();
  const access = useAccess();
  const id = useId();
  const { period, lock } = props;
  const [after, setAfter] = useState<{ unlocked: boolean; notApproved: WorkflowUnit[] }>();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const write = useWrite({
    write: async (v: Vars) => {
      if (v.unlock) {
        await api.unlockPeriod(period, v.reason);
        return { unlocked: true, notApproved: [] as WorkflowUnit[] };
      }
      return { unlocked: false, notApproved: (await api.lockPeriod(period, v.reason)).notApproved };
    },
    // A lock on a year covers its quarters and months: every period's list may change.
    invalidates: () => [queryKeys.workflowAll()],
    onDone: (out) => {
      setAfter(out);
      reset();
    },
  });
  /** The page's sentence for a refusal: locked or unlocked by someone else meanwhile, or no right. */
  const refusedText = (code: string) =>
    code === 'conflict'
      ? t('refused.alreadyLocked')
      : code === 'not-found'
        ? t('refused.notLocked')
        : code === 'forbidden'
          ? t('refused.forbidden')
          : undefined;
  return (
    <section
      className="panel lock-panel"
      aria-labelledby={`${id}-title`}
      data-lock={lock ? 'locked' : 'open'}
    >
      <h2 id={`${id}-title`}>{t('lock')}</h2>
      <p data-lock-state>
        {lock
          ? t('locked', {
              period: lock.periodId,
              at: formatTime(lock.at, lang),
              by: personName(lock.actor),
              reason: lock.reason,
            })
          : t('open', { period })}
      </p>
      {lock ? <p className="muted">{t('lockedHint')}</p> : null}
      {access.canOrgWide('lock-period') ? (
        <form
          className="inline-form"
          noValidate
          data-lock-form
          onSubmit={handleSubmit((f) => {
            setAfter(undefined);
            write.mutate({ reason: f.reason.trim(), unlock: lock !== null });
          })}
        >
          <label>
            {t('lockReason')}{' '}
            <input
              className="reason"
              placeholder={lock ? t('unlockReasonHint') : t('lockReasonHint')}
              aria-invalid={errors.reason !== undefined}
              aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
              data-lock-reason
              {...register('reason', { validate: (v) => v.trim() !== '' })}
            />
          </label>
          <button type="submit" disabled={write.isPending} data-lock-action={lock ? 'unlock' : 'lock'}>
            {lock ? t('unlockPeriod') : t('lockPeriod')}
          </button>
          {errors.reason ? (
            <div className="field-error" role="alert" id={`${id}-reason-error`}>
              {t('reasonRequired')}
            </div>
          ) : null}
        </form>
      ) : null}
      {write.refusal ? (
        <RefusalNote refusal={write.refusal} localised={refusedText(write.refusal.code)} />
      ) : null}
      <div role="status" className="ok">
        {after ? (after.unlocked ? t('unlockedNow', { period }) : t('lockedNow', { period })) : null}
      </div>
      {after && after.notApproved.length > 0 ? (
        <p className="note" data-not-approved>
          {t('notApprovedAtLock', {
            count: after.notApproved.length,
            units: after.notApproved
              .map((u) => `${entityName(u.entityId, lang)} · ${topicName(u.topic, lang)}`)
              .join('; '),
          })}
        </p>
      ) : null}
    </section>
  );
}
