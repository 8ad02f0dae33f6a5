import { expect, type Locator, type Page } from '@playwright/test';

/** The drawer that shows one feature over the board (`/w/:key/features/:reference`). */
export class FeatureDrawerPage {
  readonly page: Page;
  readonly name: Locator;
  readonly description: Locator;
  readonly saveState: Locator;
  readonly newRequirement: Locator;
  readonly integrations: Locator;

  constructor(page: Page) {
    this.page = page;
    this.name = this.drawer().getByRole('textbox', { name: 'Name', exact: true });
    this.description = this.drawer().getByRole('textbox', { name: 'Description' });
    this.saveState = this.drawer()
      .getByRole('status')
      .filter({ hasText: /Sav|Conflict|Not saved|^$/ })
      .first();
    this.newRequirement = this.drawer().getByRole('textbox', { name: 'New requirement' });
    this.integrations = this.drawer().getByRole('region', { name: 'Integrations' });
  }

  drawer(): Locator {
    return this.page.getByRole('dialog', { name: /^Feature / });
  }

  async expectOpen(reference?: string): Promise<void> {
    await expect(
      reference ? this.page.getByRole('dialog', { name: `Feature ${reference}` }) : this.drawer(),
    ).toBeVisible();
    await expect(this.name).toBeVisible();
  }

  async rename(name: string): Promise<void> {
    await this.name.fill(name);
  }

  /** Replaces the description by typing into the rich-text editor. */
  async writeDescription(text: string): Promise<void> {
    await this.description.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(text);
  }

  async format(
    action:
      | 'Bold'
      | 'Italic'
      | 'Heading'
      | 'Subheading'
      | 'Bulleted list'
      | 'Numbered list'
      | 'Inline code'
      | 'Code block',
  ): Promise<void> {
    await this.drawer()
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name: action, exact: true })
      .click();
  }

  async setProperty(
    label: 'Status' | 'Release' | 'Initiative' | 'Assignee',
    option: string,
  ): Promise<void> {
    await this.drawer()
      .getByRole('combobox', { name: label, exact: true })
      .selectOption({ label: option });
  }

  /** The property as it reads now (the chosen option of its select). */
  async expectProperty(label: 'Status' | 'Release' | 'Initiative', option: string): Promise<void> {
    await expect(
      this.drawer().getByRole('combobox', { name: label, exact: true }).locator('option:checked'),
    ).toHaveText(option);
  }

  async expectName(name: string): Promise<void> {
    await expect(this.name).toHaveValue(name);
  }

  async addTag(tag: string): Promise<void> {
    await this.drawer().getByLabel('Tags').fill(tag);
    await this.page.keyboard.press('Enter');
  }

  async addRequirement(name: string): Promise<void> {
    await this.newRequirement.fill(name);
    await this.newRequirement.press('Enter');
    await expect(this.newRequirement).toHaveValue('');
    await expect
      .poll(() =>
        this.requirementNames().evaluateAll((els) =>
          els.map((el) => (el as unknown as { value: string }).value),
        ),
      )
      .toContain(name);
  }

  requirementNames(): Locator {
    return this.drawer()
      .getByRole('region', { name: 'Requirements' })
      .getByRole('textbox', { name: /^Name of / });
  }

  async expectRequirements(names: string[]): Promise<void> {
    await expect
      .poll(() =>
        this.requirementNames().evaluateAll((els) =>
          els.map((el) => (el as unknown as { value: string }).value),
        ),
      )
      .toEqual(names);
  }

  /** Waits for the autosave to finish. */
  async expectSaved(): Promise<void> {
    await expect(this.drawer().getByText('Saved', { exact: true })).toBeVisible({
      timeout: 10_000,
    });
  }

  async expectDescriptionContains(text: string): Promise<void> {
    await expect(this.description).toContainText(text);
  }

  async expectConflict(): Promise<void> {
    await expect(this.drawer().getByRole('alert')).toContainText(
      'Someone else changed this feature',
    );
  }

  /** After a conflict: take the other person's version, dropping local edits. */
  async reloadTheirVersion(): Promise<void> {
    await this.drawer().getByRole('alert').getByRole('button', { name: 'Reload' }).click();
    await expect(this.drawer().getByRole('alert')).toHaveCount(0);
  }

  /** After a conflict: save local edits over the other person's. */
  async overwriteWithMine(): Promise<void> {
    await this.drawer().getByRole('alert').getByRole('button', { name: 'Overwrite' }).click();
    await this.expectSaved();
  }

  async close(): Promise<void> {
    await this.drawer().getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.drawer()).toBeHidden();
  }
}
