import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Integrations section of the open feature drawer: *Send to…*, the link chip, errors,
 * conflicts and changes waiting for approval.
 */
export class FeatureIntegrationsPage {
  readonly page: Page;
  readonly section: Locator;
  /** The send control in the drawer's header; its words say where the feature stands. */
  readonly sendMenuButton: Locator;
  readonly sendMenu: Locator;

  constructor(page: Page) {
    this.page = page;
    const drawer = page.getByRole('dialog', { name: /^Feature / });
    this.section = drawer.getByRole('region', { name: 'Integrations' });
    this.sendMenuButton = drawer.getByRole('button', {
      name: /^(Send to|Sending|In .+ — |.+ — send failed|Link broken)/,
    });
    this.sendMenu = page.getByRole('menu', { name: 'Send to' });
  }

  async openSendMenu(): Promise<void> {
    await this.sendMenuButton.click();
    await expect(this.sendMenu).toBeVisible();
  }

  async expectSendChoices(names: string[]): Promise<void> {
    for (const name of names)
      await expect(this.sendMenu.getByRole('menuitem', { name: `Send to ${name}` })).toBeVisible();
  }

  /** The send control says `text` (e.g. "In Rally — up to date"). */
  async expectSendControl(text: string | RegExp): Promise<void> {
    await expect(this.sendMenuButton).toContainText(text);
  }

  /** Sends this feature through the named integration (the menu must be open or is opened). */
  async sendTo(integration: string): Promise<void> {
    if (!(await this.sendMenu.isVisible())) await this.openSendMenu();
    await this.sendMenu.getByRole('menuitem', { name: `Send to ${integration}` }).click();
  }

  /** The row of one integration in the links list. */
  link(integration: string): Locator {
    return this.section.getByRole('listitem', { name: integration });
  }

  /** The chip with the remote id (F1042, #42) that opens the record in its system. */
  chip(integration: string): Locator {
    return this.link(integration).getByRole('link', { name: /open in / });
  }

  async expectLinked(integration: string, options: { timeout?: number } = {}): Promise<string> {
    await expect(this.chip(integration)).toBeVisible(options);
    return ((await this.chip(integration).textContent()) ?? '').trim();
  }

  /** Opens the linked record in the new tab the chip opens; returns that tab. */
  async openRemoteRecord(integration: string): Promise<Page> {
    const popup = this.page.waitForEvent('popup');
    await this.chip(integration).click();
    const tab = await popup;
    await tab.waitForLoadState();
    return tab;
  }

  sendError(integration: string): Locator {
    return this.link(integration).getByRole('alert');
  }

  async expectSendError(integration: string, text: string | RegExp): Promise<void> {
    await expect(this.sendError(integration)).toContainText(`Could not send to ${integration}`);
    await expect(this.sendError(integration)).toContainText(text);
  }

  /** The state line under the integration's name, e.g. "Linked" or "Changed on both sides". */
  async expectState(integration: string, text: string): Promise<void> {
    await expect(this.link(integration)).toContainText(text);
  }

  /** The panel of fields changed in Tandem and in Rally since the last sync. */
  conflict(integration: string): Locator {
    return this.link(integration).getByRole('region', { name: /^Changed in Tandem and in / });
  }

  /** One field in conflict, with Tandem's value and Rally's as the panel shows them. */
  async expectConflict(
    integration: string,
    field: { label: string; tandem: string; rally: string },
  ): Promise<void> {
    const panel = this.conflict(integration);
    await expect(panel).toBeVisible({ timeout: 10_000 });
    const row = panel.getByRole('term').filter({ hasText: field.label }).locator('..');
    await expect(row).toContainText(`In Tandem${field.tandem}`);
    await expect(row).toContainText(`In Rally${field.rally}`);
  }

  /** The line at the top of the drawer while the feature is in conflict. */
  conflictNotice(): Locator {
    return this.page
      .getByRole('dialog', { name: /^Feature / })
      .getByRole('status')
      .filter({ hasText: /changed in Tandem and in / });
  }

  /** Follows the notice at the top of the drawer down to the conflict. */
  async reviewConflict(integration: string): Promise<void> {
    await this.conflictNotice().getByRole('button', { name: 'Review' }).click();
    await expect(this.conflict(integration)).toBeInViewport();
  }

  /** Resolves the conflict by sending Tandem's values to Rally. */
  async keepTandems(integration: string): Promise<void> {
    await this.conflict(integration).getByRole('button', { name: 'Keep Tandem’s' }).click();
    await expect(this.conflict(integration)).toBeHidden({ timeout: 10_000 });
  }

  /** Resolves the conflict by taking Rally's values into the feature. */
  async takeRallys(integration: string): Promise<void> {
    await this.conflict(integration).getByRole('button', { name: 'Take Rally’s' }).click();
    await expect(this.conflict(integration)).toBeHidden({ timeout: 10_000 });
  }

  /** The panel of Tandem edits waiting for someone to send them (*Approve outgoing changes*). */
  approval(integration: string): Locator {
    return this.link(integration).getByRole('region', { name: /^Changes waiting for approval/ });
  }

  /** The waiting fields as the panel lists them, e.g. `['Name']`. */
  async expectApproval(integration: string, fields: string[]): Promise<void> {
    await expect(this.approval(integration)).toHaveAccessibleName(
      `Changes waiting for approval: ${fields.join(', ')}`,
      { timeout: 10_000 },
    );
  }

  /** Sends the waiting changes to the remote. */
  async approveChanges(integration: string): Promise<void> {
    await this.approval(integration).getByRole('button', { name: 'Approve' }).click();
    await expect(this.approval(integration)).toBeHidden({ timeout: 10_000 });
  }

  /** Drops the waiting changes: Tandem keeps them, the remote is left as it is. */
  async rejectChanges(integration: string): Promise<void> {
    await this.approval(integration).getByRole('button', { name: 'Reject' }).click();
    await expect(this.approval(integration)).toBeHidden({ timeout: 10_000 });
  }

  async openLogEntry(integration: string): Promise<void> {
    await this.sendError(integration).getByRole('link', { name: 'View log entry' }).click();
  }
}
