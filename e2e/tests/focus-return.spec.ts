import { demo, expect, test } from '../fixtures.ts';
import { BulkSendPage } from '../pages/integrations/bulk-send.page.ts';
import { BoardPage } from '../pages/roadmap/board.page.ts';
import { FeatureDrawerPage } from '../pages/roadmap/feature-drawer.page.ts';
import { WIDTHS } from '../support/layout.ts';

const mobile = demo.workspaces.mobile;

for (const size of WIDTHS) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('closing the drawer puts focus back on the card it was opened from', async ({
      page,
      loginAsContributor,
    }) => {
      const board = new BoardPage(page);
      const drawer = new FeatureDrawerPage(page);
      await loginAsContributor(`/w/${mobile.key}/features`);
      await board.expectLoaded();
      const link = board.card('APP-2').getByRole('link');

      await test.step('Escape', async () => {
        await link.focus();
        await page.keyboard.press('Enter');
        await drawer.expectOpen('APP-2');
        await page.keyboard.press('Escape');
        await expect(drawer.drawer()).toBeHidden();
        await expect(link).toBeFocused();
      });

      await test.step('the × button', async () => {
        await page.keyboard.press('Enter');
        await drawer.expectOpen('APP-2');
        await drawer.close();
        await expect(link).toBeFocused();
      });
    });

    test('cancelling the bulk send puts focus back where it was', async ({
      page,
      loginAsContributor,
    }) => {
      const board = new BoardPage(page);
      const bulk = new BulkSendPage(page);
      await loginAsContributor(`/w/${mobile.key}/features`);
      await board.expectLoaded();
      await board.selectFeatures(['APP-2']);
      const opener = board.selectionBar.getByRole('button', { name: 'Send to…' });

      await bulk.openFromSelection();
      await page.keyboard.press('Escape');
      await expect(bulk.dialog).toBeHidden();
      await expect(opener).toBeFocused();

      await bulk.openFromSelection();
      await bulk.dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(bulk.dialog).toBeHidden();
      await expect(opener).toBeFocused();
      // The selection stays, so the bar and its *Send to…* are still there to go on from.
      await expect(board.selectionBar).toContainText('1 selected');
    });
  });
}
