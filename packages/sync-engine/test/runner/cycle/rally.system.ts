import { rallyConnector } from '@tandem/connector-rally';
import { DEFAULT_ADMIN_API_KEY, SEED_IDS, startRallySimulator } from '@tandem/sim-rally';
import { rallyTwoWayMappings } from '@tandem/testkit';
import type { SystemUnderTest } from './system-under-test.ts';

/** Someone working in Rally's UI (not Tandem's user, so webhooks carry their id). */
const DEVELOPER = 'dana.developer@acme.example';

export const rally: SystemUnderTest = {
  system: 'rally',
  connector: rallyConnector,
  async start() {
    const sim = await startRallySimulator({
      port: 0,
      webhookDelivery: { attempts: 2, baseDelayMs: 20, timeoutMs: 5000 },
    });
    const control = sim.simulator.control;
    return {
      url: sim.url,
      secrets: { apiKey: DEFAULT_ADMIN_API_KEY },
      settings: (statusId) => ({
        accountUrl: sim.url,
        remoteWorkspace: { id: String(SEED_IDS.workspace), name: 'Acme Product Development' },
        remoteProject: { id: String(SEED_IDS.projectAlpha), name: 'Team Alpha' },
        excludeChildUpdates: false,
        recordMappings: rallyTwoWayMappings(statusId),
        sendMode: 'auto',
        importNewRecords: true,
      }),
      async renameAsSomeoneElse(remoteId, name) {
        control.actAs({
          user: DEVELOPER,
          action: 'update',
          ref: `/portfolioitem/feature/${remoteId}`,
          data: { Name: name },
        });
      },
      async createChildAsSomeoneElse(parentRemoteId, name) {
        control.actAs({
          user: DEVELOPER,
          action: 'create',
          type: 'HierarchicalRequirement',
          data: {
            Name: name,
            Project: `/project/${SEED_IDS.projectAlpha}`,
            PortfolioItem: `/portfolioitem/feature/${parentRemoteId}`,
          },
        });
      },
      flushWebhooks: () => control.flushWebhooks(),
      close: () => sim.close(),
    };
  },
};
