/**
 * Administration (#/admin, needs `manage-users` on the group): every user with their grants
 * (role @ entity, by the entity's name), add a user, grant and revoke roles, disable and
 * enable. The server decides each request; a change to your own account fetches your session
 * again (what you may do may have changed). With `manage-settings` on the group, the security
 * settings too (security-settings.tsx). Your API tokens and second factor are on #/tokens.
 */
import { useState } from 'react';
import { useAccess } from '../access';
import { type Account, api } from '../api';
import { announce } from '../auth-events';
import { ErrorNote } from '../components/error-note';
import { FormLevelProblem, type FormProblem, problemOf } from '../components/form-problem';
import { roleName } from '../components/role-name';
import { useLang, useT } from '../i18n';
import { useEntityName } from '../org-context';
import { useLoad } from '../use-load';
import { AddUserForm, GrantForm } from './admin-forms';
import { SecuritySettingsPanel } from './security-settings';

function UserRow(props: { user: Account; isMe: boolean; onChanged: () => void }) {
  const { user } = props;
  const t = useT();
  const lang = useLang();
  const entityName = useEntityName();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem>();
  async function act(run: () => Promise<unknown>) {
    setBusy(true);
    setProblem(undefined);
    try {
      await run();
      props.onChanged();
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <tr data-user-row={user.email} data-disabled={user.disabled ? 'true' : undefined}>
      <td translate="no">{user.email}</td>
      <td>
        {user.name}
        {props.isMe ? <span className="muted"> {t('you')}</span> : null}
      </td>
      <td className={user.disabled ? 'warn' : ''}>{user.disabled ? t('disabled') : t('active')}</td>
      <td>
        <ul className="grants">
          {user.grants.length === 0 ? <li className="muted">{t('noGrants')}</li> : null}
          {user.grants.map((g) => (
            <li key={`${g.role}@${g.entityId}`} data-grant={`${g.role}@${g.entityId}`}>
              {roleName(g.role, t)} @ {entityName(g.entityId, lang)}
              <button
                type="button"
                className="small retract"
                disabled={busy}
                data-revoke-grant={`${g.role}@${g.entityId}`}
                onClick={() => void act(() => api.revokeGrant(user.id, g.role, g.entityId))}
              >
                {t('revoke')}
              </button>
            </li>
          ))}
        </ul>
        <GrantForm user={user} onGranted={props.onChanged} />
      </td>
      <td>
        {/* Not on yourself: disabling your own account would end your session here. */}
        {props.isMe ? null : user.disabled ? (
          <button
            type="button"
            className="small"
            disabled={busy}
            data-enable-user
            onClick={() => void act(() => api.enableUser(user.id))}
          >
            {t('enable')}
          </button>
        ) : (
          <button
            type="button"
            className="small retract"
            disabled={busy}
            data-disable-user
            onClick={() => void act(() => api.disableUser(user.id))}
          >
            {t('disable')}
          </button>
        )}
        <FormLevelProblem problem={problem} fields={[]} />
      </td>
    </tr>
  );
}

export function AdminPage() {
  const t = useT();
  const access = useAccess();
  const users = useLoad(() => api.users(), []);
  const me = access.user?.id;
  const changed = (userId: string) => {
    users.reload();
    if (userId === me) announce('session-changed');
  };
  return (
    <div>
      <h1>{t('admin')}</h1>
      {access.open ? (
        <p className="note" data-first-user-note>
          {t('firstUserNote')}
        </p>
      ) : null}
      <section className="panel">
        <h2>{t('users')}</h2>
        {users.error ? <ErrorNote message={users.error.message} /> : null}
        {!users.data && !users.error ? <p className="muted">{t('loading')}</p> : null}
        <table className="users" data-ready={users.data ? 'users' : undefined}>
          <thead>
            <tr>
              <th>{t('email')}</th>
              <th>{t('name')}</th>
              <th>{t('state')}</th>
              <th>{t('roles')}</th>
              <th>{t('action')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.users.map((u) => (
              <UserRow key={u.id} user={u} isMe={u.id === me} onChanged={() => changed(u.id)} />
            ))}
          </tbody>
        </table>
      </section>
      <AddUserForm onAdded={() => users.reload()} />
      {/* Not in open mode: there is no account to require anything of yet. */}
      {!access.open && access.canOrgWide('manage-settings') ? <SecuritySettingsPanel /> : null}
    </div>
  );
}
