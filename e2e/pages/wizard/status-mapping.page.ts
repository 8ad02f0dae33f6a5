import { expect, type Locator, type Page } from '@playwright/test';
import { WizardPage } from './wizard.page.ts';

const NOT_MAPPED = 'Rally states not mapped';

/** Step 7: Rally states grouped under Tandem statuses, by mouse, keyboard or *Move to…*. */
export class StatusMappingStep extends WizardPage {
  constructor(page: Page) {
    super(page);
  }

  /** The drop zone beside a Tandem status (or the not-mapped zone for `null`). */
  zone(tandemStatus: string | null): Locator {
    return this.step.getByRole('list', {
      name: tandemStatus === null ? NOT_MAPPED : `Rally states mapped to ${tandemStatus}`,
      exact: true,
    });
  }

  chip(rallyState: string): Locator {
    return this.step.getByRole('button', { name: `Rally state ${rallyState}`, exact: true });
  }

  async showMappingOf(kind: 'Features' | 'Requirements' | 'Releases' | 'Initiatives') {
    await this.step
      .getByRole('navigation', { name: 'Record mappings' })
      .getByRole('link', { name: kind })
      .click();
  }

  /** Drags a Rally state with the mouse onto a Tandem status. */
  async dragState(rallyState: string, tandemStatus: string | null): Promise<void> {
    await this.zone(null).scrollIntoViewIfNeeded();
    const from = await this.chip(rallyState).boundingBox();
    const to = await this.zone(tandemStatus).boundingBox();
    if (!from || !to) throw new Error('state or status not on screen');
    const x = to.x + to.width / 2;
    const y = to.y + to.height / 2;
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 - 10, {
      steps: 4,
    });
    await this.page.mouse.move(x, y, { steps: 12 });
    await this.page.mouse.move(x, y + 2, { steps: 2 });
    await this.page.mouse.up();
  }

  /**
   * Moves a Rally state with the keyboard only: Space picks it up, the arrow keys go from status
   * to status, Space drops it.
   */
  async moveStateWithKeyboard(rallyState: string, tandemStatus: string | null): Promise<void> {
    const zones = await this.step
      .getByRole('list', { name: /^Rally states / })
      .evaluateAll((lists) =>
        lists.map((l) => ({
          label: l.getAttribute('aria-label') ?? '',
          states: [...l.querySelectorAll('button[aria-label^="Rally state "]')].map((b) =>
            (b.getAttribute('aria-label') ?? '').replace(/^Rally state /, ''),
          ),
        })),
      );
    const target = tandemStatus === null ? NOT_MAPPED : `Rally states mapped to ${tandemStatus}`;
    const from = zones.findIndex((z) => z.states.includes(rallyState));
    const to = zones.findIndex((z) => z.label === target);
    if (from < 0 || to < 0) throw new Error(`cannot find ${rallyState} or ${target}`);
    await this.chip(rallyState).focus();
    await this.page.keyboard.press('Space');
    await expect(this.chip(rallyState)).toHaveAttribute('aria-pressed', 'true');
    const key = to > from ? 'ArrowDown' : 'ArrowUp';
    // Like a screen-reader user: press an arrow, listen to where the state is now, repeat.
    const where = tandemStatus === null ? 'not mapped' : `mapped to ${tandemStatus}`;
    const announcer = this.page.locator('[id^="DndLiveRegion"]');
    for (let i = 0; i < 20; i += 1) {
      const heard = (await announcer.textContent()) ?? '';
      if (heard.includes(`is over ${where}.`)) break;
      await this.page.keyboard.press(key);
      // Wait for the announcement of the new place before pressing again.
      await expect(announcer)
        .not.toHaveText(heard, { timeout: 2000 })
        .catch(() => undefined);
    }
    await expect(announcer).toHaveText(`Rally state ${rallyState} is over ${where}.`);
    await this.page.keyboard.press('Space');
  }

  /** The list alternative to dragging: the ⇄ button beside a state. */
  async moveStateWithMenu(rallyState: string, tandemStatus: string | null): Promise<void> {
    await this.step.getByRole('button', { name: `Move ${rallyState} to…` }).click();
    await this.page
      .getByRole('menu', { name: `Move ${rallyState} to` })
      .getByRole('menuitemradio', { name: tandemStatus ?? 'Not mapped' })
      .click();
  }

  async expectMapped(rallyState: string, tandemStatus: string | null): Promise<void> {
    await expect(
      this.zone(tandemStatus).getByRole('button', {
        name: `Rally state ${rallyState}`,
        exact: true,
      }),
    ).toBeVisible();
  }

  async expectAnnouncement(text: string | RegExp): Promise<void> {
    await expect(this.page.locator('[aria-live]').filter({ hasText: text }).first()).toBeAttached();
  }
}
