/**
 * `assay user add|grant|revoke|list|disable|enable|password`: account administration on the
 * local store (DATABASE_URL, else ASSAY_DATA_DIR, else .assay-data/; db.ts), over the services
 * of app/src/access. The command line acts as the operating-system user, recorded as
 * `os:<login name>` (account-args.ts; docs/security.md, "The command line").
 *
 * Exit status: 0 done (or nothing to change: a grant already held, an account already in the
 * state asked for); 1 refused, the message naming the field (email, name, password, user, role,
 * entity), nothing changed; 2 bad usage (a missing or extra argument or option, an unknown
 * role or format).
 */
import type { AccountFailure, AccountSummary } from '@assay/app/access';
import type { Store } from '@assay/store';
import {
  type Command,
  EXIT,
  type ExitCode,
  formatOption,
  type Output,
  type ParsedArgs,
  UsageError,
} from '../command.js';
import {
  cliActor,
  onlyOptions,
  positionals,
  readSecretFromStdin,
  requiredOption,
  withAccountStore,
} from './account-args.js';

const access = () => import('@assay/app/access');

const SUBCOMMANDS = ['add', 'grant', 'revoke', 'list', 'disable', 'enable', 'password'] as const;
/** How many known entity ids an "unknown entity" message lists. */
const ENTITIES_SHOWN = 10;

function refused(io: Output, f: Pick<AccountFailure, 'field' | 'message'>): ExitCode {
  io.err(`${f.field}: ${f.message}; nothing was changed`);
  return EXIT.findings;
}

/** The role option, checked against the six roles before the store is opened. */
async function roleOption(args: ParsedArgs): Promise<string> {
  const role = requiredOption(args, 'role', 'role');
  const { isRole, ROLES } = await access();
  if (!isRole(role))
    throw new UsageError(`unknown role "${role}": --role must be one of ${ROLES.join(', ')}`);
  return role;
}

/** The account with this email, or a refusal naming the email. */
async function account(store: Store, io: Output, email: string): Promise<AccountSummary | undefined> {
  const found = await (await access()).findAccountByEmail(store, email);
  if (!found) refused(io, { field: 'email', message: `no user with email ${email}` });
  return found;
}

/** `--password-stdin` read before the store is opened (a TTY may wait for typing). */
async function stdinPassword(io: Output): Promise<{ ok: true; text: string } | { ok: false }> {
  const { PASSWORD_MAX_BYTES, PASSWORD_PROBLEM_MESSAGES } = await access();
  const r = await readSecretFromStdin(io, PASSWORD_MAX_BYTES, PASSWORD_PROBLEM_MESSAGES['too-long']);
  if (!r.ok) {
    io.err(`${r.message}; nothing was changed`);
    return { ok: false };
  }
  return r;
}

function grantsText(a: AccountSummary): string {
  return a.grants.map((g) => `${g.role}@${g.entityId}`).join(', ');
}

/** Columns padded to their widest cell; the last is not padded. */
function table(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd(),
  );
}

async function add(args: ParsedArgs, io: Output): Promise<ExitCode> {
  onlyOptions(args, 'user add', ['name', 'password-stdin']);
  const [email] = positionals(args, ['email']) as [string];
  const name = requiredOption(args, 'name', 'full name');
  let password: string | undefined;
  if (args.values['password-stdin'] === true) {
    const p = await stdinPassword(io);
    if (!p.ok) return EXIT.findings;
    password = p.text;
  }
  const { addUser } = await access();
  return withAccountStore(io, 'user add', true, async (store) => {
    const r = await addUser(
      store,
      { email, name, ...(password === undefined ? {} : { password }) },
      new Date(),
    );
    if (!r.ok) return refused(io, r);
    io.out(`added user ${email.trim()} (${name.trim()}), id ${r.id}`);
    io.out(
      password === undefined
        ? `  no password yet: set one with \`assay user password ${email.trim()} --password-stdin\``
        : '  password set',
    );
    io.out(
      `  no roles yet: grant one with \`assay user grant ${email.trim()} --role <role> --entity <entity-id>\``,
    );
    return EXIT.clean;
  });
}

async function grant(args: ParsedArgs, io: Output): Promise<ExitCode> {
  onlyOptions(args, 'user grant', ['role', 'entity']);
  const [email] = positionals(args, ['email']) as [string];
  const role = await roleOption(args);
  const entityId = requiredOption(args, 'entity', 'entity-id');
  const { grantRole, storedEntityIds } = await access();
  return withAccountStore(io, 'user grant', false, async (store) => {
    const user = await account(store, io, email);
    if (!user) return EXIT.findings;
    const entities = await storedEntityIds(store);
    if (entities === undefined)
      return refused(io, {
        field: 'entity',
        message:
          'the store holds no organisation yet, so no entity to grant on; import a bundle folder first (`assay import <folder>`)',
      });
    if (!entities.includes(entityId)) {
      const shown = entities.slice(0, ENTITIES_SHOWN).join(', ');
      const more = entities.length > ENTITIES_SHOWN ? ` and ${entities.length - ENTITIES_SHOWN} more` : '';
      return refused(io, {
        field: 'entity',
        message: `no entity "${entityId}" in the store's organisation; known entities: ${shown}${more}`,
      });
    }
    const actor = cliActor();
    const r = await grantRole(store, { userId: user.id, role, entityId, grantedBy: actor }, new Date());
    if (!r.ok) return refused(io, r);
    io.out(
      r.added
        ? `granted ${role} on ${entityId} (and the entities below it) to ${user.email}, by ${actor}`
        : `${user.email} already holds ${role} on ${entityId}; nothing changed`,
    );
    return EXIT.clean;
  });
}

async function revoke(args: ParsedArgs, io: Output): Promise<ExitCode> {
  onlyOptions(args, 'user revoke', ['role', 'entity']);
  const [email] = positionals(args, ['email']) as [string];
  const role = await roleOption(args);
  const entityId = requiredOption(args, 'entity', 'entity-id');
  const { revokeGrant } = await access();
  return withAccountStore(io, 'user revoke', false, async (store) => {
    const user = await account(store, io, email);
    if (!user) return EXIT.findings;
    const r = await revokeGrant(store, { userId: user.id, role, entityId });
    if (!r.ok) return refused(io, r);
    if (!r.removed) {
      const held = grantsText(user);
      return refused(io, {
        field: 'role',
        message: `${user.email} does not hold ${role} on ${entityId} (holds: ${held === '' ? 'no roles' : held})`,
      });
    }
    io.out(`revoked ${role} on ${entityId} from ${user.email}`);
    return EXIT.clean;
  });
}

async function list(args: ParsedArgs, io: Output): Promise<ExitCode> {
  onlyOptions(args, 'user list', ['format']);
  positionals(args, []);
  const format = formatOption(args, ['table', 'json'], 'table');
  const { listAccounts } = await access();
  return withAccountStore(io, 'user list', false, async (store) => {
    const accounts = await listAccounts(store);
    if (format === 'json') {
      io.out(JSON.stringify(accounts, null, 2));
      return EXIT.clean;
    }
    if (accounts.length === 0) {
      io.out('no users; add one with `assay user add <email> --name <name>`');
      return EXIT.clean;
    }
    const rows = [
      ['email', 'name', 'disabled', 'roles@entity'],
      ...accounts.map((a) => [a.email, a.name, a.disabled ? 'yes' : 'no', grantsText(a) || '-']),
    ];
    for (const line of table(rows)) io.out(line);
    return EXIT.clean;
  });
}

async function setDisabled(args: ParsedArgs, io: Output, disable: boolean): Promise<ExitCode> {
  const sub = disable ? 'user disable' : 'user enable';
  onlyOptions(args, sub, []);
  const [email] = positionals(args, ['email']) as [string];
  const { disableAccount, enableAccount } = await access();
  return withAccountStore(io, sub, false, async (store) => {
    const user = await account(store, io, email);
    if (!user) return EXIT.findings;
    if (user.disabled === disable) {
      io.out(`${user.email} is already ${disable ? 'disabled' : 'enabled'}; nothing changed`);
      return EXIT.clean;
    }
    if (disable) {
      const r = await disableAccount(store, user.id);
      if (!r.ok) return refused(io, r);
      io.out(
        `disabled ${user.email}: ${r.sessionsEnded} session(s) ended; their API tokens are refused while disabled`,
      );
    } else {
      const r = await enableAccount(store, user.id);
      if (!r.ok) return refused(io, r);
      io.out(`enabled ${user.email}: their password, roles and unrevoked API tokens work again`);
    }
    return EXIT.clean;
  });
}

async function password(args: ParsedArgs, io: Output): Promise<ExitCode> {
  onlyOptions(args, 'user password', ['password-stdin']);
  const [email] = positionals(args, ['email']) as [string];
  if (args.values['password-stdin'] !== true)
    throw new UsageError(
      '--password-stdin is required: pipe the new password in (passwords are never taken as arguments, which other users can see)',
    );
  const p = await stdinPassword(io);
  if (!p.ok) return EXIT.findings;
  const { setUserPassword } = await access();
  return withAccountStore(io, 'user password', false, async (store) => {
    const user = await account(store, io, email);
    if (!user) return EXIT.findings;
    const r = await setUserPassword(store, user.id, p.text, new Date());
    if (!r.ok) return refused(io, r);
    io.out(`password set for ${user.email}: ${r.sessionsEnded} session(s) ended`);
    return EXIT.clean;
  });
}

export const userCommand: Command = {
  name: 'user',
  usage:
    'assay user add <email> --name <name> [--password-stdin] | grant|revoke <email> --role <role> --entity <entity-id> | list [--format table|json] | disable|enable <email> | password <email> --password-stdin',
  summary:
    'administer accounts in the store: add users, grant and revoke roles on entities, list, disable, enable, set passwords (as the OS user: local store access is administrator access)',
  options: {
    name: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    role: { type: 'string' },
    entity: { type: 'string' },
    format: { type: 'string' },
  },
  async run(args, io) {
    const sub = args.positionals[0];
    switch (sub as (typeof SUBCOMMANDS)[number] | undefined) {
      case 'add':
        return add(args, io);
      case 'grant':
        return grant(args, io);
      case 'revoke':
        return revoke(args, io);
      case 'list':
        return list(args, io);
      case 'disable':
        return setDisabled(args, io, true);
      case 'enable':
        return setDisabled(args, io, false);
      case 'password':
        return password(args, io);
      default:
        throw new UsageError(
          sub === undefined
            ? `missing subcommand: one of ${SUBCOMMANDS.join(', ')}`
            : `unknown subcommand "${sub}": one of ${SUBCOMMANDS.join(', ')}`,
        );
    }
  },
};
