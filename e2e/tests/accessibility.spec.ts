import { demo, expect, test } from '../fixtures.ts';

// axe walks the whole DOM several times per check; on a busy 2-core machine that takes a while.
test.slow();

test('the login page has no WCAG A/AA violations, errors included', async ({
  loginPage,
  expectAccessible,
}) => {
  await loginPage.goto();
  await expectAccessible('the login page');
  await loginPage.signInButton.click();
  await loginPage.expectFieldError('Email', 'Enter a valid email address');
  await expectAccessible('the login page with field errors');
  await loginPage.signIn(demo.owner.email, 'wrong-password');
  await loginPage.expectFormError('Email or password is incorrect.');
  await expectAccessible('the login page with a form error');
});

test('the shell has no WCAG A/AA violations, menus open included', async ({
  page,
  loginAsOwner,
  expectAccessible,
}) => {
  // The shell's own parts; each page's content is checked by the flows of that page.
  const sidebar = { within: 'aside[aria-label="Sidebar"]' };
  const shell = await loginAsOwner();
  await expectAccessible('the sidebar', sidebar);
  await shell.openWorkspaceSwitcher();
  await expectAccessible('the open workspace switcher', sidebar);
  await page.keyboard.press('Escape');
  await shell.userMenuButton.click();
  await expect(page.getByRole('menuitem', { name: 'Log out' })).toBeVisible();
  await expectAccessible('the open user menu', sidebar);
  await page.keyboard.press('Escape');
  await shell.open('Integrations');
  await expectAccessible('the integrations page');
});

test('the shell can be driven from the keyboard alone', async ({ page, loginAsOwner }) => {
  const shell = await loginAsOwner();
  await shell.workspaceSwitcher.focus();
  await page.keyboard.press('Enter');
  const platform = page.getByRole('menuitemradio', { name: /^Platform/ });
  await expect(page.getByRole('menuitemradio', { name: /^Mobile App/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(platform).toBeFocused();
  await page.keyboard.press('Enter');
  await shell.expectWorkspace(demo.workspaces.platform.name, demo.workspaces.platform.key);
  await expect(shell.workspaceSwitcher).toBeFocused();

  await shell.navLink('Releases').focus();
  await page.keyboard.press('Enter');
  await shell.expectOn('Releases');
});
