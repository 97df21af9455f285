/**
 * "Change password" on My security (docs/security.md, "Recovery codes and changing one's
 * password"): the current password, the new one twice; PUT /api/session/password. Checked on
 * sending (react-hook-form), as the server's policy does (app/access/passwords.ts): at least 12
 * characters counted after NFKC as code points, at most 1,024 bytes of UTF-8; the two new ones
 * equal. The server's answers: 204 (every other session of the user ended), 401 on the current
 * password, 400 on the new one, 429 with Retry-After (counted down), 403 with an API token, 400
 * `user` without an account, 409 for an account that signs in with single sign-on only.
 *
 * The passwords are not kept once sent: the form is emptied before the request goes (whatever
 * the answer, they are typed again), and the write does not go through TanStack Query, whose
 * mutation keeps its variables until the next one. The browser's password manager is helped by
 * the autocomplete attributes and a hidden username field naming the account.
 */
import { useId, useState } from 'react';
import { type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api';
import { RefusalNote } from '../../components/refusal-note';
import { type Refusal, refusalOf } from '../../query/write';
import { useCountdown } from './countdown';

/** The server's policy, by copy (app/src/access/passwords.ts). */
const MIN_CHARACTERS = 12;
const MAX_BYTES = 1024;
const bytes = (s: string) => new TextEncoder().encode(s).length;

type Fields = { currentPassword: string; newPassword: string; newPasswordAgain: string };
const EMPTY: Fields = { currentPassword: '', newPassword: '', newPasswordAgain: '' };

/** What the last request came to, beyond a field's own message. */
type Outcome =
  | { kind: 'changed' }
  /** `known`: the server named the wait (Retry-After), counted down in `useCountdown`. */
  | { kind: 'throttled'; known: boolean }
  /** A refusal of the new password by the server: shown beside that field. */
  | { kind: 'new-refused'; refusal: Refusal }
  /** Anything else: under the form, with the page's sentence when it has one. */
  | { kind: 'refused'; refusal: Refusal; text: string | undefined };

export function ChangePasswordSection(props: { email: string }) {
  const { t } = useTranslation('security');
  const id = useId();
  const wait = useCountdown();
  const [outcome, setOutcome] = useState<Outcome>();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<Fields>({ defaultValues: EMPTY });

  const send = handleSubmit(async (typed) => {
    setOutcome(undefined);
    // Sent once and forgotten: the fields and the form's values are emptied now.
    reset(EMPTY);
    try {
      await api.changePassword(typed.currentPassword, typed.newPassword);
      setOutcome({ kind: 'changed' });
    } catch (e) {
      const refusal = { ...refusalOf(e), reloaded: false };
      if (refusal.field === 'currentPassword') {
        setError('currentPassword', { type: 'wrong' }, { shouldFocus: true });
      } else if (refusal.field === 'newPassword') {
        setError('newPassword', { type: 'server' }, { shouldFocus: true });
        setOutcome({ kind: 'new-refused', refusal });
      } else if (refusal.code === 'throttled') {
        const seconds = e instanceof ApiError ? e.retryAfterSeconds : undefined;
        if (seconds) wait.start(seconds);
        setOutcome({ kind: 'throttled', known: seconds !== undefined && seconds > 0 });
      } else {
        const text =
          refusal.status === 403
            ? t('tokenRefused')
            : refusal.field === 'user'
              ? t('noAccount')
              : refusal.code === 'conflict'
                ? t('ssoOnly')
                : undefined;
        setOutcome({ kind: 'refused', refusal, text: text ?? t('refused') });
        setFocus('currentPassword');
      }
    }
  });

  /** The message for a field's problem, by its kind; tied to the field by id. */
  const problem = (field: keyof Fields, error: FieldError | undefined) => {
    if (!error) return null;
    const errorId = `${id}-${field}-error`;
    if (error.type === 'server' && outcome?.kind === 'new-refused')
      return <RefusalNote id={errorId} refusal={outcome.refusal} localised={t('newRefused')} />;
    const texts: Readonly<Record<string, string>> = {
      required: t('currentRequired'),
      wrong: t('currentWrong'),
      tooShort: t('newTooShort'),
      tooLong: t('newTooLong'),
      same: t('againDifferent'),
    };
    const text = texts[error.type];
    return (
      <div className="field-error" role="alert" id={errorId} data-field-error={field}>
        {text ?? t('refused')}
      </div>
    );
  };
  const described = (field: keyof Fields) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <section className="panel change-password" aria-labelledby={`${id}-title`} data-change-password>
      <h2 id={`${id}-title`}>{t('passwordTitle')}</h2>
      <p className="muted" id={`${id}-policy`}>
        {t('passwordPolicy')}
      </p>
      <form className="form" noValidate onSubmit={send} data-change-password-form>
        {/* For password managers: which account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={props.email} readOnly hidden />
        <label>
          {t('currentPassword')}
          <input
            type="password"
            autoComplete="current-password"
            aria-invalid={errors.currentPassword !== undefined}
            aria-describedby={described('currentPassword')}
            data-current-password
            {...register('currentPassword', { required: true })}
          />
        </label>
        {problem('currentPassword', errors.currentPassword)}
        <label>
          {t('newPassword')}
          <input
            type="password"
            autoComplete="new-password"
            aria-invalid={errors.newPassword !== undefined}
            aria-describedby={described('newPassword') ?? `${id}-policy`}
            data-new-password
            {...register('newPassword', {
              validate: {
                tooShort: (v) => [...v.normalize('NFKC')].length >= MIN_CHARACTERS,
                tooLong: (v) => bytes(v) <= MAX_BYTES && bytes(v.normalize('NFKC')) <= MAX_BYTES,
              },
              deps: ['newPasswordAgain'],
            })}
          />
        </label>
        {problem('newPassword', errors.newPassword)}
        <label>
          {t('newPasswordAgain')}
          <input
            type="password"
            autoComplete="new-password"
            aria-invalid={errors.newPasswordAgain !== undefined}
            aria-describedby={described('newPasswordAgain')}
            data-new-password-again
            {...register('newPasswordAgain', { validate: { same: (v, all) => v === all.newPassword } })}
          />
        </label>
        {problem('newPasswordAgain', errors.newPasswordAgain)}
        {outcome?.kind === 'throttled' && (wait.seconds > 0 || !outcome.known) ? (
          <div className="field-error" role="alert" data-password-throttled>
            {outcome.known ? t('throttledWait', { seconds: wait.seconds }) : t('throttled')}
          </div>
        ) : null}
        {outcome?.kind === 'refused' ? (
          <RefusalNote refusal={outcome.refusal} localised={outcome.text} />
        ) : null}
        <div>
          <button type="submit" disabled={isSubmitting || wait.seconds > 0} data-change-password-submit>
            {isSubmitting ? t('changing') : t('changePassword')}
          </button>
        </div>
        <div
          role="status"
          className="ok"
          data-password-changed={outcome?.kind === 'changed' ? 'true' : undefined}
        >
          {outcome?.kind === 'changed' ? t('passwordChanged') : null}
        </div>
      </form>
    </section>
  );
}
