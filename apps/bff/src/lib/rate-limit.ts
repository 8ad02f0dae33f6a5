import { type DatabaseHandle, type RateWindow, rateLimitsRepository } from '@tandem/storage';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import type { Env } from '../env.ts';
import { AppError } from './errors.ts';

/** Expired buckets are swept at most this often per process, on the next hit after it. */
const SWEEP_EVERY_MS = 60_000;

/** Every limit the BFF applies, from the parsed environment. */
export function rateLimitsFrom(env: Env) {
  const login = env.LOGIN_WINDOW_SECONDS;
  return {
    /** Failed sign-ins to one account, from anywhere. */
    loginAccount: { seconds: login, max: env.LOGIN_MAX_FAILURES },
    /** Failed sign-ins from one address, to any account (password spraying). */
    loginAddress: { seconds: login, max: env.LOGIN_MAX_FAILURES_PER_ADDRESS },
    send: { seconds: 60, max: env.SENDS_PER_MINUTE },
    upload: { seconds: 60, max: env.UPLOADS_PER_MINUTE },
  } satisfies Record<string, RateWindow>;
}

export type RateLimitName = keyof ReturnType<typeof rateLimitsFrom>;

/** A 429; `onError` adds its `Retry-After` header. */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message: string) {
    super(429, 'rate_limited', message, { retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** "45 seconds", "1 minute", "15 minutes". */
export function waitPhrase(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * Rate limits held in the database (`rate_limits`), so every BFF process on one PostgreSQL
 * counts the same hits. A refused hit changes no bucket.
 */
export function createRateLimiter(options: {
  database: DatabaseHandle;
  env: Env;
  now: () => Date;
}) {
  const limits = rateLimitsFrom(options.env);
  const repo = () => rateLimitsRepository(options.database.db);
  let lastSweep = 0;

  async function sweep(now: Date) {
    if (now.getTime() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now.getTime();
    await repo().deleteExpired(now);
  }

  return {
    limits,
    /**
     * Counts one hit on every bucket, or on none: a key that has used up its window throws
     * `RateLimitedError` (429, the longest wait) before anything is written.
     */
    async take(
      buckets: ReadonlyArray<readonly [RateLimitName, string]>,
      message: (wait: string) => string,
    ) {
      const now = options.now();
      await sweep(now);
      const refuse = (seconds: number) =>
        new RateLimitedError(seconds, message(waitPhrase(seconds)));
      const checks = await Promise.all(
        buckets.map(([name, key]) => repo().check(`${name}:${key}`, limits[name], now)),
      );
      const waits = checks.flatMap((r) => (r.allowed ? [] : [r.retryAfterSeconds]));
      if (waits.length > 0) throw refuse(Math.max(...waits));
      // The checks are a read; the takes decide (another process may have got there first).
      const taken: Array<readonly [RateLimitName, string]> = [];
      for (const [name, key] of buckets) {
        const result = await repo().take(`${name}:${key}`, limits[name], now);
        if (!result.allowed) {
          for (const [n, k] of taken) await repo().giveBack(`${n}:${k}`, limits[n], now);
          throw refuse(result.retryAfterSeconds);
        }
        taken.push([name, key]);
      }
    },
    /** Hands back the hit just taken (a sign-in that turned out right, or refused elsewhere). */
    async giveBack(name: RateLimitName, key: string) {
      await repo().giveBack(`${name}:${key}`, limits[name], options.now());
    },
    async clear(name: RateLimitName, key: string) {
      await repo().clear(`${name}:${key}`);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/**
 * Middleware for a route chain: one hit per request of the signed-in user (after the role
 * check, so it only counts people allowed to make the request at all).
 */
export function rateLimitPerUser(name: 'send' | 'upload', what: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const session = c.var.session;
    if (!session) throw AppError.unauthenticated();
    await c.var.deps.rateLimits.take(
      [[name, session.user.id]],
      (wait) => `Too many ${what} in a short time. Try again in ${wait}.`,
    );
    await next();
  });
}
