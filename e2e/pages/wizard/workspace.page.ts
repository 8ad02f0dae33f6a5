import { expect, type Page } from '@playwright/test';
import { WizardPage } from './wizard.page.ts';

/** Step 4: the Rally workspace, from the ones the connected user can see. */
export class WorkspaceStep extends WizardPage {
  constructor(page: Page) {
    super(page);
  }

  async search(text: string): Promise<void> {
    await this.step.getByRole('searchbox', { name: 'Search workspaces' }).fill(text);
  }

  async chooseWorkspace(name: string): Promise<void> {
    await this.step.getByRole('radio', { name, exact: true }).check();
  }

  async expectChosen(name: string): Promise<void> {
    await expect(this.step.getByRole('radio', { name, exact: true })).toBeChecked();
  }

  async expectChoices(names: string[]): Promise<void> {
    await expect(this.step.getByRole('radio')).toHaveCount(names.length);
    for (const name of names) await expect(this.step.getByRole('radio', { name })).toBeVisible();
  }
}
