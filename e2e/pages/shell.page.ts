import { expect, type Locator, type Page } from '@playwright/test';

export type Section = 'Features' | 'Releases' | 'Initiatives' | 'Integrations';

/** The signed-in frame: sidebar with workspace switcher, navigation and user menu. */
export class ShellPage {
  readonly page: Page;
  readonly sidebar: Locator;
  readonly navigation: Locator;
  readonly workspaceSwitcher: Locator;
  readonly userMenuButton: Locator;
  readonly pageHeading: Locator;

  constructor(page: Page) {
    this.page = page;
    this.sidebar = page.getByRole('complementary', { name: 'Sidebar' });
    this.navigation = page.getByRole('navigation', { name: 'Main' });
    this.workspaceSwitcher = page.getByRole('button', { name: /^Workspace: / });
    this.userMenuButton = page.getByRole('button', { name: /^Account: / });
    this.pageHeading = page.getByRole('main').getByRole('heading', { level: 1 });
  }

  navLink(section: Section): Locator {
    return this.navigation.getByRole('link', { name: section, exact: true });
  }

  /** Inside a workspace, with a page rendered (on a phone the sidebar is a closed drawer). */
  async expectVisible(): Promise<void> {
    await expect(this.page).toHaveURL(/\/w\/[^/]+\//);
    await expect(this.page.getByRole('main')).toBeVisible();
  }

  /** The page of this section is showing: its tab title, and its link marked current. */
  async expectOn(section: Section): Promise<void> {
    await expect(this.page).toHaveTitle(new RegExp(`^${section} · `));
    await expect(this.navLink(section)).toHaveAttribute('aria-current', 'page');
  }

  async expectWorkspace(name: string, key: string): Promise<void> {
    await expect(this.workspaceSwitcher).toHaveAccessibleName(
      new RegExp(`^Workspace: ${name} ${key} · `),
    );
    await expect(this.workspaceSwitcher).toContainText(name);
    await expect(this.page).toHaveURL(new RegExp(`/w/${key}/`));
  }

  async expectSignedInAs(name: string, email: string): Promise<void> {
    await expect(this.userMenuButton).toContainText(name);
    await expect(this.userMenuButton).toContainText(email);
  }

  /** The navigation offers each of these sections (other sections may be there too). */
  async expectSections(sections: Section[]): Promise<void> {
    for (const section of sections) await expect(this.navLink(section)).toBeVisible();
  }

  async expectSettingsHidden(): Promise<void> {
    await expect(this.navigation.getByText('Settings')).toHaveCount(0);
    await expect(this.navLink('Integrations')).toHaveCount(0);
  }

  async open(section: Section): Promise<void> {
    await this.navLink(section).click();
    await this.expectOn(section);
  }

  /** The switcher offers exactly these workspaces, each read as "Name KEY · Role". */
  async expectWorkspaceChoices(choices: string[]): Promise<void> {
    await this.openWorkspaceSwitcher();
    const items = this.page.getByRole('menuitemradio');
    await expect(items).toHaveCount(choices.length);
    for (const [i, choice] of choices.entries()) {
      await expect(items.nth(i)).toHaveAccessibleName(choice);
    }
    await this.page.keyboard.press('Escape');
    await expect(items).toHaveCount(0);
  }

  async openWorkspaceSwitcher(): Promise<void> {
    await this.workspaceSwitcher.click();
    await expect(this.page.getByRole('menu', { name: 'Workspaces' })).toBeVisible();
  }

  async switchWorkspace(name: string): Promise<void> {
    await this.workspaceSwitcher.click();
    await this.page.getByRole('menuitemradio', { name: new RegExp(`^${name}\\b`) }).click();
    await expect(this.workspaceSwitcher).toContainText(name);
  }

  async logOut(): Promise<void> {
    await this.userMenuButton.click();
    await this.page.getByRole('menuitem', { name: 'Log out' }).click();
  }
}
