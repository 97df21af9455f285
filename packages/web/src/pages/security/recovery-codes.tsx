/**
 * "Recovery codes" on My security, shown while the second factor is on (docs/security.md,
 * "Recovery codes and changing one's password"): how many are unused (GET
 * /api/session/totp/recovery-codes), and a new list made with a current 6-digit code (POST …,
 * react-hook-form over the shared TotpCodeInput). The new list is shown this once: a monospace
 * list, a copy button, a "Download as text" link (a Blob, assay-recovery-codes.txt) and the
 * warning that the old codes stopped working. It lives in this component's state only and goes
 * when the user hides it or leaves the page. A wrong code is said beside the field (it counts as
 * a failed sign-in on the server: throttled, 429 with Retry-After, counted down).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api';
import { CopyButton } from '../../components/copy-button';
import { ErrorNote } from '../../components/error-note';
import { RefusalNote } from '../../components/refusal-note';
import { TotpCodeInput, totpCodeOf } from '../../components/totp-code-input';
import { formatTime, useLang } from '../../i18n';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';
import { useCountdown } from './countdown';

/** The name of the downloaded file. */
export const RECOVERY_FILE_NAME = 'assay-recovery-codes.txt';

/** A list just made: the codes (grouped) and when (ISO-8601), for the text file. */
type NewList = { codes: readonly string[]; at: string };

export function RecoveryCodesSection(props: { email: string }) {
  const { t } = useTranslation('security');
  const id = useId();
  const client = useQueryClient();
  const wait = useCountdown();
  const left = useQuery({ queryKey: queryKeys.recoveryCodes(), queryFn: () => api.recoveryCodesLeft() });
  const [made, setMade] = useState<NewList>();
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<{ code: string }>({ defaultValues: { code: '' } });
  const write = useWrite({
    write: (code: string) => api.makeRecoveryCodes(code),
    invalidates: () => [queryKeys.recoveryCodes()],
    onDone: (out) => {
      setMade({ codes: out.codes, at: new Date().toISOString() });
      reset({ code: '' });
    },
  });
  const refusal = write.refusal;
  useEffect(() => {
    if (!(write.error instanceof ApiError)) return;
    // A code is used once: whatever the refusal, the next attempt takes a new one.
    reset({ code: '' });
    if (write.error.body.code === 'throttled' && write.error.retryAfterSeconds)
      wait.start(write.error.retryAfterSeconds);
    // No second factor any more (turned off in another tab): show the page as it is now.
    if (write.error.status === 404) void client.invalidateQueries({ queryKey: queryKeys.session() });
  }, [write.error, reset, wait.start, client]);

  const codeError = errors.code ? t('codeFormat') : refusal?.field === 'code' ? t('codeWrong') : undefined;
  /** Throttled: the wait the server named, counted down; or, when it named none, "later". */
  const throttled =
    refusal?.code === 'throttled'
      ? wait.seconds > 0
        ? t('throttledWait', { seconds: wait.seconds })
        : write.error instanceof ApiError && write.error.retryAfterSeconds
          ? undefined
          : t('throttled')
      : undefined;
  const otherRefusal =
    refusal && refusal.field !== 'code' && refusal.code !== 'throttled' ? refusal : undefined;
  return (
    <section className="panel recovery-codes" aria-labelledby={`${id}-title`} data-recovery-section>
      <h2 id={`${id}-title`}>{t('recoveryTitle')}</h2>
      <p className="muted">{t('recoveryIntro')}</p>
      {left.error ? <ErrorNote message={left.error.message} /> : null}
      {left.data ? (
        <p data-recovery-unused={left.data.unused}>
          <strong>{t('unused', { count: left.data.unused })}</strong>
          {left.data.unused === 0 ? <span className="warn"> {t('noneLeft')}</span> : null}
        </p>
      ) : null}
      {made ? <NewCodes list={made} email={props.email} onHide={() => setMade(undefined)} /> : null}
      <form
        className="form"
        noValidate
        data-recovery-form
        onSubmit={handleSubmit((f) => write.mutate(totpCodeOf(f.code) ?? ''))}
      >
        <label htmlFor={`${id}-code`}>{t('makeHint')}</label>
        <div className="code-row">
          <Controller
            control={control}
            name="code"
            rules={{ validate: (v) => totpCodeOf(v) !== undefined }}
            render={({ field }) => (
              <TotpCodeInput
                id={`${id}-code`}
                name={field.name}
                ref={field.ref}
                onBlur={field.onBlur}
                value={field.value}
                onChange={field.onChange}
                aria-invalid={codeError !== undefined}
                aria-describedby={codeError ? `${id}-code-error` : `${id}-warning`}
                data-recovery-code
              />
            )}
          />
          <button type="submit" disabled={write.isPending || wait.seconds > 0} data-make-recovery-codes>
            {write.isPending ? t('making') : t('makeCodes')}
          </button>
        </div>
        {codeError ? (
          <div className="field-error" role="alert" id={`${id}-code-error`} data-field-error="code">
            {codeError}
          </div>
        ) : null}
        {throttled ? (
          <div className="field-error" role="alert" data-recovery-throttled>
            {throttled}
          </div>
        ) : null}
        {otherRefusal ? (
          <RefusalNote
            refusal={{ ...otherRefusal, reloaded: false }}
            localised={otherRefusal.status === 404 ? t('notEnrolled') : undefined}
          />
        ) : null}
        <p className="muted" id={`${id}-warning`}>
          {t('makeWarning')}
        </p>
      </form>
    </section>
  );
}

/** The list just made, shown once, with a copy button, the download and the warning. */
function NewCodes(props: { list: NewList; email: string; onHide: () => void }) {
  const { t } = useTranslation('security');
  const lang = useLang();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { codes, at } = props.list;
  const text = [
    t('fileTitle', { email: props.email }),
    t('fileMade', { at: formatTime(at, lang) }),
    '',
    ...codes,
    '',
  ].join('\n');
  // The download: a Blob URL made for this list and revoked when it goes (after a StrictMode
  // double effect too, which is why it is made in the effect and not during render).
  const [href, setHref] = useState<string>();
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [text]);
  // The list is what the user came for: focus goes to it, and a screen reader reads its title.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="new-recovery-codes" data-new-recovery-codes>
      <h3 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {t('newCodes')}
      </h3>
      <p className="warn" role="status">
        {t('newCodesWarning')}
      </p>
      <ol className="recovery-code-list" aria-label={t('codesLabel')} data-recovery-codes>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="buttons">
        <CopyButton text={codes.join('\n')} />
        {href ? (
          <a className="download" href={href} download={RECOVERY_FILE_NAME} data-download-recovery-codes>
            {t('download')}
          </a>
        ) : null}
        <button type="button" className="lang" onClick={props.onHide} data-hide-recovery-codes>
          {t('hideCodes')}
        </button>
      </div>
    </div>
  );
}
