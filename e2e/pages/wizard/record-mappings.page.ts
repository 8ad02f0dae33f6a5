import { expect, type Locator, type Page } from '@playwright/test';
import { WizardPage } from './wizard.page.ts';

export type RoadmapKind = 'Initiative' | 'Release' | 'Feature' | 'Requirement';

/** Step 6: record mappings, their field mappings and links, and the pre-flight check. */
export class RecordMappingsStep extends WizardPage {
  constructor(page: Page) {
    super(page);
  }

  mapping(kind: RoadmapKind): Locator {
    return this.step.getByRole('region', { name: `${kind} mapping` });
  }

  async expectMappings(kinds: RoadmapKind[]): Promise<void> {
    for (const kind of kinds) await expect(this.mapping(kind)).toBeVisible();
  }

  async expectMapsTo(kind: RoadmapKind, rallyType: string): Promise<void> {
    await expect(
      this.mapping(kind).getByLabel(`Rally record type for ${kind.toLowerCase()}s`),
    ).toHaveText(new RegExp(rallyType));
  }

  async openFieldMappings(kind: RoadmapKind): Promise<void> {
    const toggle = this.mapping(kind).getByRole('button', {
      name: `Field mappings for ${kind.toLowerCase()}`,
    });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  /** Stops sending one field: its row goes from the field mappings table. */
  async unmapField(kind: RoadmapKind, tandemField: string): Promise<void> {
    await this.openFieldMappings(kind);
    await this.mapping(kind)
      .getByRole('button', { name: `Remove the ${tandemField} mapping` })
      .click();
  }

  /** Adds a row and points it at a Tandem field, a Rally field and a direction. */
  async mapField(
    kind: RoadmapKind,
    tandemField: string,
    rallyField: string,
    direction = 'Both ways',
  ): Promise<void> {
    await this.openFieldMappings(kind);
    const card = this.mapping(kind);
    await card.getByRole('button', { name: `Add field mapping to ${kind.toLowerCase()}` }).click();
    const row = card.getByRole('table').getByRole('row').last();
    await row.getByLabel(/^Tandem field/).selectOption({ label: tandemField });
    await card.getByLabel(`Rally field for ${tandemField}`).selectOption({ label: rallyField });
    await card.getByLabel(`Direction for ${tandemField}`).selectOption({ label: direction });
  }

  async expectFieldMapped(
    kind: RoadmapKind,
    tandemField: string,
    rallyField: string,
  ): Promise<void> {
    await this.openFieldMappings(kind);
    await expect(this.mapping(kind).getByLabel(`Rally field for ${tandemField}`)).toHaveText(
      new RegExp(rallyField),
    );
  }

  async removeMapping(kind: RoadmapKind): Promise<void> {
    await this.mapping(kind)
      .getByRole('button', { name: `Remove the ${kind.toLowerCase()} mapping` })
      .click();
  }

  /** The ⚙ on the Status row: opens the status mapping of this record mapping. */
  async openStatusMapping(kind: RoadmapKind): Promise<void> {
    await this.openFieldMappings(kind);
    await this.mapping(kind)
      .getByRole('button', { name: `Map statuses for ${kind}` })
      .click();
  }

  get preflight(): Locator {
    return this.step.getByRole('region', { name: 'Pre-flight check' });
  }

  async runPreflightCheck(): Promise<void> {
    await this.preflight.getByRole('button', { name: 'Check mappings' }).click();
  }

  async expectPreflightProblem(text: string | RegExp): Promise<void> {
    await expect(this.preflight.getByRole('listitem').filter({ hasText: text })).toBeVisible();
  }

  async expectPreflightClean(): Promise<void> {
    await expect(this.preflight.getByText('Everything Rally requires is mapped')).toBeVisible();
  }
}
