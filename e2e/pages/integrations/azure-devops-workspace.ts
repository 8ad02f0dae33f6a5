import { azureDevOpsTwoWayMappings } from '@tandem/testkit';
import { RallyWorkspace } from './rally-workspace.ts';

/** The simulator's Agile project and one of its areas (`SEED_IDS` of the Azure DevOps simulator). */
const ROADMAP_DEMO_AREA = { id: 'Roadmap Demo\\Web', name: 'Web' };

/**
 * What the Azure DevOps flows need, through the same API the wizard uses: a two-way Azure DevOps
 * integration on the simulator's Roadmap Demo project, features with requirements and files.
 * Releases, features and sends are as for Rally (`RallyWorkspace`).
 */
export class AzureDevOpsWorkspace extends RallyWorkspace {
  /** `simulatorUrl` is the simulator's; the organisation is its `tandem-demo`. */
  get orgUrl(): string {
    return `${this.simulatorUrl}/tandem-demo`;
  }

  async enableTwoWayAzureDevOpsIntegration(name: string, token: string): Promise<string> {
    const { workflows } = await this.call<{
      workflows: { recordType: string; statuses: { id: string; name: string }[] }[];
    }>('GET', '/workflows');
    const mappings = azureDevOpsTwoWayMappings(
      (kind, status) =>
        workflows.find((w) => w.recordType === kind)!.statuses.find((s) => s.name === status)!.id,
    );
    const created = await this.call<{ id: string; version: number }>('POST', '/integrations', {
      system: 'azure_devops',
      name,
    });
    const account = await this.call<{ version: number }>('PATCH', `/integrations/${created.id}`, {
      version: created.version,
      settings: { accountUrl: this.orgUrl },
    });
    const connected = await this.call<{ version: number }>(
      'PUT',
      `/integrations/${created.id}/credentials/api-key`,
      { apiKey: token },
    );
    const { workspaces } = await this.call<{ workspaces: { id: string; name: string }[] }>(
      'GET',
      `/integrations/${created.id}/remote/workspaces`,
    );
    await this.call('PATCH', `/integrations/${created.id}`, {
      version: Math.max(account.version, connected.version),
      settings: {
        remoteWorkspace: workspaces.find((w) => w.name === 'Roadmap Demo'),
        remoteProject: ROADMAP_DEMO_AREA,
        recordMappings: mappings,
        sendMode: 'auto',
      },
    });
    await this.call('POST', `/integrations/${created.id}/enable`, {});
    return created.id;
  }

  async addRequirements(featureId: string, names: string[]): Promise<void> {
    for (const name of names) {
      await this.call('POST', `/features/${featureId}/requirements`, {
        name,
        descriptionHtml: `<p>${name}</p>`,
        customFields: {},
      });
    }
  }
}
