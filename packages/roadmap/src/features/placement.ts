import type { WriteTx } from '../events/write.ts';
import { workspaceKey } from '../workspaces.ts';
import { RANK_STEP } from './rank.ts';

/** Where a new feature goes: the workspace's next reference number, ranked last. */
export async function newFeaturePlace(
  tx: WriteTx,
  workspaceId: string,
): Promise<{ reference_num: string; rank: number }> {
  const db = tx.read.db;
  const last = await db
    .selectFrom('features')
    .select((eb) => eb.fn.max('rank').as('rank'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  const key = await workspaceKey(db, workspaceId);
  const number = await tx.nextNumber(`feature:${workspaceId}`);
  return { reference_num: `${key}-${number}`, rank: Number(last?.rank ?? 0) + RANK_STEP };
}
