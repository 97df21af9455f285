/**
 * The shared shape of a write through TanStack Query (useMutation): after the write, the
 * queries showing what it changed are fetched again (`invalidates`), also when the server
 * refused it because the thing moved on meanwhile (409 conflict or locked, 412 stale version)
 * or the caller's rights changed (403), so the page shows what is true now beside the refusal.
 * Writes with optimistic concurrency send the version they act on; a refusal keeps the form's
 * input (react-hook-form state is the component's) so it can be sent again.
 */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api';

/** Statuses after which what is shown is stale: fetch it again. */
const REFRESH_AFTER = new Set([403, 409, 412]);

/** Why a write did not go through, as the server said it. */
export type Refusal = {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly code: string;
  /** The workflow rule that refused it (error.rule), when the server names one. */
  readonly rule: string | undefined;
  /** The request field the server names (error.field). */
  readonly field: string | undefined;
  /** The server's message (plain English), or the network error. */
  readonly message: string;
  /** The page was fetched again after it. */
  readonly reloaded: boolean;
};

export function refusalOf(e: unknown): Refusal {
  if (e instanceof ApiError) {
    return {
      status: e.status,
      code: e.body.code,
      rule: e.body.rule,
      field: e.body.field,
      message: e.body.message,
      reloaded: REFRESH_AFTER.has(e.status),
    };
  }
  return {
    status: 0,
    code: 'network',
    rule: undefined,
    field: undefined,
    message: e instanceof Error ? e.message : String(e),
    reloaded: false,
  };
}

export function useWrite<TVars, TOut>(o: {
  /** The request. */
  readonly write: (vars: TVars) => Promise<TOut>;
  /** The queries that show what the write changes. */
  readonly invalidates: (vars: TVars) => readonly QueryKey[];
  readonly onDone?: (out: TOut, vars: TVars) => void;
}) {
  const client = useQueryClient();
  const mutation = useMutation<TOut, unknown, TVars>({
    mutationFn: o.write,
    onSettled: async (_out, error, vars) => {
      if (error && !(error instanceof ApiError && REFRESH_AFTER.has(error.status))) return;
      await Promise.all(o.invalidates(vars).map((queryKey) => client.invalidateQueries({ queryKey })));
    },
    ...(o.onDone ? { onSuccess: o.onDone } : {}),
  });
  return { ...mutation, refusal: mutation.error === null ? undefined : refusalOf(mutation.error) };
}
