/**
 * The events the caller may send on one unit (cycle-rules.ts), as buttons named with the unit's
 * topic. Submit, review and approve go at once; return, reopen and an exception open a form for
 * the comment they need (comment-form.tsx). Every event names the unit's version shown; a
 * refusal (403 self-approval, 409 wrong state or locked period, 412 someone acted meanwhile…)
 * is shown here in plain language and the list is fetched again (query/write.ts). What was done
 * is announced (role="status").
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { api, type WorkflowEvent, type WorkflowState, type WorkflowUnit } from '../../api';
import { RefusalNote } from '../../components/refusal-note';
import { useLang } from '../../i18n';
import { queryKeys } from '../../query/keys';
import { type Refusal, useWrite } from '../../query/write';
import { topicName } from '../catalogue-topics';
import { type CommentEvent, CommentForm } from './comment-form';
import { eventsFor, NEEDS_COMMENT } from './cycle-rules';

type Vars = { event: WorkflowEvent; version: number; comment?: string; userId?: string };

/** The page's sentence for a refusal, by the rule (or code) the server names. */
const REFUSED = {
  'self-review': 'refused.self-review',
  'self-approval': 'refused.self-approval',
  'self-exception': 'refused.self-exception',
  'not-permitted': 'refused.not-permitted',
  'not-assigned': 'refused.not-assigned',
  'wrong-state': 'refused.wrong-state',
  'comment-required': 'refused.comment-required',
  'stale-version': 'refused.stale-version',
  'period-locked': 'refused.period-locked',
  forbidden: 'refused.forbidden',
} as const;

export function refusedKey(r: Refusal) {
  const by = (k: string | undefined) =>
    k !== undefined && k in REFUSED ? REFUSED[k as keyof typeof REFUSED] : undefined;
  return by(r.rule) ?? by(r.code);
}

export function UnitActions({ unit }: { unit: WorkflowUnit }) {
  const { t } = useTranslation('cycle');
  const lang = useLang();
  const access = useAccess();
  const events = eventsFor(unit, (action) => access.can(action, unit.entityId));
  const [asking, setAsking] = useState<CommentEvent>();
  /** The buttons that open a comment form: focus goes back to one when its form is cancelled. */
  const triggers = useRef(new Map<WorkflowEvent, HTMLButtonElement>());
  const [done, setDone] = useState<{ event: WorkflowEvent; state: WorkflowState }>();
  const topic = topicName(unit.topic, lang);
  const write = useWrite({
    write: (v: Vars) =>
      api.workflowEvent(unit, v.event, {
        version: v.version,
        ...(v.comment ? { comment: v.comment } : {}),
        ...(v.userId ? { userId: v.userId } : {}),
      }),
    invalidates: () => [queryKeys.workflow(unit.periodId)],
    onDone: (out, v) => {
      setAsking(undefined);
      setDone({ event: v.event, state: out.unit.state });
    },
  });
  const send = (v: Omit<Vars, 'version'>) => {
    setDone(undefined);
    write.mutate({ ...v, version: unit.version });
  };
  if (events.length === 0 && !write.refusal && !done) return <span className="muted">{t('noActions')}</span>;
  const key = write.refusal ? refusedKey(write.refusal) : undefined;
  return (
    <div className="unit-actions">
      <div className="buttons">
        {events.map((event) => (
          <button
            key={event}
            type="button"
            className={NEEDS_COMMENT.has(event) ? 'small lang' : 'small'}
            data-action={event}
            ref={(el) => {
              if (el) triggers.current.set(event, el);
              else triggers.current.delete(event);
            }}
            aria-label={t('actionOn', { action: t(`event.${event}`), topic })}
            aria-expanded={NEEDS_COMMENT.has(event) ? asking === event : undefined}
            disabled={write.isPending}
            onClick={() => {
              if (NEEDS_COMMENT.has(event)) setAsking(asking === event ? undefined : (event as CommentEvent));
              else {
                setAsking(undefined); // another action: the open comment form is put away
                send({ event });
              }
            }}
          >
            {t(`event.${event}`)}
          </button>
        ))}
      </div>
      {asking && events.includes(asking) ? (
        <CommentForm
          event={asking}
          topic={topic}
          busy={write.isPending}
          onCancel={() => {
            triggers.current.get(asking)?.focus();
            setAsking(undefined);
          }}
          onSend={(comment, userId) => send({ event: asking, comment, ...(userId ? { userId } : {}) })}
        />
      ) : null}
      {write.refusal ? <RefusalNote refusal={write.refusal} localised={key ? t(key) : undefined} /> : null}
      <div className="ok" role="status" data-done={done?.event}>
        {done
          ? t('done', { topic, action: t(`event.${done.event}`), state: t(`state.${done.state}`) })
          : null}
      </div>
    </div>
  );
}
