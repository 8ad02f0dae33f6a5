import type { Feature, FeatureListQuery } from '@tandem/contracts';
import { sql } from 'kysely';
import { decodeRow } from '../events/record-tables.ts';
import type { FeatureRow } from '../events/rows.ts';
import type { Reader, ReadStore } from '../store.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

export const toFeature = (r: FeatureRow): Feature => ({
  id: r.id,
  workspaceId: r.workspace_id,
  referenceNum: r.reference_num,
  name: r.name,
  descriptionHtml: r.description_html,
  statusId: r.status_id,
  releaseId: r.release_id,
  initiativeId: r.initiative_id,
  assigneeId: r.assignee_id,
  tags: r.tags,
  score: r.score,
  customFields: r.custom_fields,
  rank: r.rank,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function findFeature(db: Reader, id: string): Promise<FeatureRow | undefined> {
  const row = await db.selectFrom('features').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeRow<FeatureRow>('features', row);
}

const REFERENCE = /^[A-Za-z][A-Za-z0-9]{1,9}-\d+$/;

/** A feature of the workspace by id or by reference number (`APP-12`, any case). */
export async function findFeatureInWorkspace(
  db: Reader,
  workspaceId: string,
  idOrReference: string,
): Promise<FeatureRow | undefined> {
  const row = await db
    .selectFrom('features')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where(
      REFERENCE.test(idOrReference) ? 'reference_num' : 'id',
      '=',
      REFERENCE.test(idOrReference) ? idOrReference.toUpperCase() : idOrReference,
    )
    .executeTakeFirst();
  return row && decodeRow<FeatureRow>('features', row);
}

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of a workspace's features in rank order, filtered as the board asks. */
export async function listFeatures(
  store: ReadStore,
  workspaceId: string,
  filter: FeatureListQuery,
): Promise<{ items: Feature[]; nextCursor: string | null }> {
  let query = store.db
    .selectFrom('features')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('rank')
    .orderBy('id')
    .limit(filter.limit + 1);
  if (filter.statusId) query = query.where('status_id', '=', filter.statusId);
  if (filter.releaseId) query = query.where('release_id', '=', filter.releaseId);
  if (filter.initiativeId) query = query.where('initiative_id', '=', filter.initiativeId);
  if (filter.assigneeId) query = query.where('assignee_id', '=', filter.assigneeId);
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where(
      store.dialect === 'postgres'
        ? sql<boolean>`features.tags @> ${JSON.stringify([tag])}::jsonb`
        : sql<boolean>`exists (select 1 from json_each(features.tags) where json_each.value = ${tag})`,
    );
  }
  if (filter.q?.trim()) {
    const pattern = likePattern(filter.q.trim());
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(reference_num)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    query = query.where((eb) =>
      eb.or([
        eb('rank', '>', after.rank),
        eb.and([eb('rank', '=', after.rank), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = (await query.execute()).map((r) => decodeRow<FeatureRow>('features', r));
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const progress = await requirementProgress(
    store,
    page.map((f) => f.id),
  );
  return {
    items: page.map((row) => ({
      ...toFeature(row),
      requirementCount: progress.get(row.id)?.count ?? 0,
      requirementsDone: progress.get(row.id)?.done ?? 0,
    })),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null,
  };
}

/** Requirements per feature and how many are done (their status is in the done category). */
async function requirementProgress(
  store: ReadStore,
  featureIds: string[],
): Promise<Map<string, { count: number; done: number }>> {
  if (featureIds.length === 0) return new Map();
  const rows = await store.db
    .selectFrom('requirements')
    .innerJoin('workflow_statuses', 'workflow_statuses.id', 'requirements.status_id')
    .select((eb) => [
      'requirements.feature_id as featureId',
      eb.fn.countAll<number>().as('count'),
      eb.fn
        .sum<number>(
          eb.case().when('workflow_statuses.category', '=', 'done').then(1).else(0).end(),
        )
        .as('done'),
    ])
    .where('requirements.feature_id', 'in', featureIds)
    .groupBy('requirements.feature_id')
    .execute();
  return new Map(rows.map((r) => [r.featureId, { count: Number(r.count), done: Number(r.done) }]));
}
