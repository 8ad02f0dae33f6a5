import { expect, type Page } from '@playwright/test';

/** The simulator's page for one work item (`/{org}/{project}/_workitems/edit/{id}`). */
export class AzureDevOpsWorkItemPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async expectWorkItem(title: string): Promise<void> {
    await expect(this.page).toHaveURL(/\/_workitems\/edit\/\d+/);
    await expect(this.page.getByText(title).first()).toBeVisible();
  }

  async expectChildren(count: number): Promise<void> {
    await expect(this.page.getByRole('listitem').filter({ hasText: /^Child:/ })).toHaveCount(count);
  }

  async expectAttachment(fileName: string): Promise<void> {
    await expect(this.page.getByText(fileName).first()).toBeVisible();
  }
}
