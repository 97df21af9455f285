/**
 * Sign in with email and password (POST /api/session). Shown as the only page when accounts
 * exist and nobody is signed in, and over the current page when a session ends (`notice`).
 * Refusals: 401 bad-credentials, 403 account-disabled, 429 throttled with `Retry-After` seconds
 * (counted down here; the button waits for it).
 */
import { useEffect, useState } from 'react';
import { ApiError, api } from '../api';
import { useT } from '../i18n';

type Refusal =
  | { kind: 'bad-credentials' | 'account-disabled' | 'throttled' }
  | { kind: 'other'; message: string };

export function SignInForm(props: { onSignedIn: () => Promise<void>; notice?: string }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
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
    setBusy(true);
    setRefusal(undefined);
    setWaitUntil(0);
    try {
      await api.signIn(email.trim(), password);
      setPassword('');
      await props.onSignedIn();
    } catch (e) {
      if (!(e instanceof ApiError)) setRefusal({ kind: 'other', message: String(e) });
      else if (e.body.code === 'bad-credentials' || e.body.code === 'account-disabled')
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
      {message ? (
        <div className="error-note" role="alert" data-sign-in-error={refusal?.kind}>
          {message}
        </div>
      ) : null}
      <button type="submit" data-sign-in-submit disabled={busy || waitSeconds > 0}>
        {busy ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
