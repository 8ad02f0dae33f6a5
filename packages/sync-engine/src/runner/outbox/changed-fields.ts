import type { RoadmapFieldKey, RoadmapKind } from '../../core/index.ts';

/** An outbox row's `changes`: `{ column in camelCase: { old, new } }`. */
export type RowChanges = Record<string, { old: unknown; new: unknown }>;

/** Roadmap columns (as the outbox names them) and the engine field each one holds. */
const FIELD_OF_COLUMN: Readonly<Record<string, RoadmapFieldKey>> = {
  name: 'name',
  descriptionHtml: 'description',
  statusId: 'status',
  releaseId: 'release',
  initiativeId: 'initiative',
  featureId: 'parentFeature',
  tags: 'tags',
  score: 'score',
  rank: 'rank',
  startDate: 'startDate',
  // Releases: their position is their rank and their release date is the due date.
  position: 'rank',
  releaseDate: 'dueDate',
};

export const SYNCED_KINDS = new Set<RoadmapKind>(['feature', 'requirement', 'release']);

/** The engine's field keys for the columns an outbox row changed; columns it does not sync drop out. */
export function changedRoadmapFields(changes: RowChanges): RoadmapFieldKey[] {
  const fields = new Set<RoadmapFieldKey>();
  for (const [column, change] of Object.entries(changes)) {
    if (column === 'customFields') {
      for (const key of changedCustomKeys(change)) fields.add(`custom:${key}`);
      continue;
    }
    const field = FIELD_OF_COLUMN[column];
    if (field) fields.add(field);
  }
  return [...fields];
}

function changedCustomKeys(change: { old: unknown; new: unknown }): string[] {
  const before = asObject(change.old);
  const after = asObject(change.new);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      return asObject(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
