import { demo, expect, screenshotPath, test } from '../fixtures.ts';
import { FeatureIntegrationsPage } from '../pages/integrations/feature-integrations.page.ts';
import { RallyUser } from '../pages/integrations/rally-user.ts';
import { RallyWorkspace, type SeededFeature } from '../pages/integrations/rally-workspace.ts';
import { FeatureDrawerPage } from '../pages/roadmap/feature-drawer.page.ts';

const mobile = demo.workspaces.mobile;
const simulatorUrl = process.env.E2E_SIM_RALLY_URL ?? 'http://127.0.0.1:4110';
const stamp = Date.now().toString(36).slice(-5).toUpperCase();
const AUTO = `Rally auto ${stamp}`;
const APPROVE = `Rally approval ${stamp}`;

test.describe.configure({ mode: 'serial' });

type Linked = SeededFeature & { remoteId: string };
let sentByItself: Linked;
let waitsForApproval: Linked;

test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  const rally = new RallyWorkspace(api, simulatorUrl);
  await rally.signIn(demo.owner.email, demo.password, mobile.key);
  const release = await rally.createRelease(`Outgoing ${stamp}`);
  const [auto, approve] = await rally.createFeatures(release.id, [
    `Sent by itself ${stamp}`,
    `Waits for approval ${stamp}`,
  ]);
  const autoId = await rally.enableRallyIntegration(AUTO);
  const approveId = await rally.enableRallyIntegration(APPROVE, undefined, {
    sendMode: 'approve',
  });
  const [a] = await rally.sendAndLink(autoId, [auto!]);
  const [b] = await rally.sendAndLink(approveId, [approve!]);
  sentByItself = { ...auto!, remoteId: a!.remoteId };
  waitsForApproval = { ...approve!, remoteId: b!.remoteId };
  await api.dispose();
});

test('a linked feature renamed in the drawer is renamed in Rally, without Send', async ({
  page,
  playwright,
  loginAsContributor,
}) => {
  const drawer = new FeatureDrawerPage(page);
  const integrations = new FeatureIntegrationsPage(page);
  const rallyApi = await playwright.request.newContext();
  const rally = new RallyUser(rallyApi, simulatorUrl);

  await loginAsContributor(`/w/${mobile.key}/features/${sentByItself.referenceNum}`);
  await drawer.expectOpen(sentByItself.referenceNum);
  await integrations.expectState(AUTO, 'Linked');
  await drawer.rename(`Renamed in Tandem ${stamp}`);
  await drawer.expectSaved();
  await expect
    .poll(async () => (await rally.feature(sentByItself.remoteId)).Name, { timeout: 10_000 })
    .toBe(`Renamed in Tandem ${stamp}`);
  await integrations.expectState(AUTO, 'Linked');
  await integrations.section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('outgoing-sent.png') });
  await rallyApi.dispose();
});

test('in approve mode a rename waits in the drawer until someone approves it', async ({
  page,
  playwright,
  loginAsContributor,
  expectAccessible,
}) => {
  const drawer = new FeatureDrawerPage(page);
  const integrations = new FeatureIntegrationsPage(page);
  const rallyApi = await playwright.request.newContext();
  const rally = new RallyUser(rallyApi, simulatorUrl);
  const before = await rally.feature(waitsForApproval.remoteId);

  await loginAsContributor(`/w/${mobile.key}/features/${waitsForApproval.referenceNum}`);
  await drawer.expectOpen(waitsForApproval.referenceNum);

  await test.step('the rename waits: Rally keeps its name', async () => {
    await drawer.rename(`Approved rename ${stamp}`);
    await drawer.expectSaved();
    await integrations.expectApproval(APPROVE, ['Name']);
    await integrations.expectState(APPROVE, 'Changes waiting for approval');
    expect((await rally.feature(waitsForApproval.remoteId)).VersionId).toBe(before.VersionId);
    await integrations.approval(APPROVE).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('outgoing-approval.png') });
    await expectAccessible('the approval panel in the drawer', { within: '[role="dialog"]' });
  });

  await test.step('approved: Rally gets the new name', async () => {
    await integrations.approveChanges(APPROVE);
    await expect
      .poll(async () => (await rally.feature(waitsForApproval.remoteId)).Name, {
        timeout: 10_000,
      })
      .toBe(`Approved rename ${stamp}`);
    await integrations.expectState(APPROVE, 'Linked');
  });
  await rallyApi.dispose();
});
