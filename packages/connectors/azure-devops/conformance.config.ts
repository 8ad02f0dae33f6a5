/** Which conformance suites apply to Azure DevOps, and the data they create work items with. */
import type { ConformanceConfig } from '@tandem/connector-kit/conformance';
import { SEED_IDS } from '@tandem/simulator-azure-devops';

export const conformanceConfig: ConformanceConfig = {
  strict: true,
  suites: {
    connection: 'run',
    discovery: 'run',
    records: 'run',
    idempotentCreate: 'run',
    children: 'run',
    attachments: 'run',
    webhooks: 'run',
    changesSince: 'run',
    errors: 'run',
  },
  fixture: {
    // Roadmap Demo uses the Agile process; Web is one of its areas (with sub-areas).
    scope: { workspaceId: SEED_IDS.projects.roadmap, projectId: 'Roadmap Demo\\Web' },
    recordType: 'Feature',
    titleField: 'System.Title',
    newFields: (seed) => ({
      'System.Title': `Feature ${seed}`,
      'System.Description': `<p>Made by <strong>conformance</strong> ${seed}</p>`,
      'System.State': 'New',
    }),
    changedFields: (seed) => ({ 'System.Title': `Renamed ${seed}`, 'System.State': 'Active' }),
    parentType: 'Feature',
    childType: 'User Story',
    newFieldsOf: (_type, seed) => ({ 'System.Title': `Story ${seed}`, 'System.State': 'New' }),
    invalidFields: { 'System.Description': '<p>No title</p>' },
    missingId: '999999',
  },
  webhookTimeoutMs: 5000,
};
