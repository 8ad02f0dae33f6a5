import type { WriteTx } from '../events/write.ts';
import { RANK_STEP } from '../features/rank.ts';
import { listRequirementRows } from './queries.ts';

/** Where a new requirement goes: its feature's next reference number, ranked last. */
export async function newRequirementPlace(
  tx: WriteTx,
  feature: { id: string; reference_num: string },
): Promise<{ reference_num: string; rank: number }> {
  const siblings = await listRequirementRows(tx.read.db, feature.id);
  const number = await tx.nextNumber(`requirement:${feature.id}`);
  return {
    reference_num: `${feature.reference_num}-${number}`,
    rank: (siblings.at(-1)?.rank ?? 0) + RANK_STEP,
  };
}
