import type { RecordType } from '@tandem/contracts';
import type { RowPatch, Rows } from '../events/rows.ts';
import type { WriteTx } from '../events/write.ts';
import {
  checkRemoteValues,
  type RefusedValue,
  type RemoteValueKey,
  type RemoteValues,
} from './values.ts';

export type RemoteApplyResult = {
  /** Keys written (a value equal to the stored one writes nothing and emits no event). */
  applied: RemoteValueKey[];
  refused: RefusedValue[];
  /** The record's version afterwards; null when the record no longer exists. */
  version: number | null;
  workspaceId: string | null;
  /** Why nothing was written at all: the record is gone, or is not the integration's to write. */
  untouched?: 'gone' | 'foreign';
};

/**
 * Writes values brought in from a remote system to one record through the writer: one row update
 * and its `record_events` row, stamped with the transaction's origin (the integration), so the
 * change is recognised as the integration's own and is not sent back. A value the roadmap cannot
 * hold is refused on its own; a record that no longer exists, or that belongs to another
 * workspace than the integration's (`workspaceId`), changes nothing.
 */
export async function applyRemoteValues(
  tx: WriteTx,
  workspaceId: string,
  recordType: RecordType,
  id: string,
  values: RemoteValues,
): Promise<RemoteApplyResult> {
  const target = { workspaceId, recordType, id };
  switch (recordType) {
    case 'feature':
      return applyToRow(tx, 'features', target, values, featurePatch);
    case 'requirement':
      return applyToRow(tx, 'requirements', target, values, requirementPatch);
    case 'release':
      return applyToRow(tx, 'releases', target, values, releasePatch);
    case 'initiative':
      return applyToRow(tx, 'initiatives', target, values, initiativePatch);
  }
}

/** The columns every record type but a release shares with a remote. */
const describedPatch = (v: RemoteValues) => ({
  name: v.name,
  description_html: v.descriptionHtml,
  status_id: v.statusId ?? undefined,
});

const featurePatch = (v: RemoteValues): RowPatch<'features'> => ({
  ...describedPatch(v),
  release_id: v.releaseId ?? undefined,
  initiative_id: v.initiativeId,
  tags: v.tags && [...v.tags],
  score: v.score,
  custom_fields: v.customFields,
});

const requirementPatch = (v: RemoteValues): RowPatch<'requirements'> => ({
  ...describedPatch(v),
  custom_fields: v.customFields,
});

const releasePatch = (v: RemoteValues): RowPatch<'releases'> => ({
  name: v.name,
  status_id: v.statusId ?? undefined,
  start_date: v.startDate,
  release_date: v.dueDate,
});

const initiativePatch: (v: RemoteValues) => RowPatch<'initiatives'> = describedPatch;

/** The tables of the record types a remote writes to. */
type RemoteTable = 'features' | 'requirements' | 'releases' | 'initiatives';

/** Loads the row, checks the values against its workspace, and writes the accepted ones. */
async function applyToRow<T extends RemoteTable>(
  tx: WriteTx,
  table: T,
  target: { workspaceId: string; recordType: RecordType; id: string },
  values: RemoteValues,
  toPatch: (accepted: RemoteValues) => RowPatch<T>,
): Promise<RemoteApplyResult> {
  const before = await tx.load(table, target.id);
  if (!before) return untouched('gone', 'The record no longer exists');
  if (before.workspace_id !== target.workspaceId)
    return untouched('foreign', "The record belongs to another workspace than the integration's");
  const { accepted, refused } = await checkRemoteValues(
    tx.read.db,
    before.workspace_id,
    target.recordType,
    values,
    customFieldsOf(before),
  );
  const after = await tx.update(table, before, toPatch(accepted));
  return {
    applied: keysOf(accepted),
    refused,
    version: after.version,
    workspaceId: after.workspace_id,
  };
}

/** Features and requirements hold custom fields that remote values merge into; others have none. */
const customFieldsOf = (row: Rows[RemoteTable]) =>
  'custom_fields' in row ? row.custom_fields : undefined;

const keysOf = (values: RemoteValues) =>
  (Object.keys(values) as RemoteValueKey[]).filter((k) => values[k] !== undefined);

const untouched = (why: 'gone' | 'foreign', message: string): RemoteApplyResult => ({
  applied: [],
  refused: [{ key: 'name', message }],
  version: null,
  workspaceId: null,
  untouched: why,
});
