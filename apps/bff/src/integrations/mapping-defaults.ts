import { type RecordMapping, recordMappingSchema } from '@tandem/contracts';
import type { IntegrationRow } from '@tandem/storage';
import { autoMatchStatuses } from '@tandem/sync-engine';
import type { RemoteConnection } from '@tandem/sync-engine/runner';
import type { AppDeps } from '../app-env.ts';
import { callRemote } from './remote-failure.ts';
import { chosenScope, roadmapStatuses } from './remote-schema.ts';

/**
 * The connector's default record mappings, with each status mapping matched by name between
 * the workspace's roadmap workflow and the remote's states.
 */
export async function mappingDefaults(
  deps: Required<AppDeps>,
  row: IntegrationRow,
  connection: RemoteConnection,
): Promise<RecordMapping[]> {
  const scope = chosenScope(connection);
  const out: RecordMapping[] = [];
  // The scope's record types let a connector propose the ones its process has (Azure DevOps).
  const types = await callRemote(connection.connector, () =>
    connection.connector.listRecordTypes(connection.context, scope),
  );
  for (const { statusField, ...mapping } of connection.connector.defaultRecordMappings(types)) {
    let status: RecordMapping['status'] = null;
    if (statusField) {
      const states = await callRemote(connection.connector, () =>
        connection.connector.listStates(connection.context, scope, mapping.remoteType),
      );
      status = autoMatchStatuses(
        statusField,
        await roadmapStatuses(deps, row.workspaceId, mapping.roadmapKind),
        states.map((s) => s.name),
      );
    }
    out.push(recordMappingSchema.parse({ ...mapping, status }));
  }
  return out;
}
