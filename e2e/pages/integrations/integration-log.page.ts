import { expect, type Locator, type Page } from '@playwright/test';

/** An integration's log (`/w/:key/settings/integrations/:id/log`): filters, entries, details. */
export class IntegrationLogPage {
  readonly page: Page;
  readonly entries: Locator;
  readonly search: Locator;

  constructor(page: Page) {
    this.page = page;
    this.entries = page.getByRole('list', { name: 'Log entries' });
    this.search = page.getByRole('searchbox', { name: 'Search messages' });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: /log/ })).toBeVisible();
    await expect(this.entries).toBeVisible();
  }

  /** The entry a link pointed at: opened and marked. */
  openedEntry(): Locator {
    return this.entries.locator('li[aria-current="true"]');
  }

  /** An entry's toggle: `aria-expanded` says whether its details are open. */
  toggle(entry: Locator): Locator {
    return entry
      .getByRole('button', { expanded: true })
      .or(entry.getByRole('button', { expanded: false }))
      .first();
  }

  entry(text: string | RegExp): Locator {
    return this.entries.getByRole('listitem').filter({ hasText: text });
  }

  async showLevel(level: 'Debug' | 'Info' | 'Warnings' | 'Errors', on: boolean): Promise<void> {
    const box = this.page.getByRole('checkbox', { name: level });
    if ((await box.isChecked()) !== on) await box.locator('..').click();
  }

  /** Drops the record filter a link from a feature set. */
  async showEveryRecord(): Promise<void> {
    await this.page.getByRole('button', { name: 'Show every record' }).click();
    await expect(this.page).not.toHaveURL(/recordId=/);
  }

  /** From an entry without an exchange of its own: the HTTP calls (of the same record, if narrowed). */
  async showCallsAround(entry: Locator): Promise<void> {
    await entry.getByRole('button', { name: 'Show the HTTP calls' }).click();
  }

  /** Opens an entry to show its request and response. */
  async expand(entry: Locator): Promise<void> {
    const toggle = this.toggle(entry);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  async filterByEvent(event: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Event' }).selectOption(event);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}`));
  }
}
