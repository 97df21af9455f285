/**
 * Sign in with email and password (POST /api/session). Shown as the only page when accounts
 * exist and nobody is signed in, and over the current page when a session ends (`notice`).
 * Refusals: 401 bad-credentials, 403 account-disabled, 429 throttled with `Retry-After` seconds
 * (counted down here; the button waits for it).
 * An account with a second factor (TOTP) is answered 401 `totp-required` after the right
 * password: the form then shows a code field under the email and password (both kept) and
 * sends all three again; `totp-required` to a request that carried a code means the code was
 * wrong or already used. "Use a recovery code" switches the code field to a text field for one
 * of the user's recovery codes (docs/security.md), which the server takes in place of the code
 * and uses up; the link back switches to the 6-digit field.
 * With single sign-on offered (`sso` from GET /api/session), a plain link to
 * /api/session/oidc/start; the server sends the browser back to /#/sign-in?sso=refused or
 * ?sso=failed when it did not sign in, which is shown here once and taken off the address.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api';
import { RecoveryCodeInput, recoveryCodeOf, TotpCodeInput, totpCodeOf } from '../components/totp-code-input';
import { useT } from '../i18n';

type Refusal =
  | {
      kind:
        | 'bad-credentials'
        | 'account-disabled'
        | 'throttled'
        | 'sso-refused'
        | 'sso-failed'
        | 'totp-wrong'
        | 'totp-format'
        | 'recovery-wrong'
        | 'recovery-format';
    }
  | { kind: 'other'; message: string };

/** What single sign-on sent the browser back with (#/sign-in?sso=refused|failed), if anything. */
function ssoOutcome(): Refusal | undefined {
  const outcome = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('sso');
  if (outcome === 'refused') return { kind: 'sso-refused' };
  if (outcome === 'failed') return { kind: 'sso-failed' };
  return undefined;
}

export function SignInForm(props: {
  onSignedIn: () => Promise<void>;
  notice?: string;
  /** Single sign-on offered by the server (GET /api/session `sso`). */
  sso?: { label: string } | null;
}) {
  const t = useT();
  const { t: ts } = useTranslation('security');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  /** The server asked for the second factor's code (401 totp-required): the code field shows. */
  const [codeStep, setCodeStep] = useState(false);
  const [code, setCode] = useState('');
  /** The code field takes a recovery code instead of the 6-digit code. */
  const [recovery, setRecovery] = useState(false);
  const codeId = useId();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | undefined>(ssoOutcome);
  // Shown once: a reload does not show it again.
  useEffect(() => {
    if (ssoOutcome())
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, []);
  /** Epoch milliseconds until which the server refuses attempts (429); 0: no wait known. */
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, waitUntil - now));
    return () => clearTimeout(timer);
  }, [waitUntil, now]);
  /** Whole seconds still to wait, rounded up. */
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  async function submit() {
    // Sent as `totp` either way: the server tells a recovery code from six digits.
    const totp = codeStep ? (recovery ? recoveryCodeOf(code) : totpCodeOf(code)) : undefined;
    if (codeStep && totp === undefined) {
      setRefusal({ kind: recovery ? 'recovery-format' : 'totp-format' });
      return;
    }
    setBusy(true);
    setRefusal(undefined);
    setWaitUntil(0);
    try {
      await api.signIn(email.trim(), password, totp);
      setPassword('');
      setCode('');
      await props.onSignedIn();
    } catch (e) {
      if (!(e instanceof ApiError)) setRefusal({ kind: 'other', message: String(e) });
      else if (e.body.code === 'totp-required') {
        // Without a code: the password was right and a code is needed. With one: it was wrong.
        if (totp !== undefined) setRefusal({ kind: recovery ? 'recovery-wrong' : 'totp-wrong' });
        setCodeStep(true);
        setCode('');
      } else if (e.body.code === 'bad-credentials' || e.body.code === 'account-disabled')
        setRefusal({ kind: e.body.code });
      else if (e.body.code === 'throttled') {
        setRefusal({ kind: 'throttled' });
        const at = Date.now();
        setNow(at);
        setWaitUntil(e.retryAfterSeconds ? at + e.retryAfterSeconds * 1000 : 0);
      } else setRefusal({ kind: 'other', message: e.message });
    } finally {
      setBusy(false);
    }
  }
  const message = (() => {
    switch (refusal?.kind) {
      case undefined:
        return undefined;
      case 'bad-credentials':
        return t('badCredentials');
      case 'account-disabled':
        return t('accountDisabled');
      case 'sso-refused':
        return t('ssoRefused');
      case 'sso-failed':
        return t('ssoFailed');
      case 'totp-wrong':
        return t('totpWrong');
      case 'totp-format':
        return t('totpFormat');
      case 'recovery-wrong':
        return ts('recoveryWrong');
      case 'recovery-format':
        return ts('recoveryFormat');
      case 'throttled':
        // With a known wait: counted down, and gone once it is over (the next attempt may go).
        if (waitUntil === 0) return t('throttled');
        return waitSeconds > 0 ? t('throttledWait').replace('{seconds}', String(waitSeconds)) : undefined;
      case 'other':
        return refusal.message;
    }
  })();
  return (
    <form
      className="panel sign-in"
      data-sign-in-form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h1 id="sign-in-title">{t('signInTitle')}</h1>
      {props.notice ? <p className="muted">{props.notice}</p> : null}
      <label>
        {t('email')}
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          data-email
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <label>
        {t('password')}
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          data-password
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {codeStep ? (
        <>
          <p className="muted totp-needed" data-totp-needed>
            {recovery ? ts('recoveryNeeded') : t('totpNeeded')}
          </p>
          {recovery ? (
            <label htmlFor={codeId}>
              {ts('recoveryCode')}
              <RecoveryCodeInput
                id={codeId}
                name="recovery-code"
                required
                // it appears because the user asked for it: the next thing to type
                autoFocus
                data-recovery-code
                value={code}
                onChange={setCode}
              />
            </label>
          ) : (
            <>
              <label htmlFor={codeId}>
                {t('totpCode')}
                <TotpCodeInput
                  id={codeId}
                  name="totp"
                  required
                  // it appears because the server asked for it: the next thing to type
                  autoFocus
                  data-totp-code
                  value={code}
                  onChange={setCode}
                />
              </label>
              <p className="muted totp-needed" data-recovery-instead>
                {ts('recoveryInstead')}
              </p>
            </>
          )}
          <button
            type="button"
            className="link"
            data-use-recovery-code={recovery ? 'off' : 'on'}
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
              setRefusal(undefined);
            }}
          >
            {recovery ? ts('useAppCode') : ts('useRecoveryCode')}
          </button>
        </>
      ) : null}
      {message ? (
        <div className="error-note" role="alert" data-sign-in-error={refusal?.kind}>
          {message}
        </div>
      ) : null}
      <button type="submit" data-sign-in-submit disabled={busy || waitSeconds > 0}>
        {busy ? t('signingIn') : t('signIn')}
      </button>
      {props.sso ? (
        <p className="sso-sign-in">
          <span className="muted">{t('signInOr')}</span>{' '}
          <a href="/api/session/oidc/start" data-sso-link>
            {t('signInWith').replace('{label}', props.sso.label)}
          </a>
        </p>
      ) : null}
    </form>
  );
}
