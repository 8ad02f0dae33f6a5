import { expect, type Locator, type Page } from '@playwright/test';

export interface NewFeature {
  name: string;
  release?: string;
  status?: string;
}

/** The Features board at `/w/:key/features`: columns of feature cards, filters, selection. */
export class BoardPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly newFeatureButton: Locator;
  readonly search: Locator;
  readonly newFeatureDialog: Locator;
  readonly selectionBar: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Features' });
    this.newFeatureButton = page.getByRole('button', { name: 'New feature', exact: true });
    this.search = page.getByRole('searchbox', { name: 'Search features' });
    this.newFeatureDialog = page.getByRole('dialog', { name: 'New feature' });
    this.selectionBar = page.getByRole('region', { name: 'Selection' });
  }

  async goto(workspaceKey: string): Promise<void> {
    await this.page.goto(`/w/${workspaceKey}/features`);
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByRole('img', { name: 'Loading features' })).toHaveCount(0);
    await expect(this.page.locator('[data-column]').first()).toBeVisible();
  }

  column(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** Column names from left to right. */
  async columnNames(): Promise<string[]> {
    return this.page
      .locator('[data-column]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-column') ?? ''));
  }

  /** The column a card is in now. */
  async columnOf(reference: string): Promise<string> {
    return this.page
      .locator('[data-column]')
      .filter({ has: this.page.locator(`[data-feature="${reference}"]`) })
      .getAttribute('data-column')
      .then((v) => v ?? '');
  }

  /** A card, found by its reference (e.g. `APP-3`). */
  card(reference: string): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: `Move ${reference}`, exact: true }) });
  }

  /** The reference of the card whose name is `name` (new features get theirs from the server). */
  async referenceOf(name: string): Promise<string> {
    const card = this.page.locator('[data-feature]').filter({ hasText: name }).first();
    await expect(card).toBeVisible();
    return (await card.getAttribute('data-feature')) ?? '';
  }

  async groupBy(grouping: 'status' | 'release'): Promise<void> {
    await this.page
      .getByRole('radio', { name: `By ${grouping}` })
      .locator('..')
      .click();
    await expect(this.page).toHaveURL(
      grouping === 'release' ? /group=release/ : /^(?!.*group=release)/,
    );
    await this.expectLoaded();
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await expect(this.page).toHaveURL(
      new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, '(\\+|%20)')}`),
    );
  }

  async filterBy(
    filter: 'Release' | 'Initiative' | 'Assignee' | 'Tag',
    option: string,
  ): Promise<void> {
    await this.page
      .getByRole('combobox', { name: filter, exact: true })
      .selectOption({ label: option });
  }

  /** Fills the New feature dialog, including every required custom field, and creates it. */
  async createFeature(feature: NewFeature): Promise<void> {
    await this.newFeatureButton.click();
    const dialog = this.newFeatureDialog;
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Name').fill(feature.name);
    if (feature.release)
      await dialog.getByLabel('Release').selectOption({ label: feature.release });
    if (feature.status) await dialog.getByLabel('Status').selectOption({ label: feature.status });
    await this.fillRequiredFields(dialog);
    await dialog.getByRole('button', { name: 'Create feature' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Any value that satisfies the workspace's required custom fields. */
  private async fillRequiredFields(scope: Locator): Promise<void> {
    const required = scope.locator('[aria-required="true"]');
    for (const field of await required.all()) {
      const tag = await field.evaluate((el) => el.tagName.toLowerCase());
      if (tag === 'select') {
        const value = await field.locator('option').nth(1).getAttribute('value');
        await field.selectOption(value ?? '');
      } else {
        const type = await field.getAttribute('type');
        await field.fill(
          type === 'number' ? '3' : type === 'date' ? '2027-06-30' : 'Filled by e2e',
        );
      }
    }
  }

  async openFeature(reference: string): Promise<void> {
    // The name's link comes first; a linked card also links to its remote record.
    await this.card(reference).getByRole('link').first().click();
    await expect(this.page).toHaveURL(new RegExp(`/features/${reference}`));
  }

  /** Drags a card with the mouse onto a column (it lands at the end of that column). */
  async dragFeatureToColumn(reference: string, column: string): Promise<void> {
    const card = this.card(reference);
    const target = this.column(column);
    await card.scrollIntoViewIfNeeded();
    const from = await card.boundingBox();
    if (!from) throw new Error(`${reference} is not on the board`);
    await this.page.mouse.move(from.x + from.width / 2, from.y + 14);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + 10, from.y + 24, { steps: 4 });
    await target.scrollIntoViewIfNeeded();
    const to = await target.boundingBox();
    if (!to) throw new Error(`There is no column ${column}`);
    const x = to.x + to.width / 2;
    const y = Math.min(to.y + to.height - 20, this.page.viewportSize()!.height - 10);
    await this.page.mouse.move(x, y, { steps: 12 });
    await this.page.mouse.move(x, y + 2, { steps: 2 });
    await this.page.mouse.up();
  }

  async dragFeatureToStatus(reference: string, status: string): Promise<void> {
    await this.dragFeatureToColumn(reference, status);
    await this.expectFeatureIn(reference, status);
  }

  async dragFeatureToRelease(reference: string, release: string): Promise<void> {
    await this.dragFeatureToColumn(reference, release);
    await this.expectFeatureIn(reference, release);
  }

  /**
   * Moves a card with the keyboard only: focus its grip, Space to lift, arrows, Space to drop.
   * `steps` are arrow keys, e.g. `['ArrowRight']` for the next column.
   */
  async moveFeatureWithKeyboard(
    reference: string,
    steps: ('ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown')[],
  ): Promise<void> {
    const handle = this.page.getByRole('button', { name: `Move ${reference}`, exact: true });
    await handle.focus();
    await this.page.keyboard.press('Space');
    for (const key of steps) {
      await this.page.keyboard.press(key);
      await this.page.waitForTimeout(150);
    }
    await this.page.keyboard.press('Space');
  }

  /** What the board last told screen-reader users about a drag. */
  async expectAnnouncement(text: string | RegExp): Promise<void> {
    await expect(this.page.locator('[id^="DndLiveRegion"]')).toContainText(text);
  }

  /** Selects from the last selected card to this one, in board order (Shift-click). */
  async selectRangeTo(reference: string): Promise<void> {
    await this.card(reference)
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'], force: true });
  }

  async expectFeatureIn(reference: string, column: string): Promise<void> {
    await expect(
      this.column(column).getByRole('button', { name: `Move ${reference}`, exact: true }),
    ).toBeVisible();
  }

  /** Ctrl/⌘-clicks cards to select them. */
  async selectFeatures(references: string[]): Promise<void> {
    for (const reference of references) {
      await this.card(reference).getByRole('checkbox').check({ force: true });
    }
    await expect(this.selectionBar).toContainText(`${references.length} selected`);
  }

  async moveSelectionToStatus(status: string): Promise<void> {
    await this.selectionBar.getByRole('button', { name: 'Move to status…' }).click();
    await this.page.getByRole('menuitem', { name: status }).click();
  }

  async expectToast(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('region', { name: 'Notifications' })).toContainText(text);
  }
}
