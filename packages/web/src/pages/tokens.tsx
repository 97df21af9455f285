/**
 * Your account's security (#/tokens, "My security", for every signed-in user): changing your
 * password (security/change-password.tsx), your second factor (second-factor.tsx) and, while it
 * is on, your recovery codes (security/recovery-codes.tsx), then your API tokens: list (never
 * the secret), create with a label and optionally only some of your roles, revoke. A new token
 * is shown once, here, with a note that it will not be shown again (the server keeps only its
 * hash). The password and recovery sections follow GET /api/session (security/session-query.ts):
 * none without a user account, recovery codes only with a second factor.
 */

import { useState } from 'react';
import { useAccess } from '../access';
import { api } from '../api';
import { CopyButton } from '../components/copy-button';
import { ErrorNote } from '../components/error-note';
import { FieldProblem, FormLevelProblem, type FormProblem, problemOf } from '../components/form-problem';
import { roleName } from '../components/role-name';
import { WithCode } from '../components/with-code';
import { formatTime, useLang, useT } from '../i18n';
import { useLoad } from '../use-load';
import { NotificationLanguage } from './notification-language';
import { SecondFactorSection } from './second-factor';
import { ChangePasswordSection } from './security/change-password';
import { RecoveryCodesSection } from './security/recovery-codes';
import { useSessionQuery } from './security/session-query';
import './security/security.css';

const TOKEN_FIELDS = ['label', 'roles'] as const;

function NewToken({ token }: { token: string }) {
  const t = useT();
  return (
    <section className="panel new-token" role="status" data-new-token>
      <h2>{t('newToken')}</h2>
      <p className="warn">{t('tokenShownOnce')}</p>
      <code className="secret" data-token-secret>
        {token}
      </code>{' '}
      <CopyButton key={token} text={token} />
    </section>
  );
}

export function TokensPage() {
  const t = useT();
  const lang = useLang();
  const access = useAccess();
  const tokens = useLoad(() => api.tokens(), []);
  const session = useSessionQuery();
  const user = session.data?.user ?? null;
  const [label, setLabel] = useState('');
  const [roles, setRoles] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem>();
  const [created, setCreated] = useState<string>();
  async function create() {
    setBusy(true);
    setProblem(undefined);
    setCreated(undefined);
    try {
      const r = await api.createToken(label.trim(), roles.size > 0 ? [...roles] : undefined);
      setCreated(r.token);
      setLabel('');
      setRoles(new Set());
      tokens.reload();
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  }
  async function revoke(id: string) {
    setProblem(undefined);
    try {
      await api.revokeToken(id);
      tokens.reload();
    } catch (e) {
      setProblem(problemOf(e));
    }
  }
  const toggle = (role: string, on: boolean) => {
    const next = new Set(roles);
    if (on) next.add(role);
    else next.delete(role);
    setRoles(next);
  };
  return (
    <div>
      <h1>{t('mySecurity')}</h1>
      {user ? <ChangePasswordSection email={user.email} /> : null}
      <SecondFactorSection />
      {user && session.data?.totpEnrolled === true ? <RecoveryCodesSection email={user.email} /> : null}
      <h2 className="section-title">{t('myTokens')}</h2>
      <p className="muted">
        <WithCode text={t('tokensIntro')} code="Authorization: Bearer assay_…" />
      </p>
      {created ? <NewToken token={created} /> : null}
      <form
        className="panel form"
        data-create-token
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2>{t('createToken')}</h2>
        <label>
          {t('label')}
          <input
            name="label"
            autoComplete="off"
            data-field="label"
            placeholder={t('labelHint')}
            value={label}
            aria-invalid={problem?.field === 'label'}
            onChange={(e) => setLabel(e.target.value)}
          />
        </label>
        <FieldProblem problem={problem} field="label" />
        {access.heldRoles.length > 0 ? (
          <fieldset data-field="roles">
            <legend>{t('roles')}</legend>
            <p className="muted">{t('tokenRolesHint')}</p>
            {access.heldRoles.map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  data-role={r}
                  checked={roles.has(r)}
                  onChange={(e) => toggle(r, e.target.checked)}
                />{' '}
                {roleName(r, t)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <FieldProblem problem={problem} field="roles" />
        <FormLevelProblem problem={problem} fields={TOKEN_FIELDS} />
        <div>
          <button type="submit" disabled={busy} data-create-token-submit>
            {t('createToken')}
          </button>
        </div>
      </form>
      <section className="panel">
        {tokens.error ? <ErrorNote message={tokens.error.message} /> : null}
        {tokens.data?.tokens.length === 0 ? <p className="muted">{t('noTokens')}</p> : null}
        <table
          className="tokens"
          data-ready={tokens.data ? 'tokens' : undefined}
          aria-busy={!tokens.data && !tokens.error}
        >
          <thead>
            <tr>
              <th>{t('label')}</th>
              <th>{t('roles')}</th>
              <th>{t('createdAt')}</th>
              <th>{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data?.tokens.map((k) => (
              <tr key={k.id} data-token-row={k.id} data-revoked={k.revokedAt ? 'true' : undefined}>
                <td>{k.label}</td>
                <td>
                  {k.roles === null
                    ? t('allRoles')
                    : k.roles.map((r) => roleName(r, t)).join(lang === 'en' ? ', ' : '、')}
                </td>
                <td>{formatTime(k.createdAt, lang)}</td>
                <td>
                  {k.revokedAt ? (
                    <span className="muted">
                      {t('revokedOn')} {formatTime(k.revokedAt, lang)}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="small retract"
                      data-revoke-token={k.id}
                      onClick={() => void revoke(k.id)}
                    >
                      {t('revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {user ? <NotificationLanguage /> : null}
    </div>
  );
}
