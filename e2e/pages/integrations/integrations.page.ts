import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Integrations: the workspace's integrations, *Add*, and each one's *More options*. */
export class IntegrationsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto(workspaceKey: string): Promise<void> {
    await this.page.goto(`/w/${workspaceKey}/settings/integrations`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();
  }

  async addRally(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add integration' }).first().click();
    await this.page.getByRole('menuitem', { name: 'Rally' }).click();
  }

  row(name: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async expectState(name: string, state: string): Promise<void> {
    await expect(this.row(name).getByText(state, { exact: true })).toBeVisible();
  }

  async open(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: new RegExp(`^${name}`) }),
    ).toBeVisible();
  }

  /** *More options* → an item, on the list or on the integration's own page. */
  async chooseMoreOption(name: string, option: string): Promise<void> {
    await this.page.getByRole('button', { name: `More options for ${name}` }).click();
    await this.page.getByRole('menuitem', { name: option }).click();
  }

  async setClientCertificate(name: string, privateKeyPem: string, certificatePem: string) {
    await this.chooseMoreOption(name, 'Set client certificate');
    const dialog = this.page.getByRole('dialog', { name: 'Set client certificate' });
    await dialog.getByLabel('Private key (PEM)').fill(privateKeyPem);
    await dialog.getByLabel('Certificate (PEM)').fill(certificatePem);
    await dialog.getByRole('button', { name: 'Save' }).click();
    return dialog;
  }

  async deleteIntegration(name: string): Promise<void> {
    await this.chooseMoreOption(name, 'Delete');
    const dialog = this.page.getByRole('dialog', { name: `Delete ${name}?` });
    await expect(
      dialog.getByText('Your roadmap records and their integration logs are kept.'),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Delete integration' }).click();
    await expect(dialog).toBeHidden();
  }

  async openReport(): Promise<void> {
    await this.page.getByRole('link', { name: 'Manage integrations report' }).click();
  }

  async openTemplates(): Promise<void> {
    await this.page.getByRole('link', { name: 'Templates' }).click();
  }
}
