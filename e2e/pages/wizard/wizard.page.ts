import { expect, type Locator, type Page } from '@playwright/test';

export type WizardStepName =
  | 'Name'
  | 'Rally account'
  | 'Connect'
  | 'Rally workspace'
  | 'Rally project'
  | 'Record mappings'
  | 'Status mapping'
  | 'Enable'
  // Azure DevOps's words for the same steps (its manifest's presentation).
  | 'Organization'
  | 'Personal access token'
  | 'Project'
  | 'Area path'
  | 'Work item types'
  | 'States';

const SLUGS: Record<WizardStepName, string> = {
  Name: 'name',
  'Rally account': 'account',
  Connect: 'authorize',
  'Rally workspace': 'workspace',
  'Rally project': 'project',
  'Record mappings': 'mappings',
  'Status mapping': 'statuses',
  Enable: 'enable',
  Organization: 'account',
  'Personal access token': 'authorize',
  Project: 'workspace',
  'Area path': 'project',
  'Work item types': 'mappings',
  States: 'statuses',
};

/** What every wizard step shares: the stepper on the left, Back and Save and continue. */
export class WizardPage {
  readonly page: Page;
  readonly stepper: Locator;
  readonly step: Locator;

  constructor(page: Page) {
    this.page = page;
    this.stepper = page.getByRole('navigation', { name: 'Setup steps' });
    this.step = page.getByRole('region', { name: 'Step' });
  }

  /** The open step: its URL, its heading and its place in the stepper. */
  async expectOnStep(name: WizardStepName): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/wizard/${SLUGS[name]}(\\?|$)`));
    await expect(this.stepper.locator('[aria-current="step"]')).toContainText(name);
  }

  /** The integration's id, from the wizard URL. */
  integrationId(): string {
    const match = /\/integrations\/([^/]+)\/wizard\//.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not in the wizard: ${this.page.url()}`);
    return match[1];
  }

  async saveAndContinue(): Promise<void> {
    await this.step.getByRole('button', { name: 'Save and continue' }).click();
  }

  async goBack(): Promise<void> {
    await this.step.getByRole('button', { name: 'Back', exact: true }).click();
  }

  /** Closing the tab and coming back: the same URL, the step as it was saved. */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.step).toBeVisible();
  }

  /** A step the owner has not reached yet cannot be opened from the stepper. */
  async expectLocked(name: WizardStepName): Promise<void> {
    await expect(
      this.stepper.getByText(`${name}`).locator('xpath=ancestor::*[@aria-disabled="true"][1]'),
    ).toBeVisible();
  }

  async expectDone(name: WizardStepName): Promise<void> {
    await expect(
      this.stepper.getByRole('link', { name: new RegExp(`${name}.*\\(done\\)`) }),
    ).toBeVisible();
  }

  async openStep(name: WizardStepName): Promise<void> {
    await this.stepper.getByRole('link', { name: new RegExp(`^\\S*\\s*${name}`) }).click();
    await this.expectOnStep(name);
  }

  async expectError(text: string | RegExp): Promise<void> {
    await expect(this.step.getByRole('alert').filter({ hasText: text })).toBeVisible();
  }
}
