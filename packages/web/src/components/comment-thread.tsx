/**
 * A comment thread on one target (issue #17; docs/workflow.md "Comments"): a workflow unit
 * (`unit:entity/period/topic`), an activity line (`activity-line:id`), a data point… The comments
 * oldest first (GET /api/comments?target=), each with its author and time, and, for a caller who
 * may write comments on the target's entity, a form to add one (POST; react-hook-form: required,
 * what was typed kept through a refusal). Comments are append-only: a correction is another
 * comment. The text is shown as typed (React escapes it), line breaks kept.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { collectionApi } from '../api-collection';
import { formatTime, useLang } from '../i18n';
import { personName } from '../pages/cycle/cycle-rules';
import { queryKeys } from '../query/keys';
import { useWrite } from '../query/write';
import { ErrorNote } from './error-note';
import { RefusalNote } from './refusal-note';
import './comment-thread.css';

const REFUSED = new Set(['forbidden', 'not-found', 'invalid-request']);

export function CommentThread(props: {
  target: string;
  /** What the thread is on, as shown ("Demo Smelter · 2026-01 · Energy"). */
  what: string;
  mayWrite: boolean;
}) {
  const { t } = useTranslation('comments');
  const lang = useLang();
  const id = useId();
  const thread = useQuery({
    queryKey: queryKeys.comments(props.target),
    queryFn: () => collectionApi.comments(props.target),
  });
  const [posted, setPosted] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<{ text: string }>({ defaultValues: { text: '' } });
  const write = useWrite({
    write: (text: string) => collectionApi.addComment(props.target, text),
    invalidates: () => [queryKeys.comments(props.target)],
    onDone: () => {
      reset();
      setPosted(true);
    },
  });
  const list = thread.data?.comments ?? [];
  const refusal = write.refusal;
  return (
    <section
      className="comment-thread"
      aria-label={t('threadOn', { what: props.what })}
      data-thread={props.target}
    >
      {thread.error ? <ErrorNote message={thread.error.message} /> : null}
      {thread.data && list.length === 0 ? <p className="muted">{t('none')}</p> : null}
      {list.length > 0 ? (
        <ol className="comments" data-ready="comments">
          {list.map((c) => (
            <li key={c.id} data-comment-id={c.id}>
              <div className="muted small-text" title={c.author}>
                {t('by', { author: personName(c.author), at: formatTime(c.at, lang) })}
              </div>
              <p className="comment-text">{c.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {props.mayWrite ? (
        <form
          className="comment-form"
          noValidate
          data-comment-post={props.target}
          onSubmit={handleSubmit((f) => {
            setPosted(false);
            write.mutate(f.text.trim());
          })}
        >
          <label>
            {t('write')}
            <textarea
              rows={2}
              data-comment-text
              aria-invalid={errors.text !== undefined}
              aria-describedby={errors.text ? `${id}-error` : undefined}
              {...register('text', { validate: (v) => v.trim() !== '' })}
            />
          </label>
          {errors.text ? (
            <div className="field-error" role="alert" id={`${id}-error`}>
              {t('required')}
            </div>
          ) : null}
          <div className="buttons">
            <button type="submit" className="small" disabled={write.isPending} data-comment-send>
              {write.isPending ? t('posting') : t('post')}
            </button>
          </div>
        </form>
      ) : null}
      {refusal ? (
        <RefusalNote
          refusal={refusal}
          localised={REFUSED.has(refusal.code) ? t(`refused.${refusal.code as 'forbidden'}`) : undefined}
        />
      ) : null}
      <div className="ok" role="status">
        {posted ? t('posted') : null}
      </div>
    </section>
  );
}
