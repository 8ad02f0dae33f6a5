import {
  integrationContext,
  removeIntegrationFieldsOf,
  setIntegrationFieldsIn,
  writeWithin,
} from '@tandem/roadmap';
import { type DatabaseHandle, prepareQuery, readBoolean, readJson } from '@tandem/storage';
import type {
  IntegrationLink,
  RecordRef,
  RemoteRef,
  RoadmapRecord,
  SyncSnapshot,
} from '../../core/index.ts';
import type { RoadmapGateway, Trx } from '../sync/index.ts';
import { applyLocalChanges } from './apply-local.ts';
import { toRoadmapRecord } from './roadmap-records.ts';
import { saveSnapshotWithin } from './snapshot-store.ts';

/** The integration-field keys a link is stored under (the services library's convention). */
export const LINK_KEYS = [
  'remoteId',
  'formattedId',
  'url',
  'ref',
  'remoteType',
  'snapshot',
] as const;

const unique = (ids: Iterable<string | null | undefined>) => [
  ...new Set([...ids].filter((x): x is string => !!x)),
];

/** One record by id, prepared: the runner loads one record per job. */
const recordById = {
  feature: prepareQuery((db, p: { id: string }) =>
    db.selectFrom('features').selectAll().where('id', '=', p.id),
  ),
  requirement: prepareQuery((db, p: { id: string }) =>
    db.selectFrom('requirements').selectAll().where('id', '=', p.id),
  ),
};

/** One record's link fields and pending create for one integration, prepared (one per job). */
const linkFieldsOf = prepareQuery((db, p: { integrationId: string; recordId: string }) =>
  db
    .selectFrom('integration_fields')
    .select(['integration_id', 'record_type', 'record_id', 'key', 'value'])
    .where('record_id', '=', p.recordId)
    .where('integration_id', '=', p.integrationId),
);
const pendingCreateOf = prepareQuery((db, p: { integrationId: string; recordId: string }) =>
  db
    .selectFrom('record_syncs')
    .select(['integration_id', 'record_type', 'record_id', 'state'])
    .where('integration_id', '=', p.integrationId)
    .where('record_id', '=', p.recordId)
    .where('state_name', '=', 'create_pending'),
);

export function createRoadmapGateway(database: DatabaseHandle, now: () => Date): RoadmapGateway {
  const { db } = database;

  async function byIds(kind: RecordRef['kind'], ids: string[]): Promise<RoadmapRecord[]> {
    if (ids.length === 0) return [];
    if (ids.length === 1 && kind === 'feature')
      return (await recordById.feature.rows(db, { id: ids[0]! })).map(toRoadmapRecord.feature);
    if (ids.length === 1 && kind === 'requirement')
      return (await recordById.requirement.rows(db, { id: ids[0]! })).map(
        toRoadmapRecord.requirement,
      );
    switch (kind) {
      case 'feature':
        return (await db.selectFrom('features').selectAll().where('id', 'in', ids).execute()).map(
          toRoadmapRecord.feature,
        );
      case 'requirement':
        return (
          await db.selectFrom('requirements').selectAll().where('id', 'in', ids).execute()
        ).map(toRoadmapRecord.requirement);
      case 'release':
        return (await db.selectFrom('releases').selectAll().where('id', 'in', ids).execute()).map(
          toRoadmapRecord.release,
        );
      case 'initiative':
        return (
          await db.selectFrom('initiatives').selectAll().where('id', 'in', ids).execute()
        ).map(toRoadmapRecord.initiative);
    }
  }

  return {
    async loadRecords(refs) {
      const out: RoadmapRecord[] = [];
      for (const kind of ['release', 'initiative', 'feature', 'requirement'] as const) {
        out.push(
          ...(await byIds(kind, unique(refs.filter((r) => r.kind === kind).map((r) => r.id)))),
        );
      }
      return out;
    },

    async loadForSend(workspaceId, selection) {
      const releaseIds = selection.releaseIds ?? [];
      let featureQuery = db
        .selectFrom('features')
        .selectAll()
        .where('workspace_id', '=', workspaceId);
      featureQuery = featureQuery.where((eb) =>
        eb.or([
          eb('id', 'in', selection.featureIds?.length ? [...selection.featureIds] : ['']),
          eb('release_id', 'in', releaseIds.length ? [...releaseIds] : ['']),
        ]),
      );
      const features = (await featureQuery.execute()).map(toRoadmapRecord.feature);
      const featureIds = features.map((f) => f.id);
      const requirements =
        featureIds.length === 0
          ? []
          : (
              await db
                .selectFrom('requirements')
                .selectAll()
                .where('workspace_id', '=', workspaceId)
                .where('feature_id', 'in', featureIds)
                .execute()
            ).map(toRoadmapRecord.requirement);
      // Parking lots hold unscheduled work and are never sent: their features go without a
      // release (and come back into the first parking lot when imported).
      // Only this workspace's releases: an id of another workspace's is never loaded, so it can
      // neither be planned nor pull that workspace's features along.
      const releaseRows = await db
        .selectFrom('releases')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', unique([...releaseIds, ...features.map((f) => f.fields.releaseId), '']))
        .execute();
      const releases = releaseRows
        .filter((r) => !readBoolean(r.parking_lot))
        .map(toRoadmapRecord.release);
      const initiatives = await byIds(
        'initiative',
        unique(features.map((f) => f.fields.initiativeId)),
      );
      return [...releases, ...initiatives, ...features, ...requirements];
    },

    async loadLinks(integrationIds, recordIds) {
      if (integrationIds.length === 0 || recordIds.length === 0) return [];
      const one =
        integrationIds.length === 1 && recordIds.length === 1
          ? { integrationId: integrationIds[0]!, recordId: recordIds[0]! }
          : undefined;
      const rows = one
        ? await linkFieldsOf.rows(db, one)
        : await db
            .selectFrom('integration_fields')
            .select(['integration_id', 'record_type', 'record_id', 'key', 'value'])
            .where('integration_id', 'in', [...integrationIds])
            .where('record_id', 'in', [...recordIds])
            .execute();
      const pending = one
        ? await pendingCreateOf.rows(db, one)
        : await db
            .selectFrom('record_syncs')
            .select(['integration_id', 'record_type', 'record_id', 'state'])
            .where('integration_id', 'in', [...integrationIds])
            .where('record_id', 'in', [...recordIds])
            .where('state_name', '=', 'create_pending')
            .execute();
      const links = new Map<
        string,
        { -readonly [K in keyof IntegrationLink]: IntegrationLink[K] }
      >();
      const linkOf = (integrationId: string, recordType: string, recordId: string) => {
        const key = `${integrationId}:${recordId}`;
        let link = links.get(key);
        if (!link) {
          link = {
            integrationId,
            recordId,
            recordKind: recordType as IntegrationLink['recordKind'],
            remoteId: null,
            formattedId: null,
            url: null,
            ref: null,
            remoteType: null,
            lastSyncedSnapshot: null,
            pendingCreateToken: null,
          };
          links.set(key, link);
        }
        return link;
      };
      for (const r of rows) {
        const link = linkOf(r.integration_id, r.record_type, r.record_id);
        const value = readJson<unknown>(r.value);
        if (r.key === 'snapshot') link.lastSyncedSnapshot = value as SyncSnapshot;
        else if ((LINK_KEYS as readonly string[]).includes(r.key))
          (link as Record<string, unknown>)[r.key] = value;
      }
      for (const p of pending) {
        const state = readJson<{ token?: string }>(p.state);
        linkOf(p.integration_id, p.record_type, p.record_id).pendingCreateToken =
          state.token ?? null;
      }
      return [...links.values()];
    },

    async saveLink(
      trx: Trx,
      integrationId: string,
      record: RecordRef,
      remote: RemoteRef,
      snapshot: SyncSnapshot | null,
    ) {
      await writeWithin(trx, database, integrationContext(integrationId, now()), (tx) =>
        setIntegrationFieldsIn(tx, {
          integrationId,
          recordType: record.kind,
          recordId: record.id,
          fields: {
            remoteId: remote.remoteId,
            formattedId: remote.formattedId,
            url: remote.url,
            ref: remote.ref,
            remoteType: remote.remoteType,
            snapshot,
          },
        }),
      );
    },

    async clearLink(trx, integrationId, record) {
      await writeWithin(trx, database, integrationContext(integrationId, now()), (tx) =>
        removeIntegrationFieldsOf(tx, record.kind, record.id, integrationId),
      );
    },

    async applyLocal(trx, integration, record, changes) {
      await applyLocalChanges(database, trx, integration, record, changes, now());
    },

    async saveSnapshot(trx, integrationId, record, next) {
      await saveSnapshotWithin(database, trx, integrationId, record, next, now());
    },
  };
}
