/**
 * Counts failures per key in a fixed window. In-process on purpose: one BFF process on the
 * embedded database; see docs/decisions for what changes when several share PostgreSQL.
 */
export function createFailureLimiter(options: {
  max: number;
  windowMs: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { count: number; resetAt: number }>();

  function current(key: string) {
    const w = windows.get(key);
    if (w && w.resetAt > now()) return w;
    windows.delete(key);
    return undefined;
  }

  return {
    /** Seconds until the key may try again, or 0 when it may try now. */
    retryAfter(key: string): number {
      const w = current(key);
      return w && w.count >= options.max ? Math.ceil((w.resetAt - now()) / 1000) : 0;
    },
    fail(key: string): void {
      const w = current(key) ?? { count: 0, resetAt: now() + options.windowMs };
      w.count += 1;
      windows.set(key, w);
      if (windows.size > 50_000) {
        for (const [k, v] of windows) if (v.resetAt <= now()) windows.delete(k);
      }
    },
    reset(key: string): void {
      windows.delete(key);
    },
  };
}

export type FailureLimiter = ReturnType<typeof createFailureLimiter>;
