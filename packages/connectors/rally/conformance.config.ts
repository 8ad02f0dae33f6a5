/** Which conformance suites apply to Rally, and the data they create records with. */
import type { ConformanceConfig } from '@tandem/connector-kit/conformance';
import { SEED_IDS } from '@tandem/sim-rally';

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
    scope: { workspaceId: String(SEED_IDS.workspace), projectId: String(SEED_IDS.projectAlpha) },
    recordType: 'PortfolioItem/Feature',
    titleField: 'Name',
    newFields: (seed) => ({
      Name: `Feature ${seed}`,
      Description: `<p>Made by <strong>conformance</strong> ${seed}</p>`,
      State: 'Discovering',
      PlannedStartDate: '2025-07-01',
      PlannedEndDate: '2025-09-30',
    }),
    changedFields: (seed) => ({ Name: `Renamed ${seed}`, State: 'Developing' }),
    parentType: 'PortfolioItem/Feature',
    childType: 'HierarchicalRequirement',
    newFieldsOf: (_type, seed) => ({ Name: `Story ${seed}`, ScheduleState: 'Defined' }),
    invalidFields: { Description: '<p>No name</p>' },
    missingId: '999999999999',
  },
  webhookTimeoutMs: 5000,
};
