import { expect, type Page } from '@playwright/test';
import { WizardPage } from './wizard.page.ts';

/** Step 1: the integration's name and, optionally, a template. */
export class NameTemplateStep extends WizardPage {
  constructor(page: Page) {
    super(page);
  }

  async nameIntegration(name: string): Promise<void> {
    await this.step.getByLabel('Integration name').fill(name);
  }

  async chooseTemplate(name: string): Promise<void> {
    await this.step.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
  }

  async expectName(name: string): Promise<void> {
    await expect(this.step.getByLabel('Integration name')).toHaveValue(name);
  }
}
