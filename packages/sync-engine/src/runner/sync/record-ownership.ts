import type { IntegrationConfig, RecordRef, RoadmapRecord } from '../../core/index.ts';
import type { SyncDeps } from './deps.ts';

/**
 * Why a record may not go through an integration, or null when it may: a record belongs to one
 * workspace and is only ever sent by an integration of that workspace. (Records of a workspace
 * sharing the template are sent by that workspace's own integration, a peer, never by this one.)
 */
export function foreignRecordReason(
  record: Pick<RoadmapRecord, 'kind' | 'workspaceId' | 'referenceNum'>,
  integration: Pick<IntegrationConfig, 'name' | 'workspaceId'>,
): string | null {
  if (record.workspaceId === integration.workspaceId) return null;
  return `${record.referenceNum || record.kind} belongs to another workspace; ${integration.name} sends only its own workspace's records`;
}

/**
 * The integration a parent may be linked through, for a child sent by `integration`: this one,
 * or a peer sharing its template — and only when the parent belongs to that integration's
 * workspace. Anything else is refused (null).
 */
export async function parentIntegrationFor(
  deps: SyncDeps,
  integration: IntegrationConfig,
  parent: RecordRef & { readonly integrationId: string },
): Promise<IntegrationConfig | null> {
  const by =
    parent.integrationId === integration.id
      ? integration
      : (await deps.integrations.peers(integration.id)).find((p) => p.id === parent.integrationId);
  if (!by) return null;
  const [record] = await deps.roadmap.loadRecords([{ kind: parent.kind, id: parent.id }]);
  return record && foreignRecordReason(record, by) === null ? by : null;
}
