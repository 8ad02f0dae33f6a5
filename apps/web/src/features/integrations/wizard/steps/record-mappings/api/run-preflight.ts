import {
  type PreflightReportView,
  preflightReportSchema,
  type RecordMapping,
} from '@tandem/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/**
 * Checks mappings against the remote before anything is sent: required fields left unmapped, values
 * without a mapping, fields that do not exist.
 */
export function runPreflight(
  workspaceId: string,
  integrationId: string,
  recordMappings: RecordMapping[],
): Promise<PreflightReportView> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].preflight.$post({
      param: { workspaceId, integrationId },
      json: { recordMappings },
    }),
    preflightReportSchema,
  );
}

export function useRunPreflight(workspaceId: string, integrationId: string) {
  return useMutation({
    mutationFn: (recordMappings: RecordMapping[]) =>
      runPreflight(workspaceId, integrationId, recordMappings),
  });
}
