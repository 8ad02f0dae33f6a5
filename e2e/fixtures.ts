import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { LoginPage } from './pages/login.page.ts';
import { ShellPage } from './pages/shell.page.ts';

/** The users `TANDEM_DEMO=true` seeds (see apps/bff/src/demo). */
export const demo = {
  password: 'tandem-demo',
  owner: { email: 'owner@tandem.demo', name: 'Olivia Owner' },
  contributor: { email: 'contributor@tandem.demo', name: 'Carlos Contributor' },
  viewer: { email: 'viewer@tandem.demo', name: 'Vera Viewer' },
  workspaces: {
    mobile: { key: 'APP', name: 'Mobile App' },
    platform: { key: 'PLT', name: 'Platform' },
  },
} as const;

export type DemoRole = 'owner' | 'contributor' | 'viewer';

/** Where specs save screenshots meant for people to look at. */
export const screenshotPath = (name: string) => join(import.meta.dirname, 'screenshots', name);

/**
 * Signs in through the API (fast, and it shares the browser context's cookies), then opens the
 * app at `path`, by default `/`, which lands on the first workspace's features.
 */
async function signInThroughApi(page: Page, role: DemoRole, path = '/'): Promise<ShellPage> {
  const response = await page.request.post('/api/auth/login', {
    data: { email: demo[role].email, password: demo.password },
  });
  expect(response.status(), `signing in as ${role}`).toBe(200);
  await page.goto(path);
  const shell = new ShellPage(page);
  await shell.expectVisible();
  return shell;
}

type LoginAs = (path?: string) => Promise<ShellPage>;

/**
 * Runs axe on the page as it is now (or only inside `within`, a CSS selector); fails on any
 * WCAG 2.1 A/AA violation, listing them.
 */
type ExpectAccessible = (what: string, options?: { within?: string }) => Promise<void>;

export interface TandemFixtures {
  loginPage: LoginPage;
  shell: ShellPage;
  loginAsOwner: LoginAs;
  loginAsContributor: LoginAs;
  loginAsViewer: LoginAs;
  expectAccessible: ExpectAccessible;
  /** Automatic: a flow fails when the page throws an uncaught exception or breaks the CSP. */
  failOnPageErrors: undefined;
}

export const test = base.extend<TandemFixtures>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
      // Anything the Content-Security-Policy refused (an inline style or script) fails too.
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
          errors.push(`CSP: ${message.text()}`);
      });
      await use(undefined);
      expect(errors, 'uncaught exceptions or CSP violations in the page').toEqual([]);
    },
    { auto: true },
  ],
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  shell: async ({ page }, use) => use(new ShellPage(page)),
  loginAsOwner: async ({ page }, use) => use((path) => signInThroughApi(page, 'owner', path)),
  loginAsContributor: async ({ page }, use) =>
    use((path) => signInThroughApi(page, 'contributor', path)),
  loginAsViewer: async ({ page }, use) => use((path) => signInThroughApi(page, 'viewer', path)),
  expectAccessible: async ({ page }, use) =>
    use(async (what, options = {}) => {
      let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
      if (options.within) axe = axe.include(options.within);
      const { violations } = await axe.analyze();
      const summary = violations.map(
        (v) =>
          `${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      expect(summary, `accessibility of ${what}`).toEqual([]);
    }),
});

export { expect };
