/**
 * PGlite's NodeFS with fsync (issue #23). PGlite's PostgreSQL writes its files through
 * Emscripten's NODEFS, which passes every write() straight to Node (fs.writeSync), so a killed
 * process loses nothing committed; but PGlite starts PostgreSQL with `-F` (fsync off), and
 * NODEFS has no fsync, so nothing ever reached the disk before the operating system chose to
 * write it back: a power cut or an OS crash could lose acknowledged commits.
 *
 * Here NODEFS's streams get an fsync that calls fs.fsyncSync on the file's descriptor, and
 * PostgreSQL runs with fsync on and `wal_sync_method=fsync` (Emscripten's fdatasync is a no-op,
 * its fsync calls the stream's fsync): PostgreSQL then flushes the WAL at every commit before
 * the commit returns, and the data files and pg_control at checkpoints, as a server does.
 */
import { fsyncSync } from 'node:fs';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type NodefsStream = { nfd?: number };
type Nodefs = {
  stream_ops: { fsync?: (stream: NodefsStream) => number };
  tryFSOperation<T>(f: () => T): T;
};

/** How many fsync calls PostgreSQL has made through this process's PGlite stores (for tests). */
export const pgliteFsyncs = { count: 0 };

export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const r = await super.init(pg, opts);
    const preRun = [
      ...((r.emscriptenOpts.preRun as unknown[] | undefined) ?? []),
      (mod: { NODEFS?: Nodefs }) => {
        const nodefs = mod.NODEFS;
        if (!nodefs) throw new Error('PGlite no longer exposes NODEFS: cannot make its writes durable');
        nodefs.stream_ops.fsync = (stream) => {
          if (stream.nfd === undefined) return 0;
          nodefs.tryFSOperation(() => fsyncSync(stream.nfd as number));
          pgliteFsyncs.count++;
          return 0;
        };
      },
    ];
    return { emscriptenOpts: { ...r.emscriptenOpts, preRun } as typeof r.emscriptenOpts };
  }
}

/** PGlite's start parameters without `-F` (fsync off), with the WAL flushed by fsync(). */
export const DURABLE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

export function durablePgliteOptions(dataDir: string): PGliteOptions {
  return { fs: new DurableNodeFS(dataDir), startParams: [...DURABLE_START_PARAMS] };
}
