import { expect, type Page } from '@playwright/test';

/** A seeded user of the Rally simulator, for reading its pages like a developer would. */
const RALLY_USER = { username: 'pat.planner@acme.example', password: 'Planner-Pass-1' };

/** A record's page in Rally (the simulator's), as opened from a Tandem link chip. */
export class RallyRecordPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Rally asks a signed-out visitor to log in first, then shows the record. */
  async signInIfAsked(): Promise<void> {
    const login = this.page.getByRole('heading', { name: 'Log in to Rally' });
    if (await login.isVisible()) {
      await this.page.getByLabel('Username').fill(RALLY_USER.username);
      await this.page.getByLabel('Password').fill(RALLY_USER.password);
      await this.page.getByRole('button', { name: 'Log in' }).click();
      await expect(login).toBeHidden();
    }
  }

  async expectRecord(formattedId: string, name: string): Promise<void> {
    await expect(this.page.getByText(formattedId).first()).toBeVisible();
    await expect(this.page.getByText(name).first()).toBeVisible();
  }
}
