/**
 * `assay token create|list|revoke`: API tokens (`Authorization: Bearer assay_…`) on the local
 * store, over app/src/access/api-tokens.ts. `create` prints the token once and only the token on
 * stdout (so `TOKEN=$(assay token create …)` captures it), with a note on stderr that it will not
 * be shown again; the store keeps only its SHA-256. As for `assay user`, the command line acts
 * as the operating-system user (docs/security.md, "The command line").
 *
 * Exit status: 0 done; 1 refused, the message naming the field (user, role, label, token),
 * nothing changed; 2 bad usage (a missing or extra argument or option, an unknown role or format).
 */
import type { AccountSummary } from '@assay/app/access';
import type { ApiTokenRow, Store } from '@assay/store';
import {
  type Command,
  EXIT,
  type ExitCode,
  formatOption,
  type Output,
  type ParsedArgs,
  UsageError,
} from '../command.js';
import { onlyOptions, positionals, requiredOption, withAccountStore } from './account-args.js';

const access = () => import('@assay/app/access');

const SUBCOMMANDS = ['create', 'list', 'revoke'] as const;

function refused(io: Output, field: string, message: string): ExitCode {
  io.err(`${field}: ${message}; nothing was changed`);
  return EXIT.findings;
}

async function account(store: Store, io: Output, email: string): Promise<AccountSummary | undefined> {
  const found = await (await access()).findAccountByEmail(store, email);
  if (!found) refused(io, 'user', `no user with email ${email}`);
  return found;
}

/** The field each refusal of issueApiToken is about. */
const ISSUE_FIELDS = {
  'unknown-user': 'user',
  disabled: 'user',
  'role-not-held': 'role',
  'invalid-label': 'label',
} as const;

async function create(args: ParsedArgs, io: Output): Promise<ExitCode> {
  onlyOptions(args, 'token create', ['user', 'label', 'role']);
  positionals(args, []);
  const email = requiredOption(args, 'user', 'email');
  const label = requiredOption(args, 'label', 'label');
  const given = Array.isArray(args.values.role) ? args.values.role : undefined;
  const { isRole, issueApiToken, ROLES } = await access();
  const unknown = given?.find((r) => !isRole(r));
  if (unknown !== undefined)
    throw new UsageError(`unknown role "${unknown}": --role must be one of ${ROLES.join(', ')}`);
  const roles = given?.filter(isRole);
  return withAccountStore(io, 'token create', false, async (store) => {
    const user = await account(store, io, email);
    if (!user) return EXIT.findings;
    const r = await issueApiToken(
      store,
      { userId: user.id, label, ...(roles === undefined ? {} : { roles }) },
      new Date(),
    );
    if (!r.ok) return refused(io, ISSUE_FIELDS[r.problem], r.message);
    io.out(r.token);
    io.err(
      `token ${r.id} for ${user.email} ("${label.trim()}", ${roles === undefined ? "all of the user's roles" : `roles ${[...new Set(roles)].join(', ')}`}): ` +
        'copy it now, it will not be shown again (only its hash is stored)',
    );
    return EXIT.clean;
  });
}

function presentToken(t: ApiTokenRow) {
  return { id: t.id, label: t.label, roles: t.roles, createdAt: t.createdAt, revokedAt: t.revokedAt };
}

async function list(args: ParsedArgs, io: Output): Promise<ExitCode> {
  onlyOptions(args, 'token list', ['user', 'format']);
  positionals(args, []);
  const email = requiredOption(args, 'user', 'email');
  const format = formatOption(args, ['table', 'json'], 'table');
  const { listApiTokens } = await import('@assay/store');
  return withAccountStore(io, 'token list', false, async (store) => {
    const user = await account(store, io, email);
    if (!user) return EXIT.findings;
    const tokens = (await listApiTokens(store, user.id)).map(presentToken);
    if (format === 'json') {
      io.out(JSON.stringify(tokens, null, 2));
      return EXIT.clean;
    }
    if (tokens.length === 0) {
      io.out(`no API tokens for ${user.email}`);
      return EXIT.clean;
    }
    io.out(['id', 'label', 'roles', 'created', 'revoked'].join('\t'));
    for (const t of tokens)
      io.out([t.id, t.label, t.roles?.join(',') ?? 'all', t.createdAt, t.revokedAt ?? '-'].join('\t'));
    return EXIT.clean;
  });
}

async function revoke(args: ParsedArgs, io: Output): Promise<ExitCode> {
  onlyOptions(args, 'token revoke', []);
  const [tokenId] = positionals(args, ['token id']) as [string];
  const { revokeApiToken } = await access();
  return withAccountStore(io, 'token revoke', false, async (store) => {
    if (!(await revokeApiToken(store, tokenId, new Date())))
      return refused(io, 'token', `no unrevoked token with id ${tokenId} (unknown, or revoked before)`);
    io.out(`revoked token ${tokenId}: requests bearing it are refused from now on`);
    return EXIT.clean;
  });
}

export const tokenCommand: Command = {
  name: 'token',
  usage:
    'assay token create --user <email> --label <label> [--role <role>…] | list --user <email> [--format table|json] | revoke <token-id>',
  summary:
    "API tokens for scripts and CI: create (printed once, only the token on stdout), list a user's tokens, revoke one",
  options: {
    user: { type: 'string' },
    label: { type: 'string' },
    role: { type: 'string', multiple: true },
    format: { type: 'string' },
  },
  async run(args, io) {
    const sub = args.positionals[0];
    switch (sub as (typeof SUBCOMMANDS)[number] | undefined) {
      case 'create':
        return create(args, io);
      case 'list':
        return list(args, io);
      case 'revoke':
        return revoke(args, io);
      default:
        throw new UsageError(
          sub === undefined
            ? `missing subcommand: one of ${SUBCOMMANDS.join(', ')}`
            : `unknown subcommand "${sub}": one of ${SUBCOMMANDS.join(', ')}`,
        );
    }
  },
};
