import { DEFAULT_FULL_PAT, SEED_IDS } from '@tandem/simulator-azure-devops';
import type { DatabaseHandle } from '@tandem/storage';
import { azureDevOpsTwoWayMappings } from '@tandem/testkit';
import { integrationWorkspace } from './support.ts';

/**
 * A workspace with an owner and an enabled Azure DevOps integration on the Web area of Roadmap
 * Demo (Agile). Releases are not mapped to Azure DevOps: features are sent without theirs.
 */
export function azureDevOpsWorkspace(
  database: DatabaseHandle,
  orgUrl: string,
  options: Parameters<typeof integrationWorkspace>[2] = {},
) {
  return integrationWorkspace(
    database,
    {
      system: 'azure_devops',
      name: 'Azure DevOps',
      config: {
        accountUrl: orgUrl,
        remoteWorkspace: { id: SEED_IDS.projects.roadmap, name: 'Roadmap Demo' },
        remoteProject: { id: 'Roadmap Demo\\Web', name: 'Web' },
        excludeChildUpdates: false,
        recordMappings: azureDevOpsTwoWayMappings(),
        sendMode: 'auto',
        importNewRecords: true,
      },
      secrets: { apiKey: DEFAULT_FULL_PAT },
    },
    options,
  );
}
