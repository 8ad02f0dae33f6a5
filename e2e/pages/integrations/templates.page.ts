import { expect, type Page } from '@playwright/test';

/** Settings → Integrations → Templates: the account's integration templates. */
export class TemplatesPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto(workspaceKey: string): Promise<void> {
    await this.page.goto(`/w/${workspaceKey}/settings/integrations/templates`);
    await this.expectOn();
  }

  async expectOn(): Promise<void> {
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Integration templates' }),
    ).toBeVisible();
  }

  /** A template that starts empty opens on its own page, ready to be connected. */
  async createEmptyTemplate(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New template' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New integration template' });
    await dialog.getByLabel('Template name').fill(name);
    await dialog.getByRole('button', { name: 'Create template' }).click();
    await expect(dialog).toBeHidden();
  }

  async openTemplate(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
  }

  async expectConnection(name: string, badge: 'Connected' | 'Not connected'): Promise<void> {
    await expect(
      this.page.getByRole('listitem').filter({ hasText: name }).getByText(badge, { exact: true }),
    ).toBeVisible();
  }
}
