/**
 * Load data from the API for a component; `reload` fetches again (e.g. after a write). A load
 * that failed with 401 (the session had ended) is tried again when someone signs in again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';
import { listen } from './auth-events';

export type Loaded<T> = { data: T | undefined; error: ApiError | undefined; reload: () => void };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [tick, setTick] = useState(0);
  const lastError = useRef<ApiError>(undefined);
  lastError.current = error;
  useEffect(
    () =>
      listen('signed-in', () => {
        if (lastError.current?.status === 401) setTick((t) => t + 1);
      }),
    [],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass the inputs of `load` as deps
  useEffect(() => {
    let live = true;
    load().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(undefined);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof ApiError ? e : new ApiError(0, { code: 'network', message: String(e) }));
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { data, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}
