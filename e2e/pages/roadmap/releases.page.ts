import { expect, type Locator, type Page } from '@playwright/test';

export interface NewRelease {
  name: string;
  startDate?: string;
  releaseDate?: string;
  parkingLot?: boolean;
}

/** The releases page: scheduled releases by date, parking lots apart. */
export class ReleasesPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly scheduled: Locator;
  readonly parkingLot: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Releases' });
    this.scheduled = page.getByRole('region', { name: 'Scheduled' });
    this.parkingLot = page.getByRole('region', { name: 'Parking lot' });
  }

  async goto(workspaceKey: string): Promise<void> {
    await this.page.goto(`/w/${workspaceKey}/releases`);
    await expect(this.heading).toBeVisible();
    await expect(this.scheduled).toBeVisible();
  }

  release(name: string): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async fillRelease(release: Partial<NewRelease>): Promise<void> {
    const dialog = this.dialog();
    if (release.name !== undefined) await dialog.getByLabel('Name').fill(release.name);
    if (release.parkingLot) await dialog.getByLabel('Parking lot (no dates)').check();
    if (release.startDate !== undefined)
      await dialog.getByLabel('Start date').fill(release.startDate);
    if (release.releaseDate !== undefined)
      await dialog.getByLabel('Release date').fill(release.releaseDate);
  }

  async startNewRelease(release: NewRelease): Promise<void> {
    await this.page.getByRole('button', { name: 'New release' }).click();
    await expect(this.dialog()).toBeVisible();
    await this.fillRelease(release);
  }

  async createRelease(release: NewRelease): Promise<void> {
    await this.startNewRelease(release);
    await this.dialog().getByRole('button', { name: 'Create release' }).click();
    await expect(this.dialog()).toBeHidden();
    await expect(this.release(release.name)).toBeVisible();
  }

  async expectFieldError(label: string, message: string): Promise<void> {
    await expect(this.dialog().getByLabel(label)).toHaveAccessibleDescription(message);
  }

  async expectScheduledInOrder(names: string[]): Promise<void> {
    await expect(this.scheduled.getByRole('listitem').getByRole('link')).toContainText(names);
  }
}
