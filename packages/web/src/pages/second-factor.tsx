/**
 * Your second factor (TOTP, issue #16; docs/security.md, "Second factor"), on #/tokens ("My
 * security") and, alone, while the security settings make you enrol before anything else:
 *   - whether it is on (GET /api/session `totpEnrolled`);
 *   - turn on: POST /api/session/totp gives the secret, shown this once, in groups of four
 *     (monospace) and as the otpauth:// URI for an authenticator app; a code from the app
 *     confirms it (POST …/confirm); until then nothing has changed on the account;
 *   - turn off: a current code (DELETE /api/session/totp); a wrong one counts as a failed
 *     sign-in (throttled), and it is refused while the settings require one of your role.
 * A change announces `session-changed`: the shell fetches the session again (the enrolment-only
 * view gives way to the app once a factor is confirmed).
 */
import { useId, useState } from 'react';
import { ApiError, api, type TotpEnrolment } from '../api';
import { announce } from '../auth-events';
import { CopyButton } from '../components/copy-button';
import { ErrorNote } from '../components/error-note';
import { TotpCodeInput, totpCodeOf } from '../components/totp-code-input';
import { type TextKey, useLang, useT } from '../i18n';
import { useLoad } from '../use-load';

/** The secret in groups of four characters, as authenticator apps ask for it to be typed. */
export function groupedSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

/** A refusal shown under the form it belongs to: a text key, or the server's own message. */
type Problem = { form: 'begin' | 'confirm' | 'off'; text: string; kind: string };

export function SecondFactorSection(props: { intro?: boolean }) {
  const t = useT();
  const lang = useLang();
  const status = useLoad(() => api.session(), []);
  const [pending, setPending] = useState<TotpEnrolment>();
  const [confirmCode, setConfirmCode] = useState('');
  const [offCode, setOffCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<'on' | 'off'>();
  const enrolled = status.data?.totpEnrolled === true;
  const offCodeId = useId();
  const confirmCodeId = useId();

  /** Run one request; `refused` turns its ApiError into the problem to show (or undefined). */
  async function act(
    form: Problem['form'],
    run: () => Promise<void>,
    refused: (e: ApiError) => Problem | undefined,
  ) {
    setBusy(true);
    setProblem(undefined);
    setDone(undefined);
    try {
      await run();
    } catch (e) {
      const shown = e instanceof ApiError ? refused(e) : undefined;
      setProblem(shown ?? { form, text: e instanceof Error ? e.message : String(e), kind: 'other' });
    } finally {
      setBusy(false);
    }
  }
  const said = (form: Problem['form'], key: TextKey, kind: string): Problem => ({ form, text: t(key), kind });
  const changed = (now: 'on' | 'off') => {
    setDone(now);
    status.reload();
    announce('session-changed');
  };

  const begin = () =>
    act(
      'begin',
      async () => {
        setConfirmCode('');
        setPending(await api.beginTotp());
      },
      (e) => {
        // 409: one is on already (turned on in another tab): show it as it is.
        if (e.status === 409) {
          status.reload();
          return { form: 'begin', text: e.message, kind: 'conflict' };
        }
        return undefined;
      },
    );
  const confirm = () => {
    const code = totpCodeOf(confirmCode);
    if (code === undefined) return setProblem(said('confirm', 'totpFormat', 'format'));
    return act(
      'confirm',
      async () => {
        await api.confirmTotp(code);
        setPending(undefined);
        setConfirmCode('');
        changed('on');
      },
      (e) => (e.body.field === 'code' ? said('confirm', 'totpConfirmWrong', 'wrong-code') : undefined),
    );
  };
  const turnOff = () => {
    const code = totpCodeOf(offCode);
    if (code === undefined) return setProblem(said('off', 'totpFormat', 'format'));
    return act(
      'off',
      async () => {
        await api.turnOffTotp(code);
        setOffCode('');
        changed('off');
      },
      (e) => {
        setOffCode('');
        if (e.body.field === 'code') return said('off', 'totpWrong', 'wrong-code');
        if (e.status === 403) return said('off', 'totpRequiredOfYou', 'required');
        if (e.body.code === 'throttled')
          return e.retryAfterSeconds
            ? {
                form: 'off',
                text: t('throttledWait').replace('{seconds}', String(e.retryAfterSeconds)),
                kind: 'throttled',
              }
            : said('off', 'throttled', 'throttled');
        return undefined;
      },
    );
  };
  const problemOf = (form: Problem['form']) =>
    problem?.form === form ? (
      <div className="field-error" role="alert" data-totp-error={problem.kind}>
        {problem.text}
      </div>
    ) : null;

  return (
    <section
      className="panel second-factor"
      data-second-factor
      data-totp-state={status.data ? (enrolled ? 'on' : 'off') : undefined}
    >
      <h2>{t('secondFactor')}</h2>
      {props.intro === false ? null : <p className="muted">{t('totpIntro')}</p>}
      {status.error ? <ErrorNote message={status.error.message} /> : null}
      {status.data ? (
        <p>
          {t('state')}
          {lang === 'en' ? ': ' : '：'}
          <strong className={enrolled ? 'ok' : ''} data-totp-on={enrolled ? 'true' : 'false'}>
            {enrolled ? t('totpOn') : t('totpOff')}
          </strong>
        </p>
      ) : (
        <p className="muted">{t('loading')}</p>
      )}
      {done ? (
        <p className="ok" role="status" data-totp-done={done}>
          {done === 'on' ? t('totpTurnedOn') : t('totpTurnedOff')}
        </p>
      ) : null}
      {!status.data ? null : enrolled ? (
        <form
          className="form totp-off"
          data-totp-off-form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void turnOff();
          }}
        >
          <label htmlFor={offCodeId}>{t('totpOffHint')}</label>
          <div className="code-row">
            <TotpCodeInput
              id={offCodeId}
              name="code"
              data-totp-off-code
              value={offCode}
              onChange={setOffCode}
            />
            <button type="submit" className="retract" disabled={busy} data-totp-off>
              {t('totpTurnOff')}
            </button>
          </div>
          {problemOf('off')}
        </form>
      ) : pending ? (
        <form
          className="form totp-enrol"
          data-totp-enrol
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <p>{t('totpStepKey')}</p>
          <dl className="totp-secret">
            <dt>{t('totpKey')}</dt>
            <dd>
              <code className="secret totp-key" data-totp-secret>
                {groupedSecret(pending.secret)}
              </code>
              <CopyButton text={pending.secret} />
            </dd>
            <dt>{t('totpLink')}</dt>
            <dd>
              <code className="secret totp-uri" data-totp-uri>
                {pending.uri}
              </code>
              <CopyButton text={pending.uri} />
            </dd>
          </dl>
          <p className="warn">{t('totpKeyOnce')}</p>
          <label htmlFor={confirmCodeId}>
            {t('totpStepConfirm')}
            <TotpCodeInput
              id={confirmCodeId}
              name="code"
              // the next thing to do is to type the app's code
              autoFocus
              data-totp-confirm-code
              value={confirmCode}
              onChange={setConfirmCode}
            />
          </label>
          {problemOf('confirm')}
          <div className="buttons">
            <button type="submit" disabled={busy} data-totp-confirm>
              {t('totpConfirm')}
            </button>
            <button
              type="button"
              className="lang"
              disabled={busy}
              data-totp-cancel
              onClick={() => {
                setPending(undefined);
                setProblem(undefined);
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button type="button" disabled={busy} data-totp-begin onClick={() => void begin()}>
            {t('totpTurnOn')}
          </button>
          {problemOf('begin')}
        </div>
      )}
    </section>
  );
}

/**
 * All a session may see while the security settings require a second factor of administrators
 * and this administrator has none (GET /api/session `mustEnrolTotp`): why, and the enrolment.
 */
export function MustEnrolSecondFactor() {
  const t = useT();
  return (
    <div data-totp-must-enrol>
      <h1>{t('totpMustEnrolTitle')}</h1>
      <p className="note">{t('totpMustEnrol')}</p>
      <SecondFactorSection intro={false} />
    </div>
  );
}
