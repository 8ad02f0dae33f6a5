import { createSyncRunner, type SyncRunner } from '@tandem/sync-engine/runner';
import { connectorRegistry } from './connectors.ts';

/** The sync runner as the BFF runs it (see packages/sync-engine/src/runner). */
export type SyncService = SyncRunner;

/**
 * The composition root of the sync runner: the engine's ports wired to the BFF's
 * implementations (the connector registry; the roadmap, storage and clock as the runner's
 * defaults on the app's database).
 */
export function createSyncService(
  options: Omit<Parameters<typeof createSyncRunner>[0], 'connectors'>,
): SyncService {
  return createSyncRunner({ ...options, connectors: connectorRegistry });
}
