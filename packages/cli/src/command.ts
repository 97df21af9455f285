/**
 * A CLI command: its name, usage, option spec (node:util parseArgs) and a run function that
 * returns the exit status. Exit status: 0 clean, 1 errors or findings in the data, 2 bad usage.
 */
import type { ParseArgsConfig } from 'node:util';

/** 3: an internal error (a bug or an I/O fault such as a lost database connection), not the data's fault. */
export const EXIT = { clean: 0, findings: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type Output = { out: (text: string) => void; err: (text: string) => void };

export type ParsedArgs = {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
};

export type Command = {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(args: ParsedArgs, io: Output): Promise<ExitCode>;
};

export class UsageError extends Error {}

export function formatOption(args: ParsedArgs, allowed: readonly string[], fallback: string): string {
  const v = args.values.format;
  const f = typeof v === 'string' ? v : fallback;
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return f;
}

export function onePositional(args: ParsedArgs, what: string): string {
  const [first, ...rest] = args.positionals;
  if (first === undefined) throw new UsageError(`missing ${what}`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  return first;
}

/** At most one positional (a bundle folder the command may also do without). */
export function optionalPositional(args: ParsedArgs): string | undefined {
  const [first, ...rest] = args.positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  return first;
}
