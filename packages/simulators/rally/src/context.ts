/** What every route sees: the simulator's parts and the per-request principal. */
import type { HttpBindings } from '@hono/node-server';
import type { AuthState } from './auth/state.ts';
import type { ConcurrencyLimiter, Faults } from './control/faults.ts';
import type { Store } from './state/store.ts';
import type { Webhooks } from './webhooks/registry.ts';

export interface Principal {
  userOid: number;
  via: 'apikey' | 'oauth' | 'basic' | 'session' | 'browser';
  readOnly: boolean;
  /** Basic-auth session (JSESSIONID) that holds the security token. */
  sessionId?: string;
}

export interface MtlsState {
  /** Whether the server was started with TLS (mTLS can only be required then). */
  available: boolean;
  required: boolean;
}

export interface Sim {
  store: Store;
  auth: AuthState;
  webhooks: Webhooks;
  faults: Faults;
  limiter: ConcurrencyLimiter;
  mtls: MtlsState;
  /** Public base URL (set by the server once listening; else taken from requests). */
  base: { url: string | null };
  now: () => Date;
  /** Called after each committed write (persistence). */
  changed: () => void;
  reset: () => void;
}

export type AppEnv = {
  Bindings: HttpBindings;
  Variables: { principal: Principal; base: string };
};
