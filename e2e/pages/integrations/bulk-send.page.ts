import { expect, type Locator, type Page } from '@playwright/test';

/** The bulk send dialog: the dry-run plan first, then a live bar and each record's result. */
export class BulkSendPage {
  readonly page: Page;
  readonly dialog: Locator;
  readonly progress: Locator;
  readonly results: Locator;

  constructor(page: Page) {
    this.page = page;
    this.dialog = page.getByRole('dialog', { name: /^Send / });
    this.progress = this.dialog.getByRole('progressbar');
    this.results = this.dialog.getByRole('list', { name: 'Results' });
  }

  /** From the board's selection bar. */
  async openFromSelection(): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Selection' })
      .getByRole('button', { name: 'Send to…' })
      .click();
    await expect(this.dialog).toBeVisible();
  }

  /** From a release's row on the releases page. */
  async openForRelease(release: string): Promise<void> {
    await this.page.getByRole('button', { name: `Send release ${release}` }).click();
    await expect(this.dialog).toBeVisible();
  }

  async chooseIntegration(name: string): Promise<void> {
    const select = this.dialog.getByRole('combobox', { name: 'Send to' });
    if (await select.isVisible()) await select.selectOption({ label: name });
  }

  /** The dry run says what will happen, e.g. "Create 10 features". */
  async expectPlan(summary: string | RegExp, counts: { create?: number } = {}): Promise<void> {
    await expect(this.dialog).toContainText(summary);
    if (counts.create !== undefined)
      await expect(
        this.dialog
          .getByRole('definition')
          .filter({ hasText: String(counts.create) })
          .first(),
      ).toBeVisible();
  }

  async confirm(integration: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Send to ${integration}` }).click();
    await expect(this.progress).toBeVisible();
  }

  async expectProgress(done: number, total: number, options: { timeout?: number } = {}) {
    await expect(this.progress).toHaveAttribute('aria-valuenow', String(done), options);
    await expect(this.progress).toHaveAttribute('aria-valuemax', String(total));
  }

  result(reference: string): Locator {
    return this.results.getByRole('listitem', { name: reference, exact: true });
  }

  async finish(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
