import { demo, expect, screenshotPath, test } from '../fixtures.ts';
import { BulkSendPage } from '../pages/integrations/bulk-send.page.ts';
import { FeatureIntegrationsPage } from '../pages/integrations/feature-integrations.page.ts';
import type { SeededFeature } from '../pages/integrations/rally-workspace.ts';
import { BoardPage } from '../pages/roadmap/board.page.ts';
import { FeatureDrawerPage } from '../pages/roadmap/feature-drawer.page.ts';
import { expectNoSideScroll } from '../support/layout.ts';
import { runStamp, seedAsOwner, simulatorUrl } from '../support/rally-seed.ts';

/**
 * Issue 20: sync state where people look. A linked feature says it is up to date (header, menu,
 * log) instead of doing nothing on a second send; the board shows remote references and filters
 * by sync state; the send plan is a table that names each record once and says what does not
 * travel; Status mapped from the remote only says so where it is changed.
 */
const mobile = demo.workspaces.mobile;
const stamp = runStamp();
const RALLY = `Sync state ${stamp}`;

let integrationId = '';
let workspaceId = '';
let release: { id: string; name: string };
let linked: SeededFeature;
let unsent: SeededFeature;
let formattedId = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright, baseURL }) => {
  await seedAsOwner(playwright, baseURL, async (rally) => {
    // Status comes from the remote only (as in the demo): the drawer and the plan must say so.
    integrationId = await rally.enableTwoWayRallyIntegration(RALLY);
    workspaceId = rally.workspaceId;
    release = await rally.createRelease(`Sync ${stamp}`);
    [linked, unsent] = (await rally.createFeatures(release.id, [
      `Linked ${stamp}`,
      `Unsent ${stamp}`,
    ])) as [SeededFeature, SeededFeature];
    const [sent] = await rally.sendAndLink(integrationId, [linked]);
    formattedId = sent?.formattedId ?? '';
  });
});

test('sending a linked feature again says it is up to date, in the header, the menu and the log', async ({
  page,
  loginAsContributor,
  expectAccessible,
}) => {
  const drawer = new FeatureDrawerPage(page);
  const integrations = new FeatureIntegrationsPage(page);
  await loginAsContributor(
    `/w/${mobile.key}/features/${linked.referenceNum}?release=${release.id}`,
  );
  await drawer.expectOpen(linked.referenceNum);

  await test.step('the header says where the feature is', async () => {
    await integrations.expectSendControl(`In ${RALLY} — up to date`);
  });

  await test.step('Status mapped from the remote only says so where it is changed', async () => {
    // Other flows' integrations may map it the same way: the hint names each, this one included.
    await expect(page.getByText(/^Changes here (stay in Tandem|are not sent)/)).toContainText(
      RALLY,
    );
  });

  await test.step('the menu says up to date; sending anyway says so and logs it', async () => {
    await integrations.openSendMenu();
    const item = integrations.sendMenu.getByRole('menuitem', {
      name: `In ${RALLY} (${formattedId}): up to date`,
    });
    await expect(item).toBeVisible();
    await page.screenshot({ path: screenshotPath('send-control-up-to-date.png') });
    await expectAccessible('the send control', { within: '[role="dialog"]' });
    await item.click();
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(
      `${linked.referenceNum} is already up to date in ${RALLY}`,
    );
    const log = await page.request.get(
      `/api/workspaces/${workspaceId}/integrations/${integrationId}/log?event=send_up_to_date`,
    );
    expect(log.ok()).toBe(true);
    const { entries } = (await log.json()) as { entries: { message: string }[] };
    expect(entries.map((e) => e.message)).toContain(
      `${linked.referenceNum} is already up to date in ${RALLY}: nothing changed since it was last sent, so nothing was sent`,
    );
  });
});

for (const size of [
  { width: 1400, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`the board shows remote references and filters by sync state at ${size.width} px`, async ({
    page,
    loginAsContributor,
    expectAccessible,
  }) => {
    await page.setViewportSize(size);
    const board = new BoardPage(page);
    await loginAsContributor(`/w/${mobile.key}/features?release=${release.id}`);
    await board.expectLoaded();

    await test.step('the linked card links to its remote record', async () => {
      const chip = board.card(linked.referenceNum).getByRole('link', {
        name: `${formattedId} in ${RALLY} (opens in a new tab)`,
      });
      await expect(chip).toBeVisible();
      expect((await chip.getAttribute('href')) ?? '').toMatch(new RegExp(`^${simulatorUrl}/`));
      await expect(
        board.card(unsent.referenceNum).getByRole('link', { name: /opens in a new tab/ }),
      ).toHaveCount(0);
      await expectNoSideScroll(page, 'the board with sync state');
      await page.screenshot({ path: screenshotPath(`board-sync-${size.width}.png`) });
    });

    await test.step('Not sent yet keeps only what no integration has', async () => {
      await page.getByRole('combobox', { name: 'Sync' }).selectOption('unsent');
      await expect(board.card(unsent.referenceNum)).toBeVisible();
      await expect(board.card(linked.referenceNum)).toHaveCount(0);
      await expect(page).toHaveURL(/sync=unsent/);
    });

    await test.step('Needs attention: nothing in this release waits for anyone', async () => {
      await page.getByRole('combobox', { name: 'Sync' }).selectOption('attention');
      await expect(board.card(linked.referenceNum)).toHaveCount(0);
      await expect(board.card(unsent.referenceNum)).toHaveCount(0);
      await expect(page.getByRole('status').filter({ hasText: 'No features match' })).toBeVisible();
      await expectAccessible('the board filtered by sync state');
    });
  });
}

test('the bulk send plan is a table: one row per record, each reference once, what does not travel', async ({
  page,
  loginAsContributor,
  expectAccessible,
}) => {
  const board = new BoardPage(page);
  const bulk = new BulkSendPage(page);
  await loginAsContributor(`/w/${mobile.key}/features?release=${release.id}`);
  await board.expectLoaded();
  await board.selectFeatures([linked.referenceNum, unsent.referenceNum]);
  await bulk.openFromSelection();
  await bulk.chooseIntegration(RALLY);
  await bulk.expectPlan('Create 1 feature');
  const table = bulk.dialog.getByRole('table');
  await expect(
    table.getByRole('row', { name: new RegExp(`^${linked.referenceNum} .*Already up to date`) }),
  ).toBeVisible();
  await expect(
    table.getByRole('row', { name: new RegExp(`^${unsent.referenceNum} .*New in ${RALLY}`) }),
  ).toBeVisible();
  await expect(bulk.dialog).toContainText(`Status of features is mapped “From ${RALLY} only”`);
  // Bug 9: no warning names its record twice ("APP-1 APP-1: …").
  await expect(bulk.dialog).not.toContainText(/(APP-\d+)\s*:?\s*\1\b/);
  await page.screenshot({ path: screenshotPath('bulk-send-plan-table.png') });
  await expectAccessible('the bulk send plan table', { within: 'dialog[open]' });
});
