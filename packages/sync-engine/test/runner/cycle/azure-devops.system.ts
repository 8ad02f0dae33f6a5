import { azureDevOpsConnector } from '@tandem/connector-azure-devops';
import {
  DEFAULT_FULL_PAT,
  DEFAULT_USERS,
  SEED_IDS,
  startAzureDevOpsSimulator,
} from '@tandem/simulator-azure-devops';
import { azureDevOpsTwoWayMappings } from '@tandem/testkit';
import type { SystemUnderTest } from './system-under-test.ts';

/** Someone working in Azure DevOps's UI (not Tandem's user, so deliveries carry their name). */
const DEVELOPER = DEFAULT_USERS[1]!.uniqueName;
const AREA = 'Roadmap Demo\\Web';

export const azureDevOps: SystemUnderTest = {
  system: 'azure_devops',
  connector: azureDevOpsConnector,
  async start() {
    const sim = await startAzureDevOpsSimulator({
      port: 0,
      webhookDelivery: { timeScale: 0.001, timeoutMs: 5000 },
    });
    const control = sim.simulator.control;
    return {
      url: sim.orgUrl,
      secrets: { apiKey: DEFAULT_FULL_PAT },
      settings: (statusId) => ({
        accountUrl: sim.orgUrl,
        remoteWorkspace: { id: SEED_IDS.projects.roadmap, name: 'Roadmap Demo' },
        remoteProject: { id: AREA, name: 'Web' },
        excludeChildUpdates: false,
        recordMappings: azureDevOpsTwoWayMappings(statusId),
        sendMode: 'auto',
        importNewRecords: true,
      }),
      async renameAsSomeoneElse(remoteId, name) {
        control.actAs({
          user: DEVELOPER,
          action: 'update',
          id: Number(remoteId),
          fields: { 'System.Title': name },
        });
      },
      async createChildAsSomeoneElse(parentRemoteId, name) {
        control.actAs({
          user: DEVELOPER,
          action: 'create',
          project: 'Roadmap Demo',
          type: 'User Story',
          fields: { 'System.Title': name, 'System.AreaPath': AREA },
          patch: [
            {
              op: 'add',
              path: '/relations/-',
              value: {
                rel: 'System.LinkTypes.Hierarchy-Reverse',
                url: `${sim.orgUrl}/_apis/wit/workItems/${parentRemoteId}`,
              },
            },
          ],
        });
      },
      flushWebhooks: () => control.flushWebhooks(),
      close: () => sim.close(),
    };
  },
};
