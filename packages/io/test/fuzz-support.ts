/**
 * Test support for fuzzing the readers (issue #14): hostile inputs made from valid files (cut,
 * bits flipped, bytes inserted: BOMs, NULs, invalid UTF-8, quotes, line ends, ESC, long runs, huge
 * numbers) or from nothing (random bytes), a per-input wall-clock guard, and the figures of a run.
 *
 * Runs: each property's CI count unless FUZZ_RUNS is set (then that many each); FUZZ_SEED replays
 * a run. The guard (PER_INPUT_MS) is far above any normal read (the slowest CI input takes well
 * under a second) and only catches a hang; a hang that blocks the event loop for good is caught by
 * the test timeout instead. Figures: docs/storage.md, "Fuzzing the readers".
 */
import fc from 'fast-check';

export const FUZZ_RUNS = process.env.FUZZ_RUNS === undefined ? undefined : Number(process.env.FUZZ_RUNS);
export const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
export const PER_INPUT_MS = 10_000;
/** A property's whole run: the suite's default for CI, six hours for a long FUZZ_RUNS run. */
export const FUZZ_TEST_MS = FUZZ_RUNS === undefined ? 60_000 : 6 * 3600_000;

export function fuzzParams(ciRuns: number): fc.Parameters<unknown> {
  return {
    numRuns: FUZZ_RUNS ?? ciRuns,
    ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }),
    endOnFailure: true,
  };
}

/** Words of a library or the runtime describing itself; a message to a user never has them. */
export const INTERNALS =
  /Cannot (read|set) propert|TypeError|RangeError|ReferenceError|SyntaxError|call stack|is not a function|is not iterable|undefined \(|\bat [\w.<>]+ \(|node_modules/;

/** Counts inputs and times each, failing one that takes longer than PER_INPUT_MS. */
export class FuzzClock {
  inputs = 0;
  maxMs = 0;
  private readonly started = performance.now();
  private readonly outcomes = new Map<string, number>();

  /** Tally an input's outcome (e.g. "accepted", "refused by the ZIP guard"), for the summary. */
  note(outcome: string): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  async time<T>(run: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const out = await run();
    const ms = performance.now() - t0;
    this.inputs++;
    this.maxMs = Math.max(this.maxMs, ms);
    if (ms > PER_INPUT_MS) throw new Error(`one input took ${Math.round(ms)} ms (guard ${PER_INPUT_MS} ms)`);
    return out;
  }

  /** The line docs/storage.md records: inputs, wall time, slowest input. */
  summary(what: string): string {
    const s = ((performance.now() - this.started) / 1000).toFixed(1);
    const seen = [...this.outcomes].map(([k, n]) => `${n} ${k}`).join(', ');
    return `fuzz ${what}: ${this.inputs} inputs in ${s} s, slowest ${Math.round(this.maxMs)} ms, 0 crashes${seen ? ` (${seen})` : ''}`;
  }
}

const enc = (s: string) => new TextEncoder().encode(s);

/** Byte runs that readers stumble on. */
export const HOSTILE_PIECES: readonly Uint8Array[] = [
  Uint8Array.of(0xef, 0xbb, 0xbf), // UTF-8 BOM
  Uint8Array.of(0xfe, 0xff), // UTF-16 BOM
  Uint8Array.of(0), // NUL
  Uint8Array.of(0xff), // never valid in UTF-8
  Uint8Array.of(0xc0, 0x80), // overlong NUL
  Uint8Array.of(0xed, 0xa0, 0x80), // a surrogate, encoded
  enc('"'),
  enc('""'),
  enc(','),
  enc('\r'),
  enc('\n'),
  enc('\r\n'),
  enc('\u001b[2J\u001b[31m'),
  enc('\u202e'),
  enc('9'.repeat(400)),
  enc('1e999999'),
  enc('-1e-999999'),
  enc('NaN'),
  enc('Infinity'),
  enc('0x1F'),
  enc('=cmd|"/c calc"!A1'),
  enc('＝1+1'),
  enc('__proto__'),
  enc('constructor'),
];

type Op =
  | { kind: 'cut'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'insert'; at: number; piece: number }
  | { kind: 'long'; at: number; length: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.nat(HOSTILE_PIECES.length - 1) }),
  fc.record({
    kind: fc.constant('long' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 30_000 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
    times: fc.integer({ min: 2, max: 200 }),
  }),
);

function apply(bytes: Uint8Array, o: Op): Uint8Array {
  const at = bytes.length === 0 ? 0 : o.at % (bytes.length + 1);
  const join = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));
  switch (o.kind) {
    case 'cut':
      return bytes.slice(0, at);
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      const i = at % bytes.length;
      out[i] = (out[i] as number) ^ (1 << o.bit);
      return out;
    }
    case 'insert':
      return join(bytes.slice(0, at), HOSTILE_PIECES[o.piece] as Uint8Array, bytes.slice(at));
    case 'long':
      return join(bytes.slice(0, at), new Uint8Array(o.length).fill(0x78), bytes.slice(at));
    case 'delete':
      return join(bytes.slice(0, at), bytes.slice(at + o.length));
    case 'repeat': {
      const piece = bytes.slice(at, at + o.length);
      return join(bytes.slice(0, at), ...Array(o.times).fill(piece), bytes.slice(at));
    }
  }
}

/** A valid file changed by one to four hostile edits. */
export function mutated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.array(op, { minLength: 1, maxLength: 4 }).map((ops) => ops.reduce(apply, base));
}

/** Random bytes, or random text made of pieces readers stumble on. */
export const noise: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.uint8Array({ maxLength: 16 })), { maxLength: 64 })
    .map((parts) => Uint8Array.from(Buffer.concat(parts))),
);
