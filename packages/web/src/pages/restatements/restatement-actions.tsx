/**
 * The steps the caller may take on one restatement request (restatement-rules.ts eventsFor):
 * submit, review and approve are sent at once; return opens a form for its required comment
 * (react-hook-form: what was typed stays through a refusal). Every event names the request's
 * version shown; a refusal (403 self-approval or self-review, 409 wrong state or a fact changed
 * since the request, 412 someone acted meanwhile) is shown here in the UI language with the
 * server's words one click away (RefusalNote), and the list is fetched again. An approval
 * changes figures: the data, the lines, the base year's Scope 1 + 2 and the cycle are fetched
 * again too. What was done is announced (role="status").
 */
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import type { WorkflowState } from '../../api';
import { type Restatement, type RestatementEvent, restatementApi } from '../../api-restatement';
import { RefusalNote } from '../../components/refusal-note';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';
import { eventsFor, refusedKey } from './restatement-rules';

type Vars = { event: RestatementEvent; version: number; comment?: string };

export function RestatementActions({ request }: { request: Restatement }) {
  const { t } = useTranslation('restatement');
  const access = useAccess();
  const id = useId();
  const events = eventsFor(request, (action, entityId) => access.can(action, entityId));
  const [returning, setReturning] = useState(false);
  const [done, setDone] = useState<{ event: RestatementEvent; state: WorkflowState }>();
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
    formState: { errors },
  } = useForm<{ comment: string }>({ defaultValues: { comment: '' } });
  useEffect(() => {
    if (returning) setFocus('comment');
  }, [returning, setFocus]);
  const write = useWrite({
    write: (v: Vars) =>
      restatementApi.act(request.id, v.event, {
        version: v.version,
        ...(v.comment ? { comment: v.comment } : {}),
      }),
    invalidates: (v) =>
      v.event === 'approve'
        ? [
            queryKeys.restatements(),
            queryKeys.baseYear(),
            ['data-points'],
            ['activity-lines'],
            queryKeys.workflowAll(),
            queryKeys.catalogue(),
          ]
        : [queryKeys.restatements()],
    onDone: (out, v) => {
      setReturning(false);
      reset();
      setDone({ event: v.event, state: out.restatement.state });
    },
  });
  const send = (v: Omit<Vars, 'version'>) => {
    setDone(undefined);
    write.mutate({ ...v, version: request.version });
  };
  const key = write.refusal ? refusedKey(write.refusal) : undefined;
  if (events.length === 0 && !write.refusal && !done)
    return (
      <p className="muted small-text" data-no-actions>
        {t('noActions')}
      </p>
    );
  return (
    <div className="restatement-actions">
      <div className="buttons">
        {events.map((event) => (
          <button
            key={event}
            type="button"
            className={event === 'return' ? 'lang' : undefined}
            data-restatement-action={event}
            aria-label={t('actionOn', { action: t(`event.${event}`), id: request.id })}
            aria-expanded={event === 'return' ? returning : undefined}
            disabled={write.isPending}
            onClick={() => {
              if (event === 'return') setReturning(!returning);
              else {
                setReturning(false);
                send({ event });
              }
            }}
          >
            {t(`event.${event}`)}
          </button>
        ))}
      </div>
      {returning && events.includes('return') ? (
        <form
          className="comment-form"
          noValidate
          data-return-form={request.id}
          aria-label={t('actionOn', { action: t('event.return'), id: request.id })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setReturning(false);
          }}
          onSubmit={handleSubmit((f) => send({ event: 'return', comment: f.comment.trim() }))}
        >
          <label>
            {t('returnComment')}
            <textarea
              rows={2}
              data-return-comment
              aria-invalid={errors.comment !== undefined}
              aria-describedby={errors.comment ? `${id}-comment-error` : undefined}
              {...register('comment', { validate: (v) => v.trim() !== '' })}
            />
          </label>
          {errors.comment ? (
            <div className="field-error" role="alert" id={`${id}-comment-error`}>
              {t('commentRequired')}
            </div>
          ) : null}
          <div className="buttons">
            <button type="submit" disabled={write.isPending} data-send-return>
              {write.isPending ? t('working') : t('event.return')}
            </button>
            <button type="button" className="lang" onClick={() => setReturning(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {write.refusal ? <RefusalNote refusal={write.refusal} localised={key ? t(key) : undefined} /> : null}
      <div className="ok" role="status" data-done={done?.event}>
        {done
          ? t('done', { id: request.id, action: t(`event.${done.event}`), state: t(`state.${done.state}`) })
          : null}
      </div>
    </div>
  );
}
