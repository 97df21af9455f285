/**
 * One finding's work actions (docs/checks.md "Findings as work items"): assign (to an account,
 * to oneself, or to nobody), accept with a reason (react-hook-form: required; what was typed is
 * kept through a refusal), reopen an accepted one, and its comment thread. Shown only where the
 * caller's roles allow them (manage-findings; write-comment for the thread's form); a resolved
 * finding has no actions, its thread stays readable.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { api } from '../../api';
import { type FindingWork, findingsApi, type ListedFinding } from '../../api-findings';
import { CommentThread } from '../../components/comment-thread';
import { RefusalNote } from '../../components/refusal-note';
import { queryKeys } from '../../query/keys';
import { type Refusal, useWrite } from '../../query/write';

type Vars =
  | { kind: 'assign'; assignee: string | null }
  | { kind: 'accept'; reason: string }
  | { kind: 'reopen' };

export function FindingActions(props: { finding: ListedFinding; work: FindingWork }) {
  const { t } = useTranslation('findings');
  const access = useAccess();
  const id = useId();
  const { finding, work } = props;
  const [accepting, setAccepting] = useState(false);
  const [comments, setComments] = useState(false);
  const mayManage = work.state !== 'resolved' && access.can('manage-findings', work.entityId);
  const users = useQuery({
    queryKey: queryKeys.users(),
    queryFn: () => api.users(),
    enabled: mayManage && access.canOrgWide('manage-users'),
  });
  const write = useWrite<Vars, unknown>({
    write: (v) =>
      v.kind === 'assign'
        ? findingsApi.assign(finding.id, v.assignee, work.version)
        : v.kind === 'accept'
          ? findingsApi.accept(finding.id, v.reason, work.version)
          : findingsApi.reopen(finding.id, work.version),
    invalidates: () => [queryKeys.findingsAll()],
    onDone: (_out, v) => {
      if (v.kind === 'accept') setAccepting(false);
    },
  });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const me = access.user;
  const people = new Map<string, string>();
  if (me) people.set(me.id, `${t('assignMe')} (${me.name})`);
  for (const u of users.data?.users ?? []) if (!u.disabled && !people.has(u.id)) people.set(u.id, u.name);
  if (work.assignee && !people.has(work.assignee.id)) people.set(work.assignee.id, work.assignee.label);
  return (
    <div className="finding-actions" data-finding-actions={finding.id}>
      {mayManage ? (
        <>
          <label className="assign">
            {t('assignTo')}{' '}
            <select
              name="assignee"
              value={work.assignee?.id ?? ''}
              disabled={write.isPending}
              onChange={(e) => write.mutate({ kind: 'assign', assignee: e.target.value || null })}
            >
              <option value="">{t('unassign')}</option>
              {[...people].map(([uid, name]) => (
                <option key={uid} value={uid}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {work.state === 'accepted' ? (
            <button type="button" disabled={write.isPending} onClick={() => write.mutate({ kind: 'reopen' })}>
              {t('reopen')}
            </button>
          ) : accepting ? null : (
            <button type="button" data-accept onClick={() => setAccepting(true)}>
              {t('accept')}
            </button>
          )}
        </>
      ) : null}
      {mayManage && accepting && work.state === 'open' ? (
        <form
          className="accept-form"
          onSubmit={handleSubmit((v) => write.mutate({ kind: 'accept', reason: v.reason }))}
        >
          <label htmlFor={`${id}-reason`}>{t('acceptReason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={2000}
            aria-invalid={errors.reason ? true : undefined}
            {...register('reason', { validate: (v) => v.trim() !== '' || t('reasonRequired') })}
          />
          {errors.reason ? (
            <div className="field-error" role="alert">
              {errors.reason.message}
            </div>
          ) : null}
          <button type="submit" disabled={write.isPending}>
            {t('acceptConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setAccepting(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : null}
      {write.refusal ? (
        <RefusalNote refusal={write.refusal} localised={refusalText(write.refusal, t)} />
      ) : null}
      {access.can('read-comments', work.entityId) ? (
        <button
          type="button"
          className="link-button"
          aria-expanded={comments}
          data-finding-comments-toggle
          onClick={() => setComments(!comments)}
        >
          {comments ? t('hideComments') : t('comments')}
        </button>
      ) : null}
      {comments ? (
        <CommentThread
          target={`finding:${finding.id}`}
          what={t('commentsOn', { id: finding.id })}
          mayWrite={work.state !== 'resolved' && access.can('write-comment', work.entityId)}
        />
      ) : null}
    </div>
  );
}

function refusalText(r: Refusal, t: (k: never) => string): string | undefined {
  const key = `refused.${r.code}`;
  const known = ['forbidden', 'not-found', 'conflict', 'stale-version', 'invalid-request'];
  return known.includes(r.code) ? t(key as never) : undefined;
}
