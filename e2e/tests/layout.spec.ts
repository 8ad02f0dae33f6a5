import { demo, expect, screenshotPath, test } from '../fixtures.ts';
import { BoardPage } from '../pages/roadmap/board.page.ts';
import { FeatureDrawerPage } from '../pages/roadmap/feature-drawer.page.ts';
import {
  expectNoSideScroll,
  expectOnScreen,
  overlap,
  squeezedNames,
  WIDTHS,
  widthsOf,
} from '../support/layout.ts';
import { runStamp, seedLinkedFeature } from '../support/rally-seed.ts';

const mobile = demo.workspaces.mobile;
const stamp = runStamp();
let integrationId = '';

test.beforeAll(async ({ playwright, baseURL }) => {
  ({ integrationId } = await seedLinkedFeature(playwright, baseURL, {
    integration: `Rally layout ${stamp}`,
    release: `Layout ${stamp}`,
    feature: `Layout flow ${stamp}`,
  }));
});

/** Every main page of the app, signed in as an owner (who sees them all). */
const pages = () => {
  const settings = `/w/${mobile.key}/settings/integrations`;
  return [
    ['the board', `/w/${mobile.key}/features`],
    ['the board grouped by release', `/w/${mobile.key}/features?groupBy=release`],
    ['the feature drawer', `/w/${mobile.key}/features/APP-1`],
    ['the releases', `/w/${mobile.key}/releases`],
    ['the initiatives', `/w/${mobile.key}/initiatives`],
    ['the integrations', settings],
    ['an integration', `${settings}/${integrationId}`],
    ['its log', `${settings}/${integrationId}/log?level=debug,info,warn,error`],
    ['the templates', `${settings}/templates`],
    ['the report', `${settings}/report`],
    ['a new integration', `${settings}/new/wizard/name`],
    ['an unknown page', `/w/${mobile.key}/nowhere`],
  ] as const;
};

for (const size of WIDTHS) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('no page scrolls sideways as a whole', async ({ page, loginPage, loginAsOwner }) => {
      // A dozen pages, each loaded in full.
      test.slow();
      await loginPage.goto();
      await expectNoSideScroll(page, 'the login page');
      await loginAsOwner();
      for (const [what, path] of pages()) {
        await page.goto(path);
        await expect(page.getByRole('heading').first()).toBeVisible();
        await expect(page.getByRole('img', { name: /^Loading/ })).toHaveCount(0);
        await expectNoSideScroll(page, what);
      }
    });

    test('the board scrolls inside itself; the drawer stays on screen', async ({
      page,
      loginAsOwner,
    }) => {
      const board = new BoardPage(page);
      const drawer = new FeatureDrawerPage(page);
      await loginAsOwner(`/w/${mobile.key}/features`);
      await board.expectLoaded();
      // Card parts drawn out of flow (screen-reader text, the hover toolbar) stay in the board.
      await board.card('APP-1').hover();
      await expectNoSideScroll(page, 'the board with a card hovered');
      const columns = page.locator('[data-column]');
      const scroller = columns.first().locator('..');
      const sizes = await scroller.evaluate((el) => ({
        scroll: el.scrollWidth,
        box: el.clientWidth,
      }));
      expect(sizes.scroll, 'the columns are wider than the window').toBeGreaterThan(sizes.box);
      await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      await expectNoSideScroll(page, 'the board scrolled to its last column');
      await expect(
        page
          .getByRole('navigation', { name: 'Main' })
          .or(page.getByRole('button', { name: 'Open navigation' }))
          .first(),
      ).toBeInViewport();
      await page.screenshot({ path: screenshotPath(`layout-board-${size.width}.png`) });

      await board.openFeature('APP-1');
      await drawer.expectOpen('APP-1');
      await expectOnScreen(drawer.drawer(), 'the feature drawer');
      await expectOnScreen(drawer.name, 'the feature name field');
      await expectNoSideScroll(page, 'the board with the drawer open');
      await page.screenshot({ path: screenshotPath(`layout-drawer-${size.width}.png`) });
    });

    test('releases keep their names, and the status clear of the dates', async ({
      page,
      loginAsOwner,
    }) => {
      await loginAsOwner(`/w/${mobile.key}/releases`);
      const rows = page.getByRole('region', { name: 'Scheduled' }).getByRole('listitem');
      await expect(rows.first()).toBeVisible();
      // Each row's first link is the release's name (an "In Rally" link may follow).
      const names = rows.locator('xpath=(.//a)[1]');
      expect(await squeezedNames(names, 80), 'release names cut short').toEqual([]);
      const first = rows.first();
      const status = first.getByText('In progress').or(first.getByText('Planned')).first();
      const dates = first.locator('p').filter({ hasText: /\d{4}/ }).first();
      await expect(status).toBeVisible();
      expect(await overlap(status, dates), 'the status pill covers the dates').toBe(false);
      expect(await overlap(status, names.first()), 'the status pill covers the name').toBe(false);
      await expectNoSideScroll(page, 'the releases');
      await page.screenshot({
        path: screenshotPath(`layout-releases-${size.width}.png`),
        fullPage: true,
      });
    });

    test('the log keeps room for its messages', async ({ page, loginAsOwner }) => {
      await loginAsOwner(
        `/w/${mobile.key}/settings/integrations/${integrationId}/log?level=debug,info,warn,error`,
      );
      const entries = page.getByRole('list', { name: 'Log entries' }).getByRole('listitem');
      await expect(entries.first()).toBeVisible();
      const messages = entries.locator('button[aria-expanded] > span:last-child');
      for (const width of await widthsOf(messages)) expect(width).toBeGreaterThanOrEqual(200);
      await expectNoSideScroll(page, 'the log');
      await page.screenshot({ path: screenshotPath(`layout-log-${size.width}.png`) });
    });
  });
}
