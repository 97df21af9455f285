/**
 * The wait a 429 `throttled` answer names (Retry-After, whole seconds), counted down once a
 * second; `seconds` is 0 when there is nothing to wait for (the next attempt may go).
 */
import { useCallback, useEffect, useState } from 'react';

export function useCountdown(): { seconds: number; start: (seconds: number) => void } {
  /** Epoch milliseconds the wait ends; 0: none. */
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, until - now));
    return () => clearTimeout(timer);
  }, [until, now]);
  const start = useCallback((seconds: number) => {
    const at = Date.now();
    setNow(at);
    setUntil(at + seconds * 1000);
  }, []);
  return { seconds: Math.max(0, Math.ceil((until - now) / 1000)), start };
}
