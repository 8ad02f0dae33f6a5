/** What the simulator keeps in its state file (saved and loaded by the sim-kit). */
import type { VersionedState } from '@tandem/sim-kit';
import type { TokenSnapshot } from '../auth/tokens.ts';
import type { Subscription } from '../hooks/subscriptions.ts';
import type { StoreSnapshot } from './store.ts';

export interface PersistedState extends VersionedState {
  store: StoreSnapshot;
  tokens: TokenSnapshot;
  subscriptions: Subscription[];
}

export { DebouncedSaver, loadStateFile } from '@tandem/sim-kit';
