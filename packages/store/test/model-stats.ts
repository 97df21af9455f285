/** Counters of the model-based tests: steps and runs in this process, and where the time went. */
export const totals = {
  steps: 0,
  runs: 0,
  /** Steps run before the first divergence of this process (shrinking runs more after it). */
  firstDivergenceAt: undefined as number | undefined,
  ms: {} as Record<string, number>,
};

/** Add the time `fn` takes to `totals.ms[what]`. */
export async function timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    totals.ms[what] = (totals.ms[what] ?? 0) + performance.now() - t;
  }
}
