/** `assay demo [--port N]`: serve the demo bundle and say where to start looking. */
import { type Command, UsageError } from '../command.js';
import { demoBundle, serveOptions, startOn, untilInterrupted } from './serve.js';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'assay demo [--port N]',
  summary: 'open the demo bundle in the web app (overview, data grid, figure explorer)',
  options: { port: { type: 'string' } },
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError('demo takes no bundle; use `assay serve <bundle>`');
    const { port } = serveOptions(args);
    const dir = demoBundle();
    const started = await startOn(dir, port, io);
    if (typeof started === 'number') return started;
    io.out(
      [
        `Assay demo: ${dir}`,
        `  open ${started.url}`,
        '  Overview: headline figures against the prior year; click any number for its derivation.',
        '  Data: edit a value in the grid and watch the figures that depend on it change.',
        '  Changes live in memory only; the bundle folder is not modified. Ctrl-C to stop.',
      ].join('\n'),
    );
    return untilInterrupted(started);
  },
};
