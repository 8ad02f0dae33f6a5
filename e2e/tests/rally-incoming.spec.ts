import { demo, expect, screenshotPath, test } from '../fixtures.ts';
import { FeatureIntegrationsPage } from '../pages/integrations/feature-integrations.page.ts';
import { RallyUser } from '../pages/integrations/rally-user.ts';
import type { SeededFeature } from '../pages/integrations/rally-workspace.ts';
import { BoardPage } from '../pages/roadmap/board.page.ts';
import { FeatureDrawerPage } from '../pages/roadmap/feature-drawer.page.ts';
import { watchForReloads } from '../support/no-reload.ts';
import { runStamp, seedAsOwner, simulatorUrl } from '../support/rally-seed.ts';

const mobile = demo.workspaces.mobile;
const stamp = runStamp();
const RALLY = `Rally two-way ${stamp}`;

test.describe.configure({ mode: 'serial' });

let features: (SeededFeature & { remoteId: string })[] = [];

test.beforeAll(async ({ playwright, baseURL }) => {
  features = await seedAsOwner(playwright, baseURL, async (rally) => {
    // Approve mode: Tandem's renames wait unsent, so a Rally rename meanwhile is a conflict (in
    // auto mode the rename would already be in Rally).
    const integrationId = await rally.enableTwoWayRallyIntegration(RALLY, { sendMode: 'approve' });
    const release = await rally.createRelease(`Two-way ${stamp}`);
    const seeded = await rally.createFeatures(release.id, [
      `Status from Rally ${stamp}`,
      `Renamed on both sides ${stamp}`,
    ]);
    const linked = await rally.sendAndLink(integrationId, seeded);
    return seeded.map((f, i) => ({ ...f, remoteId: linked[i]!.remoteId }));
  });
});

test('a state changed in Rally moves the card and shows in the open drawer, without a reload', async ({
  page,
  playwright,
  loginAsContributor,
}) => {
  const [feature] = features;
  if (!feature) throw new Error('no feature seeded');
  const board = new BoardPage(page);
  const drawer = new FeatureDrawerPage(page);
  const rallyApi = await playwright.request.newContext();
  const developer = new RallyUser(rallyApi, simulatorUrl);

  await loginAsContributor(`/w/${mobile.key}/features`);
  await board.expectLoaded();
  await board.expectFeatureIn(feature.referenceNum, 'Under consideration');
  const notReloaded = await watchForReloads(page);

  await test.step('a developer moves the Rally feature to Developing: the card follows', async () => {
    await developer.changeFeature(feature.remoteId, { State: 'Developing' });
    await expect(async () =>
      expect(await board.columnOf(feature.referenceNum)).toBe('In development'),
    ).toPass({ timeout: 10_000 });
    await board.card(feature.referenceNum).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('incoming-board-moved.png') });
    await notReloaded();
  });

  await test.step('with the drawer open, Done in Rally shows as Shipped there', async () => {
    await board.openFeature(feature.referenceNum);
    await drawer.expectOpen(feature.referenceNum);
    await drawer.expectProperty('Status', 'In development');
    await developer.changeFeature(feature.remoteId, {
      State: 'Done',
      Name: `Shipped from Rally ${stamp}`,
    });
    await drawer.expectProperty('Status', 'Shipped');
    await drawer.expectName(`Shipped from Rally ${stamp}`);
    await page.screenshot({ path: screenshotPath('incoming-drawer-status.png') });
    await notReloaded();
  });
  await rallyApi.dispose();
});

test('a conflict shows in the drawer; taking Rally’s and keeping Tandem’s both settle it', async ({
  page,
  playwright,
  loginAsContributor,
  expectAccessible,
}) => {
  const feature = features[1];
  if (!feature) throw new Error('no feature seeded');
  const drawer = new FeatureDrawerPage(page);
  const integrations = new FeatureIntegrationsPage(page);
  const rallyApi = await playwright.request.newContext();
  const developer = new RallyUser(rallyApi, simulatorUrl);

  await loginAsContributor(`/w/${mobile.key}/features/${feature.referenceNum}`);
  await drawer.expectOpen(feature.referenceNum);
  await integrations.expectState(RALLY, 'Linked');

  await test.step('both rename: the drawer shows both names side by side', async () => {
    await drawer.rename(`Ours ${stamp}`);
    await drawer.expectSaved();
    await developer.changeFeature(feature.remoteId, { Name: `Theirs ${stamp}` });
    await integrations.expectConflict(RALLY, {
      label: 'Name',
      tandem: `Ours ${stamp}`,
      rally: `Theirs ${stamp}`,
    });
    await integrations.expectState(RALLY, 'Changed on both sides');
    await expect(integrations.conflictNotice()).toContainText(
      'Name changed in Tandem and in Rally. Choose which to keep.',
    );
    await page.screenshot({ path: screenshotPath('incoming-conflict-notice.png') });
    await integrations.reviewConflict(RALLY);
    await page.screenshot({ path: screenshotPath('incoming-conflict.png') });
    await expectAccessible('the conflict in the drawer', { within: '[role="dialog"]' });
  });

  await test.step('text scrolled up to the notice is not covered by it', async () => {
    // A line of the drawer's text half scrolled out of view at the top.
    const covered = await drawer.drawer().evaluate((dialog) => {
      const line = [...dialog.querySelectorAll('p')].find((p) =>
        p.textContent?.startsWith('Created '),
      );
      let scroller = line?.parentElement;
      while (scroller && scroller.scrollHeight <= scroller.clientHeight)
        scroller = scroller.parentElement;
      if (!scroller || !line) throw new Error('no text line in a scrolling drawer body');
      const box = () => line.getBoundingClientRect();
      const top = scroller.scrollTop + box().top - scroller.getBoundingClientRect().top;
      scroller.scrollTo({ top: top + box().height / 2, behavior: 'instant' });
      const notice = [...dialog.querySelectorAll('[role="status"]')]
        .find((el) => el.textContent?.includes('changed in Tandem and in'))!
        .getBoundingClientRect();
      return { noticeBottom: notice.bottom, visibleFrom: scroller.getBoundingClientRect().top };
    });
    await page.screenshot({
      path: screenshotPath('incoming-conflict-scrolled.png'),
      clip: { x: 545, y: 0, width: 735, height: 260 },
    });
    expect(
      covered.visibleFrom - covered.noticeBottom,
      'the body is cut a gap below the notice, not flush under it',
    ).toBeGreaterThanOrEqual(8);
  });

  await test.step('take Rally’s: the name becomes Rally’s, Rally is left as it is', async () => {
    const before = await developer.feature(feature.remoteId);
    await integrations.takeRallys(RALLY);
    await expect(integrations.conflictNotice()).toBeHidden();
    await drawer.expectName(`Theirs ${stamp}`);
    await integrations.expectState(RALLY, 'Linked');
    expect((await developer.feature(feature.remoteId)).VersionId).toBe(before.VersionId);
  });

  await test.step('again, and keep Tandem’s: Rally gets Tandem’s name', async () => {
    await drawer.rename(`Ours again ${stamp}`);
    await drawer.expectSaved();
    await developer.changeFeature(feature.remoteId, { Name: `Theirs again ${stamp}` });
    await integrations.expectConflict(RALLY, {
      label: 'Name',
      tandem: `Ours again ${stamp}`,
      rally: `Theirs again ${stamp}`,
    });
    await integrations.keepTandems(RALLY);
    await integrations.expectState(RALLY, 'Linked');
    await expect
      .poll(async () => (await developer.feature(feature.remoteId)).Name, { timeout: 10_000 })
      .toBe(`Ours again ${stamp}`);
    await drawer.expectName(`Ours again ${stamp}`);
    await integrations.section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('incoming-conflict-resolved.png') });
  });
  await rallyApi.dispose();
});
