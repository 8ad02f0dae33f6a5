import type {
  createReleaseRequestSchema,
  Release,
  updateReleaseRequestSchema,
} from '@tandem/contracts';
import type { z } from 'zod';
import type { ActionContext } from '../context.ts';
import { ConflictError, Issues, NotFoundError, StaleVersionError } from '../errors.ts';
import type { ReleaseRow } from '../events/rows.ts';
import { newId, runWrite, type WriteTx } from '../events/write.ts';
import { removeIntegrationFieldsOf } from '../integration-fields/commands.ts';
import type { Store } from '../store.ts';
import { defaultStatusId } from '../workflows/ensure.ts';
import { isStatusOf } from '../workflows/queries.ts';
import { workspaceKey } from '../workspaces.ts';
import { toRelease } from './queries.ts';

export type CreateReleaseInput = z.output<typeof createReleaseRequestSchema>;
export type UpdateReleaseInput = z.output<typeof updateReleaseRequestSchema>;

async function loadInWorkspace(tx: WriteTx, workspaceId: string, id: string): Promise<ReleaseRow> {
  const row = await tx.load('releases', id);
  if (!row || row.workspace_id !== workspaceId) throw new NotFoundError('Release');
  return row;
}

async function checkStatus(tx: WriteTx, workspaceId: string, statusId: string, issues: Issues) {
  if (!(await isStatusOf(tx.read.db, workspaceId, 'release', statusId))) {
    issues.add('statusId', 'This status is not part of the release workflow of this workspace');
  }
}

function checkDates(start: string | null, end: string | null, issues: Issues): void {
  if (start && end && start > end) {
    issues.add('releaseDate', 'The release date must not be before the start date');
  }
}

export function createRelease(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  input: CreateReleaseInput,
): Promise<Release> {
  return runWrite(store, ctx, async (tx) => {
    const issues = new Issues();
    const statusId = input.statusId ?? (await defaultStatusId(tx, workspaceId, 'release'));
    await checkStatus(tx, workspaceId, statusId, issues);
    checkDates(input.startDate ?? null, input.releaseDate ?? null, issues);
    issues.throwIfAny();

    const last = await tx.read.db
      .selectFrom('releases')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('workspace_id', '=', workspaceId)
      .where('parking_lot', '=', input.parkingLot)
      .executeTakeFirst();
    const key = await workspaceKey(tx.read.db, workspaceId);
    const number = await tx.nextNumber(`release:${workspaceId}`);
    const row = await tx.create('releases', {
      id: newId(),
      workspace_id: workspaceId,
      reference_num: `${key}-R-${number}`,
      name: input.name,
      start_date: input.startDate ?? null,
      release_date: input.releaseDate ?? null,
      status_id: statusId,
      parking_lot: input.parkingLot,
      position: Number(last?.position ?? 0) + 1,
    });
    return toRelease(row);
  });
}

export function updateRelease(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
  input: UpdateReleaseInput,
): Promise<Release> {
  return runWrite(store, ctx, async (tx) => {
    const before = await loadInWorkspace(tx, workspaceId, id);
    if (before.version !== input.version) throw new StaleVersionError(toRelease(before));
    const issues = new Issues();
    if (input.statusId) await checkStatus(tx, workspaceId, input.statusId, issues);
    checkDates(
      input.startDate === undefined ? before.start_date : input.startDate,
      input.releaseDate === undefined ? before.release_date : input.releaseDate,
      issues,
    );
    issues.throwIfAny();
    const row = await tx.update('releases', before, {
      name: input.name,
      start_date: input.startDate,
      release_date: input.releaseDate,
      status_id: input.statusId,
      position: input.position,
    });
    return toRelease(row);
  });
}

/** Only an empty release can go: features must always have one. */
export function deleteRelease(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
): Promise<void> {
  return runWrite(store, ctx, async (tx) => {
    const before = await loadInWorkspace(tx, workspaceId, id);
    const inUse = await tx.read.db
      .selectFrom('features')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('release_id', '=', id)
      .executeTakeFirstOrThrow();
    const n = Number(inUse.n);
    if (n > 0) {
      throw new ConflictError(
        `${before.name} still has ${n} feature${n === 1 ? '' : 's'}; move them to another release first`,
      );
    }
    await removeIntegrationFieldsOf(tx, 'release', id);
    await tx.remove('releases', before);
  });
}
