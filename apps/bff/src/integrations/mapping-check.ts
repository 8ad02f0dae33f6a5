import type { FieldIssue, RecordMapping } from '@tandem/contracts';
import type { IntegrationRow } from '@tandem/storage';
import type { AppDeps } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { mappingsAsConfig, runPreflight } from './remote-schema.ts';

const BROKEN = new Set(['type_missing', 'field_missing']);

/**
 * Refuses record mappings that cannot be right: inconsistent ones (a kind mapped twice, a remote
 * field fed twice) always; mappings to remote types or fields that do not exist when the remote
 * can be asked. Required-but-unmapped fields are not refused here: the pre-flight check lists them.
 */
export async function checkMappings(
  deps: Required<AppDeps>,
  candidate: IntegrationRow,
  mappings: readonly RecordMapping[],
): Promise<void> {
  mappingsAsConfig(candidate, mappings, 'settings.recordMappings');
  let connection: Awaited<ReturnType<typeof deps.sync.gateway.connect>>;
  try {
    connection = await deps.sync.gateway.connect(candidate);
    if (!connection.effective.settings.remoteWorkspace) return;
    if (!connection.effective.credentialSource) return;
  } catch {
    return; // Not connected yet: the pre-flight check runs once it is.
  }
  let report: Awaited<ReturnType<typeof runPreflight>>;
  try {
    report = await runPreflight(deps, candidate, connection, mappings);
  } catch (error) {
    if (error instanceof AppError && error.status >= 500) return; // remote down: check later
    if (error instanceof AppError && error.status === 409) return;
    throw error;
  }
  const issues: FieldIssue[] = [];
  for (const issue of report.issues) {
    if (!BROKEN.has(issue.code)) continue;
    const i = mappings.findIndex(
      (m) => m.roadmapKind === issue.roadmapKind && m.remoteType === issue.remoteType,
    );
    const m = mappings[i];
    const j = m?.fields.findIndex((f) => f.remoteField === issue.remoteField) ?? -1;
    const path =
      issue.code === 'type_missing'
        ? `settings.recordMappings.${i}.remoteType`
        : j >= 0
          ? `settings.recordMappings.${i}.fields.${j}.remoteField`
          : `settings.recordMappings.${i}`;
    issues.push({ path, message: issue.message });
  }
  if (issues.length > 0) {
    throw AppError.validation(issues, issues[0]!.message);
  }
}
