import { expect, type Page } from '@playwright/test';

/**
 * Marks the page and returns a check that the mark is still there: a reload or a navigation away
 * from the SPA drops it, so the check fails when a change reached the page only by reloading.
 */
export async function watchForReloads(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    (globalThis as unknown as { tandemNoReload: boolean }).tandemNoReload = true;
  });
  return async () =>
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { tandemNoReload?: boolean }).tandemNoReload,
      ),
      'the page was not reloaded',
    ).toBe(true);
}
