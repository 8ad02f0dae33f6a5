import { expect, type Page } from '@playwright/test';
import { WizardPage } from './wizard.page.ts';

/** Step 8: how changes travel, then enable. */
export class EnableStep extends WizardPage {
  constructor(page: Page) {
    super(page);
  }

  async expectDefaults(): Promise<void> {
    await expect(
      this.step.getByRole('radio', { name: /^Automatically send outgoing changes/ }),
    ).toBeChecked();
    await expect(
      this.step.getByRole('radio', { name: /^Automatically import new records/ }),
    ).toBeChecked();
  }

  async approveOutgoingChanges(): Promise<void> {
    await this.step.getByRole('radio', { name: /^Approve outgoing changes/ }).check();
  }

  async sendOutgoingChangesAutomatically(): Promise<void> {
    await this.step.getByRole('radio', { name: /^Automatically send outgoing changes/ }).check();
  }

  async saveAndEnable(): Promise<void> {
    await this.step.getByRole('button', { name: /^(Save and enable|Save changes)$/ }).click();
  }

  async expectEnabled(name: string): Promise<void> {
    await expect(
      this.step.getByRole('status').filter({ hasText: `${name} is enabled` }),
    ).toBeVisible();
  }
}
