import { demo, expect, screenshotPath, test } from '../fixtures.ts';

const { mobile, platform } = demo.workspaces;

test('the owner signs in, finds the shell, switches workspace and logs out', async ({
  page,
  loginPage,
  shell,
}) => {
  await test.step('sign in', async () => {
    await loginPage.goto();
    await page.screenshot({ path: screenshotPath('login.png') });
    await loginPage.signIn(demo.owner.email, demo.password);
  });

  await test.step('land in the first workspace, with every section', async () => {
    await expect(page).toHaveURL(`/w/${mobile.key}/features`);
    await shell.expectVisible();
    await expect(shell.sidebar).toBeVisible();
    await expect(shell.sidebar.getByText('Tandem', { exact: true })).toBeVisible();
    await shell.expectWorkspace(mobile.name, mobile.key);
    await shell.expectSignedInAs(demo.owner.name, demo.owner.email);
    await shell.expectSections(['Features', 'Releases', 'Initiatives', 'Integrations']);
    await shell.expectOn('Features');
    await expect(page).toHaveTitle(`Features · ${mobile.name} · Tandem`);
    await page.screenshot({ path: screenshotPath('shell.png') });
  });

  await test.step('the switcher lists both workspaces with the role', async () => {
    await shell.expectWorkspaceChoices([
      `${mobile.name} ${mobile.key} · Owner`,
      `${platform.name} ${platform.key} · Owner`,
    ]);
    await shell.openWorkspaceSwitcher();
    await page.screenshot({ path: screenshotPath('workspace-switcher.png') });
    await page.keyboard.press('Escape');
  });

  await test.step('switch workspace, staying on the same section', async () => {
    await shell.open('Releases');
    await shell.switchWorkspace(platform.name);
    await shell.expectWorkspace(platform.name, platform.key);
    await expect(page).toHaveURL(`/w/${platform.key}/releases`);
    await shell.open('Integrations');
    await expect(page).toHaveURL(`/w/${platform.key}/settings/integrations`);
  });

  await test.step('log out and land on the login page', async () => {
    await shell.logOut();
    await loginPage.expectVisible();
    await expect(page).toHaveURL('/login');
  });

  await test.step('the shell is closed once signed out', async () => {
    await page.goto(`/w/${mobile.key}/features`);
    await loginPage.expectVisible();
  });
});

test('a wrong password is refused with one message', async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn(demo.owner.email, 'not-the-password');
  await loginPage.expectFormError('Email or password is incorrect.');
  await expect(page).toHaveURL('/login');
  await page.screenshot({ path: screenshotPath('login-error.png') });
  await expect(loginPage.email).not.toHaveAttribute('aria-invalid', 'true');
});

test('repeated failures are slowed down with a clear wait', async ({ page, loginPage }) => {
  // An address nobody uses, so the lock-out touches no other test.
  const email = 'nobody-rate-limited@tandem.demo';
  await expect
    .poll(
      async () =>
        (
          await page.request.post('/api/auth/login', { data: { email, password: 'nope' } })
        ).status(),
      { message: 'the BFF starts refusing with 429', intervals: [0], timeout: 20_000 },
    )
    .toBe(429);
  await loginPage.goto();
  await loginPage.signIn(email, 'nope');
  await loginPage.expectFormError(
    /^Too many sign-in attempts\. Try again in \d+ (minute|second)s?\.$/,
  );
});

test('empty fields are pointed out before anything is sent', async ({ loginPage }) => {
  await loginPage.goto();
  await loginPage.signInButton.click();
  await loginPage.expectFieldError('Email', 'Enter a valid email address');
  await loginPage.expectFieldError('Password', 'Enter your password');
});

test('a signed-out visitor is sent to sign in and brought back', async ({
  page,
  loginPage,
  shell,
}) => {
  await page.goto(`/w/${platform.key}/releases`);
  await loginPage.expectVisible();
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(`/w/${platform.key}/releases`)}`);
  await loginPage.signIn(demo.owner.email, demo.password);
  await expect(page).toHaveURL(`/w/${platform.key}/releases`);
  await shell.expectWorkspace(platform.name, platform.key);
});

test('a contributor does not see Settings', async ({ page, loginAsContributor }) => {
  const shell = await loginAsContributor();
  await shell.expectWorkspace(mobile.name, mobile.key);
  await shell.expectSignedInAs(demo.contributor.name, demo.contributor.email);
  await shell.expectSections(['Features', 'Releases', 'Initiatives']);
  await shell.expectSettingsHidden();
  await shell.expectWorkspaceChoices([
    `${mobile.name} ${mobile.key} · Contributor`,
    `${platform.name} ${platform.key} · Contributor`,
  ]);

  await page.goto(`/w/${mobile.key}/settings/integrations`);
  await expect(
    page.getByRole('heading', { name: 'Only owners manage integrations' }),
  ).toBeVisible();
  await page.screenshot({ path: screenshotPath('integrations-contributor.png') });
});

test('an unknown workspace says so', async ({ page, loginAsOwner }) => {
  await loginAsOwner();
  await page.goto('/w/NOPE/features');
  await expect(page.getByRole('heading', { name: 'Workspace not found' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('workspace-not-found.png') });
});

test('on a phone the sidebar opens as a drawer', async ({ page, loginAsOwner }) => {
  await page.setViewportSize({ width: 390, height: 780 });
  const shell = await loginAsOwner();
  await expect(shell.navigation).toBeHidden();
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await expect(shell.navigation).toBeVisible();
  await page.screenshot({ path: screenshotPath('shell-mobile.png') });
  await shell.navLink('Releases').click();
  await expect(page).toHaveTitle(/^Releases · /);
  await expect(shell.navigation).toBeHidden();
});
