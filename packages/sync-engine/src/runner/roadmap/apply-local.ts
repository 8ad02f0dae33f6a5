import {
  applyRemoteValues,
  integrationContext,
  type RemoteApplyResult,
  type RemoteValues,
  type Store,
  writeWithin,
} from '@tandem/roadmap';
import { integrationLogRepository } from '@tandem/storage';
import type { FieldValue, RecordRef, RoadmapFieldChanges } from '../../core/index.ts';
import type { Trx } from '../sync/index.ts';

/** The engine's roadmap fields as the roadmap package's remote values. */
export function toRemoteValues(changes: RoadmapFieldChanges): {
  values: RemoteValues;
  ignored: string[];
} {
  const values: RemoteValues = {};
  const ignored: string[] = [];
  const text = (v: FieldValue | undefined) => (v === null || v === undefined ? '' : String(v));
  const id = (v: FieldValue | undefined) => (typeof v === 'string' && v !== '' ? v : null);
  for (const [key, value] of Object.entries(changes) as [string, FieldValue][]) {
    switch (key) {
      case 'name':
        values.name = text(value);
        break;
      case 'description':
        values.descriptionHtml = text(value);
        break;
      case 'status':
        values.statusId = id(value);
        break;
      case 'release':
        values.releaseId = id(value);
        break;
      case 'initiative':
        values.initiativeId = id(value);
        break;
      case 'parentFeature':
        values.featureId = id(value);
        break;
      case 'tags':
        values.tags = Array.isArray(value) ? value : [];
        break;
      case 'score':
        values.score = typeof value === 'number' ? value : null;
        break;
      case 'startDate':
      case 'dueDate':
        values[key] = id(value);
        break;
      default:
        if (key.startsWith('custom:')) {
          values.customFields = {
            ...values.customFields,
            [key.slice('custom:'.length)]: Array.isArray(value)
              ? value.join(', ')
              : (value as string | number | null),
          };
        } else ignored.push(key);
    }
  }
  return { values, ignored };
}

/**
 * The engine's `applyLocal`: remote values (already through the mappings) written to the roadmap
 * record through the roadmap package's writer, inside the runner's transaction, with the
 * integration's origin on the `record_events` row, so the change is known as the integration's
 * own and is never sent back. A value the roadmap cannot hold is left out and logged on the record.
 */
export async function applyLocalChanges(
  store: Store,
  trx: Trx,
  integration: { id: string; workspaceId: string },
  record: RecordRef,
  changes: RoadmapFieldChanges,
  now: Date,
): Promise<RemoteApplyResult> {
  const integrationId = integration.id;
  const { values, ignored } = toRemoteValues(changes);
  const result = await writeWithin(trx, store, integrationContext(integrationId, now), (tx) =>
    applyRemoteValues(tx, integration.workspaceId, record.kind, record.id, values),
  );
  const problems = [
    ...result.refused.map((r) => `${r.key}: ${r.message}`),
    ...ignored.map((k) => `${k}: not brought in from the remote`),
  ];
  if (problems.length > 0 && result.untouched !== 'gone') {
    await integrationLogRepository(trx).append(
      {
        integrationId,
        workspaceId: integration.workspaceId,
        recordType: record.kind,
        recordId: record.id,
        level: result.untouched === 'foreign' ? 'error' : 'warn',
        event: 'receive',
        message:
          result.untouched === 'foreign'
            ? "Remote values refused: the record belongs to another workspace than the integration's"
            : `Some remote values were not brought in: ${problems.join('; ')}`,
        data: { refused: result.refused, ignored },
      },
      now.toISOString(),
    );
  }
  return result;
}
