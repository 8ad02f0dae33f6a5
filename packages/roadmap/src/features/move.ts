import type { Feature, moveFeatureRequestSchema } from '@tandem/contracts';
import type { z } from 'zod';
import type { ActionContext } from '../context.ts';
import { Issues, StaleVersionError } from '../errors.ts';
import type { FeatureRow } from '../events/rows.ts';
import { runWrite, type WriteTx } from '../events/write.ts';
import type { Store } from '../store.ts';
import { checkReferences } from './check.ts';
import { loadFeature } from './commands.ts';
import { toFeature } from './queries.ts';
import { rankBetween, renumberedRanks } from './rank.ts';

export type MoveFeatureInput = z.output<typeof moveFeatureRequestSchema>;

type Bounds = { lo: number | null; hi: number | null };

/** The nearest rank above or below `rank` in the workspace, skipping the feature being moved. */
async function neighbourRank(
  tx: WriteTx,
  feature: FeatureRow,
  rank: number,
  direction: 'above' | 'below',
): Promise<number | null> {
  const row = await tx.read.db
    .selectFrom('features')
    .select('rank')
    .where('workspace_id', '=', feature.workspace_id)
    .where('id', '!=', feature.id)
    .where('rank', direction === 'above' ? '<' : '>', rank)
    .orderBy('rank', direction === 'above' ? 'desc' : 'asc')
    .limit(1)
    .executeTakeFirst();
  return row ? row.rank : null;
}

async function loadNeighbour(
  tx: WriteTx,
  feature: FeatureRow,
  id: string | null | undefined,
  path: string,
  issues: Issues,
): Promise<FeatureRow | null> {
  if (!id) return null;
  const row = await tx.load('features', id);
  if (!row || row.workspace_id !== feature.workspace_id || row.id === feature.id) {
    issues.add(path, 'Place the feature next to another feature of this workspace');
    return null;
  }
  return row;
}

/** Where the feature goes between `after` (above it) and `before` (below it) in global rank. */
async function boundsFor(
  tx: WriteTx,
  feature: FeatureRow,
  afterId: string | null | undefined,
  beforeId: string | null | undefined,
  issues: Issues,
): Promise<Bounds | null> {
  const after = await loadNeighbour(tx, feature, afterId, 'afterId', issues);
  const before = await loadNeighbour(tx, feature, beforeId, 'beforeId', issues);
  // Equal ranks (two concurrent creates) are fine: renumbering separates them.
  if (after && before && after.rank > before.rank) {
    issues.add('beforeId', 'The feature above must come before the feature below');
  }
  if (!after && !before) return null;
  return {
    lo: after ? after.rank : await neighbourRank(tx, feature, before!.rank, 'above'),
    hi: before ? before.rank : await neighbourRank(tx, feature, after!.rank, 'below'),
  };
}

/** Evenly respaces every feature of the workspace (an event per feature whose rank changes). */
async function renumber(tx: WriteTx, workspaceId: string): Promise<void> {
  const rows = await tx.read.db
    .selectFrom('features')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('rank')
    .orderBy('id')
    .execute();
  const ranks = renumberedRanks(rows.length);
  for (const [i, { id }] of rows.entries()) {
    const row = await tx.load('features', id);
    // Renumbering is bookkeeping: it must not make other people's open edits stale.
    if (row) await tx.update('features', row, { rank: ranks[i]! }, { keepVersion: true });
  }
}

/** A drag on the board: a new status and/or release, and a place between two neighbours. */
export function moveFeature(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
  input: MoveFeatureInput,
): Promise<Feature> {
  return runWrite(store, ctx, async (tx) => {
    let feature = await loadFeature(tx, workspaceId, id);
    if (feature.version !== input.version) throw new StaleVersionError(toFeature(feature));
    const issues = new Issues();
    const scope = { workspaceId, recordType: 'feature' as const, actorId: ctx.actorId };
    await checkReferences(tx.read.db, scope, input, issues);
    let bounds = await boundsFor(tx, feature, input.afterId, input.beforeId, issues);
    issues.throwIfAny();

    let rank = bounds ? rankBetween(bounds.lo, bounds.hi) : feature.rank;
    if (rank === null) {
      await renumber(tx, workspaceId);
      feature = await loadFeature(tx, workspaceId, id);
      bounds = await boundsFor(tx, feature, input.afterId, input.beforeId, issues);
      issues.throwIfAny();
      rank = bounds ? rankBetween(bounds.lo, bounds.hi) : feature.rank;
      if (rank === null) throw new Error('Renumbering left no room between the neighbours');
    }
    const row = await tx.update('features', feature, {
      status_id: input.statusId,
      release_id: input.releaseId,
      rank,
    });
    return toFeature(row);
  });
}
