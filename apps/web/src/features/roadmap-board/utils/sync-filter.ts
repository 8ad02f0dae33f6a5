import type { RecordSyncOverviewView } from '@tandem/contracts';
import type { SyncFilter } from './board-filters';

/** States someone has to act on: what *Needs attention* shows (and the cards' badges call out). */
export const ATTENTION_STATES: ReadonlySet<string> = new Set([
  'failed',
  'conflict',
  'link_broken',
  'awaiting_approval',
]);

/**
 * Whether a feature passes the board's sync filter, from its rows of the sync overview:
 * *Needs attention* keeps what waits for someone; *Not sent yet* what no integration has (a
 * failed first send included), and nothing on its way.
 */
export function matchesSyncFilter(
  filter: SyncFilter | undefined,
  rows: readonly Pick<RecordSyncOverviewView, 'state' | 'formattedId'>[],
): boolean {
  if (filter === undefined) return true;
  if (filter === 'attention') return rows.some((r) => ATTENTION_STATES.has(r.state));
  return !rows.some((r) => r.formattedId !== null || r.state === 'create_pending');
}
