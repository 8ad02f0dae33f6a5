import { demo, expect, screenshotPath, test } from '../fixtures.ts';
import { RallyUser } from '../pages/integrations/rally-user.ts';
import { RALLY_PROJECT, type SeededFeature } from '../pages/integrations/rally-workspace.ts';
import { FeatureDrawerPage } from '../pages/roadmap/feature-drawer.page.ts';
import { runStamp, seedLinkedFeature, simulatorUrl } from '../support/rally-seed.ts';

const mobile = demo.workspaces.mobile;
const stamp = runStamp();

let integrationId = '';
let feature: (SeededFeature & { remoteId: string }) | undefined;

test.beforeAll(async ({ playwright, baseURL }) => {
  ({ integrationId, feature } = await seedLinkedFeature(
    playwright,
    baseURL,
    {
      integration: `Rally by hand ${stamp}`,
      release: `By hand ${stamp}`,
      feature: `Imported by hand ${stamp}`,
    },
    { importNewRecords: false },
  ));
});

test('with automatic import off, the owner imports one new Rally story and dismisses another', async ({
  page,
  playwright,
  loginAsOwner,
  expectAccessible,
}) => {
  if (!feature) throw new Error('no feature seeded');
  const rallyApi = await playwright.request.newContext();
  const developer = new RallyUser(rallyApi, simulatorUrl);
  const wanted = await developer.createStory(feature.remoteId, `Keep ${stamp}`, RALLY_PROJECT.id);
  const unwanted = await developer.createStory(feature.remoteId, `Drop ${stamp}`, RALLY_PROJECT.id);
  const section = page.getByRole('region', { name: 'New Rally records to import' });

  await loginAsOwner(`/w/${mobile.key}/settings/integrations/${integrationId}`);
  await expect(async () => {
    await page.reload();
    await expect(section.getByRole('listitem')).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(section).toContainText(`Would become a requirement under ${feature.referenceNum}`);
  await page.screenshot({ path: screenshotPath('import-candidates.png'), fullPage: true });
  await expectAccessible('the integration page with import candidates');

  await section.getByRole('button', { name: `Import ${wanted}` }).click();
  await expect(page.getByText(new RegExp(`^${wanted} imported as `))).toBeVisible();
  await section.getByRole('button', { name: `Dismiss ${unwanted}` }).click();
  await expect(page.getByText(`${unwanted} dismissed`)).toBeVisible();
  await expect(section).toContainText('Nothing waiting.');

  await page.goto(`/w/${mobile.key}/features/${feature.referenceNum}`);
  const drawer = new FeatureDrawerPage(page);
  await drawer.expectOpen(feature.referenceNum);
  await drawer.expectRequirements([`Keep ${stamp}`]);
  await rallyApi.dispose();
});
