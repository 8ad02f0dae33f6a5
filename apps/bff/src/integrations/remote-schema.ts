import type { RecordScope } from '@tandem/connector-kit';
import {
  type IntegrationConfig,
  integrationConfigSchema,
  type PreflightReportView,
  type RecordMapping,
} from '@tandem/contracts';
import { listStatuses } from '@tandem/roadmap';
import type { IntegrationRow } from '@tandem/storage';
import {
  preflight,
  type RemoteTypeDefinition,
  type RoadmapDefinitions,
  type RoadmapStatus,
} from '@tandem/sync-engine';
import type { RemoteConnection } from '@tandem/sync-engine/runner';
import { toRemoteTypeDefinition } from '@tandem/sync-engine/runner';
import type { AppDeps } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { toFieldIssues } from '../lib/validate.ts';
import { callRemote } from './remote-failure.ts';

type Deps = Required<AppDeps>;

/** The remote workspace (and project) the wizard has chosen, or a 400 saying to choose it. */
export function chosenScope(connection: RemoteConnection, workspaceId?: string): RecordScope {
  const settings = connection.effective.settings;
  const workspace = workspaceId ?? settings.remoteWorkspace?.id;
  if (!workspace) {
    throw AppError.validation([
      {
        path: 'settings.remoteWorkspace',
        message: `Choose the ${connection.connector.manifest.displayName} workspace first`,
      },
    ]);
  }
  return {
    workspaceId: workspace,
    ...(settings.remoteProject && !workspaceId ? { projectId: settings.remoteProject.id } : {}),
  };
}

export async function roadmapStatuses(
  deps: Deps,
  workspaceId: string,
  kind: RecordMapping['roadmapKind'],
): Promise<RoadmapStatus[]> {
  return (await listStatuses(deps.database.db, workspaceId, kind)).map((s) => ({
    id: s.id,
    name: s.name,
  }));
}

/** Mappings as a full config, for the core; structural problems are field messages. */
export function mappingsAsConfig(
  row: IntegrationRow,
  mappings: readonly RecordMapping[],
  path = 'recordMappings',
): IntegrationConfig {
  const parsed = integrationConfigSchema.safeParse({
    id: row.id,
    name: row.name,
    system: row.system,
    workspaceId: row.workspaceId,
    scope: { remoteWorkspaceId: 'pending', projectId: 'pending' },
    recordMappings: mappings,
  });
  if (!parsed.success) {
    throw AppError.validation(
      toFieldIssues(parsed.error.issues).map((i) => ({
        ...i,
        path: i.path.replace(/^recordMappings/, path),
      })),
      'The record mappings are not consistent',
    );
  }
  return parsed.data;
}

/**
 * The pre-flight check against the remote's field definitions today: required fields nothing
 * fills, values without a mapping, mappings to types or fields that do not exist.
 */
export async function runPreflight(
  deps: Deps,
  row: IntegrationRow,
  connection: RemoteConnection,
  mappings: readonly RecordMapping[],
  path?: string,
): Promise<PreflightReportView> {
  const config = mappingsAsConfig(row, mappings, path);
  const scope = chosenScope(connection);
  const { connector, context } = connection;
  const types = await callRemote(connector, () => connector.listRecordTypes(context, scope));
  const known = new Set(types.map((t) => t.id));
  const remoteTypes: RemoteTypeDefinition[] = [];
  const roadmap: { statuses: NonNullable<RoadmapDefinitions['statuses']> } = { statuses: {} };
  for (const mapping of config.recordMappings) {
    if (!mapping.enabled) continue;
    roadmap.statuses[mapping.roadmapKind] = await roadmapStatuses(
      deps,
      row.workspaceId,
      mapping.roadmapKind,
    );
    if (!known.has(mapping.remoteType) || remoteTypes.some((t) => t.type === mapping.remoteType))
      continue;
    const fields = await callRemote(connector, () =>
      connector.listFields(context, scope, mapping.remoteType),
    );
    remoteTypes.push(toRemoteTypeDefinition(mapping.remoteType, fields));
  }
  const report = preflight(config, remoteTypes, roadmap);
  return {
    ok: report.ok,
    issues: report.issues.map((i) => ({
      severity: i.severity,
      code: i.code,
      roadmapKind: i.kind,
      remoteType: i.remoteType,
      remoteField: 'remoteField' in i ? i.remoteField : null,
      message: i.message,
    })),
  };
}
