/** `assay` command dispatcher: parse the command name, its options, run it, map errors to exit 2. */
import { parseArgs } from 'node:util';
import { exitQuietlyWhenReaderCloses } from './closed-pipe.js';
import { EXIT, type ExitCode, type Output, UsageError } from './command.js';
import { COMMANDS } from './commands/index.js';
import { safeOutput } from './safe-output.js';

const consoleOutput: Output = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

function help(): string {
  return [
    'usage: assay <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[], rawOutput: Output = consoleOutput): Promise<ExitCode> {
  if (rawOutput === consoleOutput) exitQuietlyWhenReaderCloses(process.stdout);
  const io = safeOutput(rawOutput);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? EXIT.usage : EXIT.clean;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`assay: unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run(parsed as never, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`assay ${name}: ${(e as Error).message}\nusage: ${command.usage}`);
      return EXIT.usage;
    }
    // An unexpected failure: one line a person can act on, no stack trace (set ASSAY_DEBUG=1).
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    io.err(
      `assay ${name}: internal error: ${message}\n` +
        'this is a bug or an I/O fault, not a problem in your data; a write in progress was rolled back as one transaction' +
        (process.env.ASSAY_DEBUG === '1'
          ? `\n${(e as Error).stack ?? ''}`
          : '; set ASSAY_DEBUG=1 to print the stack'),
    );
    return EXIT.internal;
  }
}
