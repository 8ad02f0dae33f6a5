import { type Database, type Dialect, readJson } from '@tandem/storage';
import type { Selectable, Transaction } from 'kysely';
import type { FieldValue, RecordRef, RoadmapFields, RoadmapRecord } from '../../core/index.ts';

const EMPTY: Omit<RoadmapFields, 'name' | 'rank'> = {
  descriptionHtml: '',
  statusId: null,
  releaseId: null,
  initiativeId: null,
  parentFeatureId: null,
  tags: [],
  score: null,
  startDate: null,
  dueDate: null,
  custom: {},
};

type Row<T extends keyof Database> = Selectable<Database[T]>;

const custom = (value: unknown) => readJson<Record<string, FieldValue>>(value) ?? {};

/** Roadmap rows as the sync core sees them. */
export const toRoadmapRecord = {
  feature: (r: Row<'features'>): RoadmapRecord => ({
    kind: 'feature',
    id: r.id,
    workspaceId: r.workspace_id,
    referenceNum: r.reference_num,
    version: r.version,
    fields: {
      ...EMPTY,
      name: r.name,
      descriptionHtml: r.description_html,
      statusId: r.status_id,
      releaseId: r.release_id,
      initiativeId: r.initiative_id,
      tags: readJson<string[]>(r.tags) ?? [],
      score: r.score,
      rank: r.rank,
      custom: custom(r.custom_fields),
    },
  }),
  requirement: (r: Row<'requirements'>): RoadmapRecord => ({
    kind: 'requirement',
    id: r.id,
    workspaceId: r.workspace_id,
    referenceNum: r.reference_num,
    version: r.version,
    fields: {
      ...EMPTY,
      name: r.name,
      descriptionHtml: r.description_html,
      statusId: r.status_id,
      parentFeatureId: r.feature_id,
      rank: r.rank,
      custom: custom(r.custom_fields),
    },
  }),
  release: (r: Row<'releases'>): RoadmapRecord => ({
    kind: 'release',
    id: r.id,
    workspaceId: r.workspace_id,
    referenceNum: r.reference_num,
    version: r.version,
    fields: {
      ...EMPTY,
      name: r.name,
      statusId: r.status_id,
      rank: r.position,
      startDate: r.start_date,
      dueDate: r.release_date,
    },
  }),
  initiative: (r: Row<'initiatives'>): RoadmapRecord => ({
    kind: 'initiative',
    id: r.id,
    workspaceId: r.workspace_id,
    referenceNum: r.reference_num,
    version: r.version,
    fields: {
      ...EMPTY,
      name: r.name,
      descriptionHtml: r.description_html,
      statusId: r.status_id,
      rank: 0,
    },
  }),
};

const TABLES = {
  feature: 'features',
  requirement: 'requirements',
  release: 'releases',
  initiative: 'initiatives',
} as const;

/**
 * One record as the core sees it, read inside the caller's transaction; on PostgreSQL the row is
 * locked, so two deliveries for one record are brought in one after the other.
 */
export async function loadRoadmapRecordWithin(
  trx: Transaction<Database>,
  dialect: Dialect,
  ref: RecordRef,
): Promise<RoadmapRecord | undefined> {
  const table = TABLES[ref.kind];
  let query = trx.selectFrom(table).selectAll().where('id', '=', ref.id);
  if (dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  switch (ref.kind) {
    case 'feature':
      return toRoadmapRecord.feature(row as Row<'features'>);
    case 'requirement':
      return toRoadmapRecord.requirement(row as Row<'requirements'>);
    case 'release':
      return toRoadmapRecord.release(row as Row<'releases'>);
    case 'initiative':
      return toRoadmapRecord.initiative(row as Row<'initiatives'>);
  }
}
