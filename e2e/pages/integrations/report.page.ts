import { expect, type Locator, type Page } from '@playwright/test';

export type ReportColumn =
  | 'Tandem workspace'
  | 'Integration'
  | 'System'
  | 'Rally account'
  | 'Rally workspace / project'
  | 'Template'
  | 'State'
  | 'Last sync'
  | 'Linked records'
  | 'Errors';

/** The manage-integrations report: every integration of the account, sortable and filterable. */
export class ReportPage {
  readonly page: Page;
  readonly table: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByRole('table', { name: 'Integrations of the account' });
  }

  async goto(workspaceKey: string, query = ''): Promise<void> {
    await this.page.goto(
      `/w/${workspaceKey}/settings/integrations/report${query ? `?${query}` : ''}`,
    );
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Manage integrations report' }),
    ).toBeVisible();
  }

  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async expectListed(name: string, cells: string[] = []): Promise<void> {
    await expect(this.row(name)).toBeVisible();
    for (const cell of cells) await expect(this.row(name)).toContainText(cell);
  }

  async expectNotListed(name: string): Promise<void> {
    await expect(this.row(name)).toHaveCount(0);
  }

  async filterByState(label: string): Promise<void> {
    await this.page.getByLabel('State', { exact: true }).selectOption({ label });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search' }).fill(text);
  }

  async sortBy(column: ReportColumn): Promise<void> {
    await this.table.getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  /** Integration names top to bottom, as shown. */
  async names(): Promise<string[]> {
    return this.table.getByRole('row').locator('td:nth-child(2) a').allTextContents();
  }

  async openIntegration(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
  }
}
