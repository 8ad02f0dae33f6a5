import { expect, type Locator, type Page } from '@playwright/test';

/** One integration template's page: its Rally account, its own connection, its certificate. */
export class TemplatePage {
  readonly page: Page;
  readonly authorize: Locator;

  constructor(page: Page) {
    this.page = page;
    this.authorize = page.getByRole('region', { name: 'Authorize' });
  }

  async expectOn(name: string): Promise<void> {
    await expect(this.page).toHaveURL(/\/settings\/integrations\/templates\/[^/?]+(\?|$)/);
    await expect(
      this.page.getByRole('heading', { level: 1, name: new RegExp(`^${name}`) }),
    ).toBeVisible();
  }

  async enterAccountUrl(url: string): Promise<void> {
    await this.authorize.getByLabel('Rally account URL').fill(url);
  }

  async saveAddress(): Promise<void> {
    await this.authorize.getByRole('button', { name: 'Save address' }).click();
  }

  async expectUrlRefused(message: string): Promise<void> {
    await expect(this.authorize.getByText(message)).toBeVisible();
  }

  async expectAddressSaved(url: string): Promise<void> {
    await expect(this.authorize.getByText(`Saved as ${url}`)).toBeVisible();
    await expect(this.authorize.getByLabel('Rally account URL')).toHaveValue(url);
    // Issue 20 (bug 9): no general hint contradicts the saved address.
    if (url.startsWith('http://'))
      await expect(this.authorize).not.toContainText('Starts with https://');
  }

  async expectCannotConnectYet(): Promise<void> {
    await expect(this.authorize.getByRole('button', { name: 'Connect with Rally' })).toBeDisabled();
    await expect(this.authorize.getByText('Save the Rally account URL first.')).toBeVisible();
  }

  /** Leaves Tandem for Rally's sign-in page. */
  async connectWithRally(): Promise<void> {
    await this.authorize
      .getByRole('button', { name: /^(Connect with Rally|Connect again|Re-authorize)$/ })
      .click();
  }

  async connectWithApiKey(apiKey: string): Promise<void> {
    await this.authorize.getByText('Use an API key instead').click();
    await this.authorize.getByLabel('Rally API key').fill(apiKey);
    await this.authorize.getByRole('button', { name: 'Connect with API key' }).click();
  }

  async expectNotConnected(): Promise<void> {
    await expect(this.authorize.getByText(/^Not connected yet\./)).toBeVisible();
  }

  async expectConnectedAs(name: string): Promise<void> {
    await expect(
      this.authorize.getByRole('status').filter({ hasText: `Connected to Rally as ${name}` }),
    ).toBeVisible();
  }

  /** Rally gave no end date: the page says the connection lasts while used, and no date. */
  async expectGrantStaysValidWhileUsed(): Promise<void> {
    await expect(this.authorize.getByText(/stays valid while Tandem uses it/)).toBeVisible();
    await expect(this.authorize.getByText(/permission (lasts until|ends on)/)).toHaveCount(0);
  }

  /** Back from Rally with an error (`?error=`), explained in plain words. */
  async expectError(title: string): Promise<void> {
    await expect(this.authorize.getByRole('alert').filter({ hasText: title })).toBeVisible();
  }

  /** Back from Rally with the connection made. */
  async expectJustConnected(): Promise<void> {
    await expect(
      this.authorize.getByRole('status').filter({ hasText: /^.*Just connected:/ }),
    ).toBeVisible();
  }
}
