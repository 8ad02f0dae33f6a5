import { demo, expect, screenshotPath, test } from '../fixtures.ts';
import { AzureDevOpsUser } from '../pages/integrations/azure-devops-user.ts';
import { AzureDevOpsWorkItemPage } from '../pages/integrations/azure-devops-work-item.page.ts';
import { AzureDevOpsWorkspace } from '../pages/integrations/azure-devops-workspace.ts';
import { FeatureIntegrationsPage } from '../pages/integrations/feature-integrations.page.ts';
import type { SeededFeature } from '../pages/integrations/rally-workspace.ts';
import { BoardPage } from '../pages/roadmap/board.page.ts';
import { watchForReloads } from '../support/no-reload.ts';
import { runStamp } from '../support/rally-seed.ts';

const simulatorUrl = process.env.E2E_SIM_ADO_URL ?? 'http://127.0.0.1:4120';
const platform = demo.workspaces.platform;
const stamp = runStamp();
const NAME = `Azure DevOps two-way ${stamp}`;
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test.describe.configure({ mode: 'serial' });

let feature: SeededFeature;

test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  try {
    const ws = new AzureDevOpsWorkspace(api, simulatorUrl);
    await ws.signIn(demo.owner.email, demo.password, platform.key);
    const { full } = await new AzureDevOpsUser(simulatorUrl).tokens();
    await ws.enableTwoWayAzureDevOpsIntegration(NAME, full);
    const release = await ws.createRelease(`ADO release ${stamp}`);
    [feature] = (await ws.createFeatures(release.id, [`Offline maps ${stamp}`])) as [SeededFeature];
    await ws.addRequirements(feature.id, ['Download a region', 'Expire old tiles']);
    await ws.attachFile(feature.id, 'map-sketch.png', 'image/png', PNG);
  } finally {
    await api.dispose();
  }
});

test('Send to Azure DevOps: the feature, two requirements and a file; the link opens the work item; a state changed there moves the card', async ({
  page,
  loginAsOwner,
}) => {
  test.setTimeout(90_000);
  const board = new BoardPage(page);
  const links = new FeatureIntegrationsPage(page);
  const developer = new AzureDevOpsUser(simulatorUrl);

  await test.step('Send to Azure DevOps from the feature', async () => {
    await loginAsOwner(`/w/${platform.key}/features`);
    await board.expectLoaded();
    await board.openFeature(feature.referenceNum);
    await links.sendTo(NAME);
    await links.expectLinked(NAME, { timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('ado-send-linked.png') });
  });

  let workItemId = 0;
  await test.step('the link opens the work item page, with its file', async () => {
    const tab = await links.openRemoteRecord(NAME);
    const workItem = new AzureDevOpsWorkItemPage(tab);
    await workItem.expectWorkItem(`Offline maps ${stamp}`);
    await expect(async () => {
      await tab.reload();
      await workItem.expectAttachment('map-sketch.png');
    }).toPass({ timeout: 10_000 });
    // The two requirements are its children.
    await workItem.expectChildren(2);
    await tab.screenshot({ path: screenshotPath('ado-work-item-page.png'), fullPage: true });
    workItemId = Number(/\/edit\/(\d+)/.exec(tab.url())?.[1]);
    await tab.close();
  });

  await test.step('Active in Azure DevOps moves the card to In development within a second', async () => {
    await page.keyboard.press('Escape');
    await board.expectFeatureIn(feature.referenceNum, 'Under consideration');
    const notReloaded = await watchForReloads(page);
    await developer.changeState(workItemId, 'Active');
    const t0 = Date.now();
    await expect(async () =>
      expect(await board.columnOf(feature.referenceNum)).toBe('In development'),
    ).toPass({ timeout: 5_000, intervals: [50] });
    const moved = Date.now() - t0;
    await board.card(feature.referenceNum).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('ado-board-moved.png') });
    expect(moved, 'the card moved within a second').toBeLessThan(1_000);
    await notReloaded();
  });
});
