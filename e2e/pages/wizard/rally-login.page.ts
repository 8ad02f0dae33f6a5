import { expect, type Page } from '@playwright/test';

/** Rally's own pages (the simulator's): sign in, then allow or deny Tandem's access. */
export class RallyLoginPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async logIn(username: string, password: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Log in to Rally' })).toBeVisible();
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  async allowAccess(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: /^Authorize / })).toBeVisible();
    await this.page.getByRole('button', { name: 'Allow' }).click();
  }

  async denyAccess(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: /^Authorize / })).toBeVisible();
    await this.page.getByRole('button', { name: 'Deny' }).click();
  }
}
