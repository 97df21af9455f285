/**
 * The entry form's workflow unit (entity × period × topic; docs/workflow.md): where it stands
 * (GET /api/workflow?period=, or the caller's task when it was never acted on), the comment of a
 * return, the Submit button for a preparer while it is draft (POST
 * /api/workflow/{entity}/{period}/{topic}/submit with the version shown), and the unit's comment
 * thread. A refusal (403 not-assigned, 409 period-locked, 412 someone acted meanwhile…) is shown
 * in the UI language with the server's words one click away (refusal-note.tsx), and the unit is
 * fetched again. Submitting waits until no line holds an unsaved change.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { api, type WorkflowState } from '../../api';
import { type Task, unitTarget } from '../../api-collection';
import { CommentThread } from '../../components/comment-thread';
import { RefusalNote } from '../../components/refusal-note';
import { formatTime, useLang } from '../../i18n';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';
import { personName } from '../cycle/cycle-rules';
import { refusedKey } from '../cycle/unit-actions';

export function EntryUnit(props: {
  entity: string;
  period: string;
  topic: string;
  /** As the page shows them: "Demo Smelter · January 2026 · Energy". */
  what: { entity: string; period: string; topic: string };
  task: Task | undefined;
  unsavedLines: number;
}) {
  const { t } = useTranslation('entry');
  const cycleText = useTranslation('cycle').t;
  const lang = useLang();
  const access = useAccess();
  const workflow = useQuery({
    queryKey: queryKeys.workflow(props.period),
    queryFn: () => api.workflow(props.period),
  });
  const listed = workflow.data?.units.find((u) => u.entityId === props.entity && u.topic === props.topic);
  const state: WorkflowState = listed?.state ?? props.task?.state ?? 'draft';
  const version = listed?.version ?? props.task?.version ?? 0;
  const [done, setDone] = useState(false);
  const submit = useWrite({
    write: (v: number) =>
      api.workflowEvent({ entityId: props.entity, periodId: props.period, topic: props.topic }, 'submit', {
        version: v,
      }),
    invalidates: () => [queryKeys.workflow(props.period), queryKeys.tasks()],
    onDone: () => setDone(true),
  });
  const maySubmit = access.can('submit-data', props.entity);
  const sentBack = state === 'draft' ? props.task?.sentBack : null;
  const key = submit.refusal ? refusedKey(submit.refusal) : undefined;
  return (
    <section className="panel entry-unit" aria-labelledby="entry-unit-title" data-unit-state={state}>
      <h2 id="entry-unit-title">{t('unitTitle')}</h2>
      <p data-unit-version={version}>{t('unitState', { state: cycleText(`state.${state}`), version })}</p>
      {workflow.data?.lock ? <p className="note">{cycleText('refused.period-locked')}</p> : null}
      {sentBack?.comment ? (
        <p className="note" data-returned>
          {t('returned', {
            actor: personName(sentBack.actor),
            at: formatTime(sentBack.at, lang),
            comment: sentBack.comment,
          })}
        </p>
      ) : null}
      {state === 'draft' ? (
        maySubmit ? (
          <>
            <p className="muted">{t('submitIntro')}</p>
            <button
              type="button"
              data-submit-unit
              disabled={submit.isPending || props.unsavedLines > 0 || !workflow.data}
              aria-describedby={props.unsavedLines > 0 ? 'entry-unsaved-first' : undefined}
              onClick={() => {
                setDone(false);
                submit.mutate(version);
              }}
            >
              {submit.isPending
                ? t('submitting')
                : t('submit', { topic: props.what.topic, period: props.what.period })}
            </button>
            {props.unsavedLines > 0 ? (
              <p className="muted" id="entry-unsaved-first">
                {t('unsavedFirst')}
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">{t('mayNotSubmit')}</p>
        )
      ) : null}
      {submit.refusal ? (
        <RefusalNote refusal={submit.refusal} localised={key ? cycleText(key) : undefined} />
      ) : null}
      <div className="ok" role="status" data-submitted={done ? 'yes' : undefined}>
        {done ? t('submitted') : null}
      </div>
      <h3>{t('unitComments')}</h3>
      <CommentThread
        target={unitTarget({ entityId: props.entity, periodId: props.period, topic: props.topic })}
        what={`${props.what.entity} · ${props.what.period} · ${props.what.topic}`}
        mayWrite={access.can('write-comment', props.entity)}
      />
    </section>
  );
}
