/**
 * What `assay user …` and `assay token …` share: who the command line acts as, the options each
 * subcommand accepts, reading a password from stdin, and opening the store without creating an
 * empty one for a command that can only read or change existing accounts.
 *
 * Local store access is administrator access (docs/security.md, "The command line"): whoever
 * can open the data folder or the database can do anything, so these commands ask no one's
 * permission; they record the operating-system user as the one who acted (`os:<login name>`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Store } from '@assay/store';
import { EXIT, type ExitCode, type Output, type ParsedArgs, UsageError } from '../command.js';
import { authorOf, storeConfig, withStore } from './db.js';

/** The actor recorded for a change made through the CLI (grants.granted_by). */
export function cliActor(): string {
  return `os:${authorOf(undefined)}`;
}

/** Refuse any option the subcommand does not take (parseArgs accepts every option of the command). */
export function onlyOptions(args: ParsedArgs, subcommand: string, allowed: readonly string[]): void {
  for (const [name, value] of Object.entries(args.values)) {
    if (value !== undefined && !allowed.includes(name))
      throw new UsageError(`--${name} does not apply to "${subcommand}"`);
  }
}

/** The subcommand's positionals after its name: exactly `names.length` of them, named in the message. */
export function positionals(args: ParsedArgs, names: readonly string[]): string[] {
  const rest = args.positionals.slice(1);
  if (rest.length < names.length) throw new UsageError(`missing ${names[rest.length]}`);
  if (rest.length > names.length) throw new UsageError(`unexpected argument "${rest[names.length]}"`);
  return rest;
}

/** A string option that must be given (it may still be empty; the app judges the value). */
export function requiredOption(args: ParsedArgs, name: string, what: string): string {
  const v = args.values[name];
  if (typeof v !== 'string') throw new UsageError(`--${name} <${what}> is required`);
  return v;
}

/**
 * Run `fn` on the store. When `mayCreate` is false and the PGlite data folder does not exist,
 * say so and exit 1 instead of creating an empty store (no account can be in it).
 */
export async function withAccountStore(
  io: Output,
  command: string,
  mayCreate: boolean,
  fn: (store: Store) => Promise<ExitCode>,
): Promise<ExitCode> {
  const { databaseUrl, dataDir } = storeConfig();
  if (!mayCreate && !databaseUrl && !existsSync(dataDir)) {
    io.err(
      `assay ${command}: the store ${resolve(dataDir)} does not exist (no such folder), so it holds no accounts; ` +
        'set ASSAY_DATA_DIR or DATABASE_URL, or add a user with `assay user add`',
    );
    return EXIT.findings;
  }
  return withStore(io, fn);
}

/** A password as piped in; `message` names the field. */
export type StdinSecret =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly message: string };

/**
 * Read a password from stdin: UTF-8, one trailing newline (LF or CRLF) removed, nothing else
 * trimmed. Reading stops past `maxBytes` (the password bound, plus 2 for the CRLF), so a large
 * file piped in by mistake costs no memory; that is reported as too long, like the app's check.
 */
export async function readSecretFromStdin(
  io: Output,
  maxBytes: number,
  tooLongMessage: string,
  stream: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
): Promise<StdinSecret> {
  if (stream.isTTY)
    io.err('type the password, then Enter and Ctrl-D (it is shown as typed; a pipe is better)');
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
    chunks.push(b);
    bytes += b.length;
    if (bytes > maxBytes + 2) return { ok: false, message: `password: ${tooLongMessage}` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, message: 'password: stdin is not UTF-8 text' };
  }
  return { ok: true, text: text.replace(/\r?\n$/, '') };
}
