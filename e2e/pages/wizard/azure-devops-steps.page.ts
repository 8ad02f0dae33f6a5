import { expect, type Page } from '@playwright/test';
import { WizardPage } from './wizard.page.ts';

/**
 * The wizard's steps in Azure DevOps's words (its manifest's presentation): Organization,
 * Personal access token with Test connection, Project, Area path, Work item types, States.
 */
export class AzureDevOpsSteps extends WizardPage {
  constructor(page: Page) {
    super(page);
  }

  async enterOrganization(nameOrUrl: string): Promise<void> {
    await this.step.getByRole('textbox', { name: 'Organization' }).fill(nameOrUrl);
  }

  async expectOrganization(url: string): Promise<void> {
    await expect(this.step.getByRole('textbox', { name: 'Organization' })).toHaveValue(url);
  }

  /** Pastes a personal access token and presses Test connection. */
  async testConnection(token: string): Promise<void> {
    const field = this.step.getByLabel('Personal access token', { exact: true });
    if (!(await field.isVisible()))
      await this.step.getByText('Personal access token').first().click();
    await field.fill(token);
    await this.step.getByRole('button', { name: 'Test connection' }).click();
  }

  async expectConnectedAs(name: string): Promise<void> {
    await expect(
      this.step.getByRole('status').filter({ hasText: `Connected to Azure DevOps as ${name}` }),
    ).toBeVisible();
  }

  /** Test connection named what is wrong, and nothing was connected. */
  async expectTokenRefused(text: string | RegExp): Promise<void> {
    await expect(this.step.getByText(text).first()).toBeVisible();
    await expect(this.step.getByText('Connected to Azure DevOps as')).toHaveCount(0);
  }

  /** The work item type a roadmap kind is mapped to (proposed from the project's process). */
  async expectMapsTo(kind: 'initiative' | 'feature' | 'requirement', type: string): Promise<void> {
    await expect(this.step.getByLabel(`Azure DevOps record type for ${kind}s`)).toHaveValue(type);
  }

  async chooseProject(name: string): Promise<void> {
    await this.step.getByRole('radio', { name, exact: true }).check();
  }

  async chooseArea(name: string): Promise<void> {
    await this.step
      .getByRole('radio', { name: new RegExp(`^${name}( \\d+ sub-areas?)?$`) })
      .check();
  }
}
