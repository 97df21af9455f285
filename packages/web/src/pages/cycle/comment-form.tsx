/**
 * The comment an event needs (return: what to correct; reopen, exception: why), and for an
 * exception the user it allows (a list of accounts for an administrator who may read them, else
 * the user id). react-hook-form keeps what was typed through a refusal; the fields are checked
 * on sending ("required"), then again as they change, each message tied to its field
 * (aria-describedby). Not on leaving a field: a message appearing then moved the Send button
 * from under a click in progress, and the click was lost. Focus moves into the form when it
 * opens; Escape closes it and focus goes back to the button that opened it (unit-actions.tsx).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { api } from '../../api';
import { queryKeys } from '../../query/keys';
import { personName } from './cycle-rules';

export type CommentEvent = 'return' | 'reopen' | 'exception';
type Fields = { comment: string; userId: string };

export function CommentForm(props: {
  event: CommentEvent;
  /** The unit's topic as shown: names the form for assistive technology. */
  topic: string;
  busy: boolean;
  onSend: (comment: string, userId: string | undefined) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('cycle');
  const id = useId();
  const { event } = props;
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = useForm<Fields>({ defaultValues: { comment: '', userId: '' } });
  useEffect(() => setFocus(event === 'exception' ? 'userId' : 'comment'), [setFocus, event]);
  const action = t(`event.${event}`);
  return (
    <form
      className="comment-form"
      noValidate
      aria-label={t('actionOn', { action, topic: props.topic })}
      data-comment-form={event}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
      onSubmit={handleSubmit((f) =>
        props.onSend(f.comment.trim(), event === 'exception' ? f.userId.trim() : undefined),
      )}
    >
      {event === 'exception' ? (
        <ExceptionUser register={register} invalid={errors.userId !== undefined} id={id} />
      ) : null}
      {errors.userId ? (
        <div className="field-error" role="alert" id={`${id}-user-error`}>
          {t('userRequired')}
        </div>
      ) : null}
      <label>
        {t(`comment.${event}`)}
        <textarea
          rows={2}
          data-comment
          aria-invalid={errors.comment !== undefined}
          aria-describedby={errors.comment ? `${id}-comment-error` : undefined}
          {...register('comment', { validate: (v) => v.trim() !== '' })}
        />
      </label>
      {errors.comment ? (
        <div className="field-error" role="alert" id={`${id}-comment-error`} data-field-error="comment">
          {t('commentRequired')}
        </div>
      ) : null}
      <div className="buttons">
        <button type="submit" disabled={props.busy} data-send={event}>
          {props.busy ? t('working') : action}
        </button>
        <button type="button" className="lang" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** Whom an exception allows: accounts to choose from when the caller may list them, else an id. */
function ExceptionUser(props: {
  register: ReturnType<typeof useForm<Fields>>['register'];
  invalid: boolean;
  id: string;
}) {
  const { t } = useTranslation('cycle');
  const access = useAccess();
  const mayList = access.canOrgWide('manage-users');
  const users = useQuery({ queryKey: queryKeys.users(), queryFn: () => api.users(), enabled: mayList });
  const field = props.register('userId', { validate: (v) => v.trim() !== '' });
  const described = props.invalid ? `${props.id}-user-error` : undefined;
  // While the accounts load the select is there already (empty), so focus stays in it.
  if (mayList && !users.error)
    return (
      <label>
        {t('exceptionUser')}
        <select aria-invalid={props.invalid} aria-describedby={described} data-exception-user {...field}>
          <option value="">{t('chooseUser')}</option>
          {(users.data?.users ?? [])
            .filter((u) => !u.disabled && u.id !== access.user?.id)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {personName(u.name)} ({u.email})
              </option>
            ))}
        </select>
      </label>
    );
  return (
    <label>
      {t('exceptionUser')} ({t('exceptionUserId')})
      <input aria-invalid={props.invalid} aria-describedby={described} data-exception-user {...field} />
    </label>
  );
}
