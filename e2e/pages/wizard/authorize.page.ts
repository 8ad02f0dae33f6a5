import { expect, type Page } from '@playwright/test';
import { WizardPage } from './wizard.page.ts';

/** Step 3: connecting through Rally's own sign-in page (or an API key). */
export class AuthorizeStep extends WizardPage {
  constructor(page: Page) {
    super(page);
  }

  /** Leaves Tandem for Rally's sign-in page. */
  async connectToRally(): Promise<void> {
    await this.step.getByRole('button', { name: /^(Connect to Rally|Connect again)$/ }).click();
  }

  async expectConnectedAs(name: string): Promise<void> {
    await expect(
      this.step.getByRole('status').filter({ hasText: `Connected to Rally as ${name}` }),
    ).toBeVisible();
  }

  /** Rally gave no end date: the step says the connection lasts while used, and no date. */
  async expectGrantStaysValidWhileUsed(): Promise<void> {
    await expect(this.step.getByText(/stays valid while Tandem uses it/)).toBeVisible();
    await expect(this.step.getByText(/permission (lasts until|ends on)/)).toHaveCount(0);
  }

  async expectNotConnected(): Promise<void> {
    await expect(this.step.getByText('Not connected yet.')).toBeVisible();
  }

  async connectWithApiKey(apiKey: string): Promise<void> {
    await this.step.getByText('Use an API key instead').click();
    await this.step.getByLabel('Rally API key').fill(apiKey);
    await this.step.getByRole('button', { name: 'Connect with API key' }).click();
  }
}
