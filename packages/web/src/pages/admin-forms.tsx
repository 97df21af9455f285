/**
 * The administration page's forms: add a user (email, name, optional password) and grant a
 * role on an entity (entities by name in the UI language, indented under their parent). A
 * refusal is shown next to the field the API names; the form keeps what was typed.
 */

import { useContext, useState } from 'react';
import { ROLES } from '../access';
import { type Account, api, type Organisation } from '../api';
import { FieldProblem, FormLevelProblem, type FormProblem, problemOf } from '../components/form-problem';
import { roleName } from '../components/role-name';
import { WithCode } from '../components/with-code';
import { type Lang, pick, useLang, useT } from '../i18n';
import { OrgContext } from '../org-context';

const USER_FIELDS = ['email', 'name', 'password'] as const;

export function AddUserForm(props: { onAdded: (user: Account) => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem>();
  const [added, setAdded] = useState<string>();
  async function submit() {
    setBusy(true);
    setProblem(undefined);
    setAdded(undefined);
    try {
      const { user } = await api.addUser(password === '' ? { email, name } : { email, name, password });
      setEmail('');
      setName('');
      setPassword('');
      setAdded(user.email);
      props.onAdded(user);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      className="panel form"
      data-admin-add-user
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('addUser')}</h2>
      <label>
        {t('email')}
        <input
          type="email"
          name="email"
          autoComplete="off"
          data-field="email"
          value={email}
          aria-invalid={problem?.field === 'email'}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <FieldProblem problem={problem} field="email" />
      <label>
        {t('name')}
        <input
          name="name"
          autoComplete="off"
          data-field="name"
          value={name}
          aria-invalid={problem?.field === 'name'}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <FieldProblem problem={problem} field="name" />
      <label>
        <WithCode text={t('passwordOptional')} code="assay user password" />
        <input
          type="password"
          name="new-password"
          autoComplete="new-password"
          data-field="password"
          value={password}
          aria-invalid={problem?.field === 'password'}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <FieldProblem problem={problem} field="password" />
      <FormLevelProblem problem={problem} fields={USER_FIELDS} />
      <div>
        <button type="submit" disabled={busy} data-admin-add-user-submit>
          {t('addUser')}
        </button>
        {added ? (
          <span className="ok" data-user-added={added}>
            {' '}
            {t('userAdded')}: {added}
          </span>
        ) : null}
      </div>
    </form>
  );
}

/** The organisation's entities for a select: each after its parent, indented by its depth. */
function entityOptions(org: Organisation | undefined, lang: Lang): { id: string; label: string }[] {
  if (!org) return [];
  const children = new Map<string | null, string[]>();
  const known = new Set(org.entities.map((e) => e.id));
  for (const e of org.entities) {
    // An entity whose parent is not in the list is shown at the top (never lost).
    const parent = e.parentId !== null && known.has(e.parentId) ? e.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), e.id]);
  }
  const byId = new Map(org.entities.map((e) => [e.id, e]));
  const out: { id: string; label: string }[] = [];
  const seen = new Set<string>();
  const visit = (id: string, depth: number) => {
    if (seen.has(id)) return; // a cycle in bad data is shown once
    seen.add(id);
    const e = byId.get(id);
    if (!e) return;
    out.push({ id, label: `${'\u00a0\u00a0'.repeat(depth)}${pick(e.name, lang)}` });
    for (const c of children.get(id) ?? []) visit(c, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  for (const e of org.entities) visit(e.id, 0);
  return out;
}

const GRANT_FIELDS = ['role', 'entity'] as const;

export function GrantForm(props: { user: Account; onGranted: () => void }) {
  const t = useT();
  const lang = useLang();
  const org = useContext(OrgContext);
  const options = entityOptions(org, lang);
  // Least privilege first: the form starts at viewer on the group.
  const [role, setRole] = useState<string>('viewer');
  const [entity, setEntity] = useState<string>();
  const entityId = entity ?? options[0]?.id ?? '';
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem>();
  async function submit() {
    setBusy(true);
    setProblem(undefined);
    try {
      await api.grant(props.user.id, role, entityId);
      props.onGranted();
    } catch (e) {
      setProblem(problemOf(e, { entityId: 'entity' }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      className="inline-form"
      data-admin-grant
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <select
        name="role"
        data-field="role"
        aria-label={t('role')}
        value={role}
        onChange={(e) => setRole(e.target.value)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleName(r, t)}
          </option>
        ))}
      </select>
      <span>@</span>
      <select
        name="entity"
        data-field="entity"
        aria-label={t('entity')}
        value={entityId}
        onChange={(e) => setEntity(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" className="small" disabled={busy || entityId === ''} data-admin-grant-submit>
        {t('grantRole')}
      </button>
      <FieldProblem problem={problem} field="role" />
      <FieldProblem problem={problem} field="entity" />
      <FormLevelProblem problem={problem} fields={GRANT_FIELDS} />
    </form>
  );
}
