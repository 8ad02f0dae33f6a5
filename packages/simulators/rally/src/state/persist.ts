/** What the simulator keeps in its state file (saved and loaded by the sim-kit). */
import type { VersionedState } from '@tandem/sim-kit';
import type { AuthSnapshot } from '../auth/state.ts';
import type { Webhook } from '../webhooks/registry.ts';
import type { StoreSnapshot } from './store.ts';

export interface PersistedState extends VersionedState {
  store: StoreSnapshot;
  auth: AuthSnapshot;
  webhooks: Webhook[];
}

export { DebouncedSaver, loadStateFile } from '@tandem/sim-kit';
