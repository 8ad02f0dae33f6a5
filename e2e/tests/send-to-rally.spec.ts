import { demo, expect, screenshotPath, test } from '../fixtures.ts';
import { BulkSendPage } from '../pages/integrations/bulk-send.page.ts';
import { FeatureIntegrationsPage } from '../pages/integrations/feature-integrations.page.ts';
import { IntegrationLogPage } from '../pages/integrations/integration-log.page.ts';
import { RallyRecordPage } from '../pages/integrations/rally-record.page.ts';
import { RallyWorkspace, type SeededFeature } from '../pages/integrations/rally-workspace.ts';
import { BoardPage } from '../pages/roadmap/board.page.ts';
import { FeatureDrawerPage } from '../pages/roadmap/feature-drawer.page.ts';
import { watchForReloads } from '../support/no-reload.ts';
import { runStamp, seedAsOwner, simulatorUrl } from '../support/rally-seed.ts';

const mobile = demo.workspaces.mobile;
const stamp = runStamp();
const RALLY = `Rally ${stamp}`;

// One Rally simulator for the run, and a fault rule is global to it: these flows take turns.
test.describe.configure({ mode: 'serial' });

let release: { id: string; name: string };
let features: SeededFeature[] = [];

test.beforeAll(async ({ playwright, baseURL }) => {
  await seedAsOwner(playwright, baseURL, async (rally) => {
    await rally.enableRallyIntegration(RALLY);
    release = await rally.createRelease(`Send ${stamp}`);
    features = await rally.createFeatures(
      release.id,
      Array.from({ length: 13 }, (_, i) => `Send flow ${stamp} #${String(i + 1).padStart(2, '0')}`),
    );
  });
});

test('send one feature: the Rally link appears without a reload and opens the Rally record', async ({
  page,
  loginAsContributor,
  expectAccessible,
}) => {
  const [feature] = features;
  if (!feature) throw new Error('no feature seeded');
  const drawer = new FeatureDrawerPage(page);
  const integrations = new FeatureIntegrationsPage(page);
  await loginAsContributor(`/w/${mobile.key}/features/${feature.referenceNum}`);
  await drawer.expectOpen(feature.referenceNum);
  const notReloaded = await watchForReloads(page);

  await test.step('the Integrations menu offers Send to the enabled Rally integration', async () => {
    await expect(integrations.link(RALLY)).toContainText('Not sent yet');
    await integrations.section.scrollIntoViewIfNeeded();
    await integrations.openSendMenu();
    await integrations.expectSendChoices([RALLY]);
    await page.screenshot({ path: screenshotPath('send-menu.png') });
  });

  let formattedId = '';
  await test.step('sending shows the FormattedID chip within seconds, pushed live', async () => {
    const started = Date.now();
    await integrations.sendTo(RALLY);
    // Within a second when idle; the whole suite on two workers can slow the first send (it also
    // creates the release) to several.
    formattedId = await integrations.expectLinked(RALLY, { timeout: 10_000 });
    test
      .info()
      .annotations.push({ type: 'send → chip', description: `${Date.now() - started} ms` });
    expect(formattedId).toMatch(/^F\d+$/);
    await notReloaded();
    await page.screenshot({ path: screenshotPath('feature-linked.png') });
    await expectAccessible('the linked feature', { within: '[role="dialog"]' });
  });

  await test.step('the chip opens the record on the Rally (simulator) page', async () => {
    const href = (await integrations.chip(RALLY).getAttribute('href')) ?? '';
    expect(href.startsWith(`${simulatorUrl}/slm/#/detail/`)).toBe(true);
    const rallyPage = new RallyRecordPage(await integrations.openRemoteRecord(RALLY));
    await rallyPage.signInIfAsked();
    await rallyPage.expectRecord(formattedId, feature.name);
    await rallyPage.page.close();
  });
});

test('bulk send 10 from the board: the dry-run plan, then progress to 10/10', async ({
  page,
  loginAsContributor,
  expectAccessible,
}) => {
  const ten = features.slice(1, 11);
  const board = new BoardPage(page);
  const bulk = new BulkSendPage(page);
  await loginAsContributor(`/w/${mobile.key}/features?release=${release.id}`);
  await board.expectLoaded();

  await test.step('select ten features and open Send to…', async () => {
    await board.selectFeatures(ten.map((f) => f.referenceNum));
    await bulk.openFromSelection();
    await bulk.chooseIntegration(RALLY);
  });

  await test.step('the dry run says what will be created before anything is sent', async () => {
    await bulk.expectPlan('Create 10 features');
    await page.screenshot({ path: screenshotPath('bulk-send-plan.png') });
    await expectAccessible('the bulk send plan', { within: 'dialog[open]' });
  });

  await test.step('confirming shows live progress until every feature is linked', async () => {
    await bulk.confirm(RALLY);
    await bulk.expectProgress(10, 10, { timeout: 15_000 });
    await expect(bulk.dialog).toContainText('Done: 10 linked');
    for (const f of ten) await expect(bulk.result(f.referenceNum)).toContainText(/F\d+/);
    await page.screenshot({ path: screenshotPath('bulk-send.png') });
    await bulk.finish();
    await expect(board.selectionBar).toBeHidden();
  });
});

test('a send Rally refuses shows the error on the feature, with a link to its log entry', async ({
  page,
  playwright,
  baseURL,
  loginAsContributor,
  expectAccessible,
}) => {
  const feature = features[11];
  if (!feature) throw new Error('no feature seeded');
  const api = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  const rally = new RallyWorkspace(api, simulatorUrl);
  const drawer = new FeatureDrawerPage(page);
  const integrations = new FeatureIntegrationsPage(page);
  const log = new IntegrationLogPage(page);
  const fault = await rally.failNextFeatureCreate(feature.name);
  try {
    await loginAsContributor(`/w/${mobile.key}/features/${feature.referenceNum}`);
    await drawer.expectOpen(feature.referenceNum);

    await test.step('Rally answers 400: the feature says so, in place of a link', async () => {
      await integrations.sendTo(RALLY);
      await integrations.expectSendError(RALLY, /400|Bad Request|refused|error/i);
      await integrations.section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('send-error.png') });
    });

    await test.step('the error links to its entry in the integration log', async () => {
      await integrations.openLogEntry(RALLY);
      await log.expectLoaded();
      await expect(page).toHaveURL(/\/settings\/integrations\/[^/]+\/log\?/);
      await expect(log.openedEntry()).toContainText('Error');
      await expect(log.openedEntry()).toContainText(feature.referenceNum);
      await expect(log.toggle(log.openedEntry())).toHaveAttribute('aria-expanded', 'true');
      await page.screenshot({ path: screenshotPath('integration-log-entry.png') });
      await expectAccessible('the integration log');
    });

    await test.step('the HTTP calls show the refused request and response, redacted', async () => {
      await log.showCallsAround(log.openedEntry());
      await expect(page).toHaveURL(/event=http/);
      // Still narrowed to the feature: its calls only, the refused one among them.
      await expect(page).toHaveURL(new RegExp(`recordId=${feature.id}`));
      const refused = log.entry(/portfolioitem\/feature\/create.*400/i).first();
      await expect(refused).toBeVisible();
      await log.expand(refused);
      await expect(refused).toContainText('"status": 400');
      await expect(refused).not.toContainText('_tandemRallySimAdminKey');
      await page.screenshot({ path: screenshotPath('integration-log.png') });
      await log.searchFor('portfolioitem');
      await expect(refused).toBeVisible();
    });
  } finally {
    await rally.removeFault(fault);
    await api.dispose();
  }
});

test('send a release from the releases page: what is left goes, the rest is already in Rally', async ({
  page,
  loginAsContributor,
}) => {
  const bulk = new BulkSendPage(page);
  await loginAsContributor(`/w/${mobile.key}/releases`);

  await test.step('the plan creates only the features not in Rally yet', async () => {
    await bulk.openForRelease(release.name);
    await bulk.chooseIntegration(RALLY);
    // 13 features: 11 linked by the flows above, one refused (sent again), one never sent.
    await bulk.expectPlan('Create 2 features');
  });

  await test.step('the release and all its features end up linked', async () => {
    await bulk.confirm(RALLY);
    await bulk.expectProgress(14, 14, { timeout: 15_000 });
    await expect(bulk.dialog).toContainText('Done: 14 linked');
    await page.screenshot({ path: screenshotPath('send-release.png') });
    await bulk.finish();
    await expect(page.getByRole('link', { name: `${release.name}, open in Rally` })).toBeVisible();
    await page.screenshot({ path: screenshotPath('release-linked.png') });
  });
});
