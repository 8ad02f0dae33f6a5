import type { RecordType } from '@tandem/contracts';
import type { RowPatch } from '../events/rows.ts';
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
};

/**
 * Writes values brought in from a remote system to one record through the writer: one row update
 * and its `record_events` row, stamped with the transaction's origin (the integration), so the
 * change is recognised as the integration's own and is not sent back. A value the roadmap cannot
 * hold is refused on its own; a record that no longer exists changes nothing.
 */
export async function applyRemoteValues(
  tx: WriteTx,
  recordType: RecordType,
  id: string,
  values: RemoteValues,
): Promise<RemoteApplyResult> {
  const db = tx.read.db;
  switch (recordType) {
    case 'feature': {
      const before = await tx.load('features', id);
      if (!before) return gone();
      const { accepted: v, refused } = await checkRemoteValues(
        db,
        before.workspace_id,
        recordType,
        values,
        before.custom_fields,
      );
      const patch: RowPatch<'features'> = {
        name: v.name,
        description_html: v.descriptionHtml,
        status_id: v.statusId ?? undefined,
        release_id: v.releaseId ?? undefined,
        initiative_id: v.initiativeId,
        tags: v.tags && [...v.tags],
        score: v.score,
        custom_fields: v.customFields,
      };
      const after = await tx.update('features', before, patch);
      return done(v, refused, after);
    }
    case 'requirement': {
      const before = await tx.load('requirements', id);
      if (!before) return gone();
      const { accepted: v, refused } = await checkRemoteValues(
        db,
        before.workspace_id,
        recordType,
        values,
        before.custom_fields,
      );
      const after = await tx.update('requirements', before, {
        name: v.name,
        description_html: v.descriptionHtml,
        status_id: v.statusId ?? undefined,
        custom_fields: v.customFields,
      });
      return done(v, refused, after);
    }
    case 'release': {
      const before = await tx.load('releases', id);
      if (!before) return gone();
      const { accepted: v, refused } = await checkRemoteValues(
        db,
        before.workspace_id,
        recordType,
        values,
      );
      const after = await tx.update('releases', before, {
        name: v.name,
        status_id: v.statusId ?? undefined,
        start_date: v.startDate,
        release_date: v.dueDate,
      });
      return done(v, refused, after);
    }
    case 'initiative': {
      const before = await tx.load('initiatives', id);
      if (!before) return gone();
      const { accepted: v, refused } = await checkRemoteValues(
        db,
        before.workspace_id,
        recordType,
        values,
      );
      const after = await tx.update('initiatives', before, {
        name: v.name,
        description_html: v.descriptionHtml,
        status_id: v.statusId ?? undefined,
      });
      return done(v, refused, after);
    }
  }
}

const keysOf = (values: RemoteValues) =>
  (Object.keys(values) as RemoteValueKey[]).filter((k) => values[k] !== undefined);

const done = (
  values: RemoteValues,
  refused: RefusedValue[],
  after: { version: number; workspace_id: string },
): RemoteApplyResult => ({
  applied: keysOf(values),
  refused,
  version: after.version,
  workspaceId: after.workspace_id,
});

const gone = (): RemoteApplyResult => ({
  applied: [],
  refused: [{ key: 'name', message: 'The record no longer exists' }],
  version: null,
  workspaceId: null,
});
