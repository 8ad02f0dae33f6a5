import type { SessionWorkspace } from '@tandem/contracts';
import { paths } from '@/config/paths';

/**
 * Where a record's failed send is explained: its log entry, or the log narrowed to the record
 * when the entry is unknown. Null for viewers, who cannot read the log.
 */
export function integrationLogHref(
  workspace: SessionWorkspace,
  integrationId: string,
  record: { recordType: string; recordId: string; referenceNum: string; logId: number | null },
): string | null {
  if (workspace.role === 'viewer') return null;
  return paths.workspace.settings.integrationLog.getHref(workspace.key, integrationId, {
    recordType: record.recordType,
    recordId: record.recordId,
    ref: record.referenceNum,
    entry: record.logId ?? undefined,
  });
}
