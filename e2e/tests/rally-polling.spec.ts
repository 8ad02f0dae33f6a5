import { demo, expect, screenshotPath, test } from '../fixtures.ts';
import { RallyUser } from '../pages/integrations/rally-user.ts';
import type { SeededFeature } from '../pages/integrations/rally-workspace.ts';
import { FeatureDrawerPage } from '../pages/roadmap/feature-drawer.page.ts';
import { runStamp, seedLinkedFeature, simulatorUrl } from '../support/rally-seed.ts';

const mobile = demo.workspaces.mobile;
const stamp = runStamp();
/** Dana's key: not a subscription administrator, so Rally refuses to register webhooks. */
const DEVELOPER_KEY = '_tandemRallySimDeveloperKey0000000000000';

let integrationId = '';
let feature: (SeededFeature & { remoteId: string }) | undefined;

test.beforeAll(async ({ playwright, baseURL }) => {
  ({ integrationId, feature } = await seedLinkedFeature(
    playwright,
    baseURL,
    {
      integration: `Rally polled ${stamp}`,
      release: `Polled ${stamp}`,
      feature: `Polled from Rally ${stamp}`,
    },
    { apiKey: DEVELOPER_KEY },
  ));
});

test('without webhooks, the owner checks Rally for changes and the feature follows', async ({
  page,
  playwright,
  loginAsOwner,
  expectAccessible,
}) => {
  if (!feature) throw new Error('no feature seeded');
  const rallyApi = await playwright.request.newContext();
  const planner = new RallyUser(rallyApi, simulatorUrl, 'pat.planner@acme.example');
  const check = page.getByRole('button', { name: 'Check for changes now' });
  const section = page.getByRole('region', { name: 'Changes from Rally' });

  await loginAsOwner(`/w/${mobile.key}/settings/integrations/${integrationId}`);
  await expect(section).toContainText(
    'Rally did not let this account register webhooks, so Tandem checks for changes every 60 minutes.',
  );

  await test.step('the first check starts watching', async () => {
    await check.click();
    // The server's own first poll may have started already; other specs' Rally records in the
    // same project may show up as changes this integration leaves alone.
    await expect(
      page.getByText(
        /^(Started watching: changes made from now on come in|Nothing changed since the last check|\d+ changes?: .*)$/,
      ),
    ).toBeVisible();
    await expect(section).not.toContainText('Last checked: Never');
  });

  await test.step('a planner moves the feature in Rally; the next check brings it in', async () => {
    await planner.changeFeature(feature!.remoteId, { State: 'Developing' });
    await check.click();
    await expect(page.getByText(/^\d+ changes?: (.*, )?1 applied/)).toBeVisible();
    await page.screenshot({ path: screenshotPath('integration-polling.png') });
    await expectAccessible('the integration page with its changes section');
  });

  await test.step('the feature shows the new status', async () => {
    await page.goto(`/w/${mobile.key}/features/${feature!.referenceNum}`);
    const drawer = new FeatureDrawerPage(page);
    await drawer.expectOpen(feature!.referenceNum);
    await drawer.expectProperty('Status', 'In development');
  });
  await rallyApi.dispose();
});
