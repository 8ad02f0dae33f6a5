import { expect, type Page } from '@playwright/test';
import { WizardPage } from './wizard.page.ts';

/** Step 5: the Rally project (a tree), and whether child projects are excluded. */
export class ProjectStep extends WizardPage {
  constructor(page: Page) {
    super(page);
  }

  async search(text: string): Promise<void> {
    await this.step.getByRole('searchbox', { name: 'Search projects' }).fill(text);
  }

  async chooseProject(name: string): Promise<void> {
    await this.step
      .getByRole('radio', { name: new RegExp(`^${name}( \\d+ child projects?)?$`) })
      .check();
  }

  async expectChosen(name: string): Promise<void> {
    await expect(
      this.step.getByRole('radio', { name: new RegExp(`^${name}( \\d+ child projects?)?$`) }),
    ).toBeChecked();
  }

  get excludeChildUpdatesBox() {
    return this.step.getByRole('checkbox', { name: 'Exclude child updates' });
  }

  async excludeChildUpdates(): Promise<void> {
    await this.excludeChildUpdatesBox.check();
  }

  async expectChildUpdatesExcluded(): Promise<void> {
    await expect(this.excludeChildUpdatesBox).toBeChecked();
  }
}
