import { expect, type Page } from '@playwright/test';
import { WizardPage } from './wizard.page.ts';

/** Step 2: the address of the Rally site. */
export class AccountUrlStep extends WizardPage {
  constructor(page: Page) {
    super(page);
  }

  get field() {
    return this.step.getByLabel('Rally account URL');
  }

  async enterAccountUrl(url: string): Promise<void> {
    await this.field.fill(url);
  }

  async expectAccountUrl(url: string): Promise<void> {
    await expect(this.field).toHaveValue(url);
  }

  /** The server's message under the field; nothing was saved. */
  async expectUrlRefused(message: string | RegExp): Promise<void> {
    await expect(this.step.getByText(message)).toBeVisible();
    await expect(this.field).toHaveAttribute('aria-invalid', 'true');
  }

  /** A new address would drop the credentials granted for the saved one: said before saving. */
  async expectConnectionWouldBeDropped(savedUrl: string): Promise<void> {
    await expect(this.connectionWarning).toBeVisible();
    await expect(this.connectionWarning).toContainText(`connected to ${savedUrl} now`);
  }

  async expectNoConnectionWarning(): Promise<void> {
    await expect(this.connectionWarning).toHaveCount(0);
  }

  private get connectionWarning() {
    return this.page.getByRole('status').filter({ hasText: 'removes that connection' });
  }

  async expectLockedBecauseUsed(): Promise<void> {
    await expect(this.field).toBeDisabled();
    await expect(
      this.step.getByText(/locked because the integration has already sent/),
    ).toBeVisible();
  }
}
