import { startAzureDevOpsSimulator } from '@tandem/simulator-azure-devops';
import { integrationsRepository, workspacesRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { seedDemoIdentity } from '../src/demo/seed-identity.ts';
import { azureDevOpsDemo, seedDemoIntegration } from '../src/demo/seed-integration.ts';
import { seedDemoRoadmap } from '../src/demo/seed-roadmap.ts';
import { wizardApp } from './wizard/support.ts';

describeEachDialect('demo integrations', (handle) => {
  it('Platform comes with an enabled Azure DevOps integration on the simulator, by URL', {
    timeout: 30_000,
  }, async () => {
    const sim = await startAzureDevOpsSimulator({ port: 0 });
    const app = await wizardApp(handle());
    try {
      await seedDemoIdentity(handle());
      await seedDemoRoadmap(handle());
      const demo = azureDevOpsDemo(sim.orgUrl);
      expect(await seedDemoIntegration(app.deps, demo)).toBe('created');
      expect(await seedDemoIntegration(app.deps, demo)).toBe('present');
      const platform = await workspacesRepository(handle().db).findByKey('PLT');
      const [row] = (
        await integrationsRepository(handle().db).listForWorkspace(platform!.id)
      ).filter((i) => i.system === 'azure_devops');
      expect(row?.state).toBe('enabled');
      const config = row?.config as {
        remoteProject: { id: string };
        recordMappings: { remoteType: string }[];
      };
      expect(config.remoteProject.id).toBe('Platform');
      // Platform uses Scrum: the defaults are its backlog types.
      expect(config.recordMappings.map((m) => m.remoteType)).toEqual([
        'Epic',
        'Feature',
        'Product Backlog Item',
      ]);
    } finally {
      await app.close();
      await sim.close();
    }
  });
});
