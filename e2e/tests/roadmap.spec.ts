import { demo, expect, screenshotPath, test } from '../fixtures.ts';
import { BoardPage } from '../pages/roadmap/board.page.ts';
import { FeatureDrawerPage } from '../pages/roadmap/feature-drawer.page.ts';
import { ReleasesPage } from '../pages/roadmap/releases.page.ts';

const { mobile } = demo.workspaces;

test('a product manager plans a feature on the board and it stays planned', async ({
  page,
  loginAsOwner,
}) => {
  test.slow();
  const board = new BoardPage(page);
  const drawer = new FeatureDrawerPage(page);
  const name = `Offline mode for field reps ${Date.now().toString(36)}`;
  let reference = '';

  await test.step('open the board', async () => {
    await loginAsOwner(`/w/${mobile.key}/features`);
    await board.expectLoaded();
    await page.screenshot({ path: screenshotPath('board.png') });
  });

  await test.step('create a feature; it opens in the drawer', async () => {
    await board.createFeature({ name });
    await drawer.expectOpen();
    await expect(drawer.name).toHaveValue(name);
    reference = page.url().split('/features/')[1]?.split('?')[0] ?? '';
    expect(reference).toMatch(/^APP-\d+$/);
  });

  await test.step('add requirements', async () => {
    await drawer.addRequirement('Queue edits made without a connection');
    await drawer.addRequirement('Sync the queue when the connection returns');
    await drawer.expectRequirements([
      'Queue edits made without a connection',
      'Sync the queue when the connection returns',
    ]);
  });

  await test.step('write the description in the editor, with formatting', async () => {
    await drawer.writeDescription('Field reps lose work in basements. ');
    await drawer.format('Bold');
    await page.keyboard.type('Nothing typed offline may be lost.');
    await drawer.format('Bold');
    await page.keyboard.press('Enter');
    await drawer.format('Bulleted list');
    await page.keyboard.type('Works on iOS and Android');
    await drawer.expectSaved();
    await expect(drawer.description.locator('strong')).toHaveText(
      'Nothing typed offline may be lost.',
    );
    await page.screenshot({ path: screenshotPath('drawer.png') });
    await drawer.close();
  });

  await test.step('drag it to another status with the mouse', async () => {
    await board.expectFeatureIn(reference, 'Under consideration');
    await board.dragFeatureToStatus(reference, 'In development');
  });

  await test.step('move it one column right with the keyboard', async () => {
    await board.moveFeatureWithKeyboard(reference, ['ArrowRight']);
    await board.expectFeatureIn(reference, 'In code review');
    await board.expectAnnouncement(new RegExp(`Dropped ${reference} .* in In code review`));
  });

  let targetRelease = '';
  await test.step('drag it to another release with the mouse', async () => {
    await board.groupBy('release');
    const current = await board.columnOf(reference);
    const names = await board.columnNames();
    targetRelease = names.find((n) => n !== current) ?? '';
    expect(targetRelease, 'a second release to move to').not.toBe('');
    await board.dragFeatureToRelease(reference, targetRelease);
  });

  await test.step('reload: status, release, description and requirements are all kept', async () => {
    await page.reload();
    await board.expectLoaded();
    await board.expectFeatureIn(reference, targetRelease);
    await board.groupBy('status');
    await board.expectFeatureIn(reference, 'In code review');
    await board.openFeature(reference);
    await drawer.expectOpen(reference);
    await drawer.expectDescriptionContains('Nothing typed offline may be lost.');
    await drawer.expectRequirements([
      'Queue edits made without a connection',
      'Sync the queue when the connection returns',
    ]);
    // Other flows may have enabled an integration in this workspace by now.
    await expect(drawer.integrations).toContainText(
      /Not linked to any integration yet|Not sent yet/,
    );
    await page.reload();
    await drawer.expectOpen(reference);
  });
});

test('filters live in the URL and survive a reload', async ({ page, loginAsOwner }) => {
  const board = new BoardPage(page);
  await loginAsOwner(`/w/${mobile.key}/features`);
  await board.expectLoaded();
  await board.groupBy('release');
  const first =
    (await page.locator('[data-feature]').first().getByRole('link').textContent()) ?? '';
  await board.searchFor(first);
  await expect(page.locator('[data-feature]')).toHaveCount(1);
  await page.reload();
  await board.expectLoaded();
  await expect(board.search).toHaveValue(first);
  await expect(page.locator('[data-feature]')).toHaveCount(1);
  await expect(page.getByRole('radio', { name: 'By release' })).toBeChecked();
});

test('selected features move to a status together', async ({ page, loginAsOwner }) => {
  const board = new BoardPage(page);
  await loginAsOwner(`/w/${mobile.key}/features`);
  await board.expectLoaded();
  const column = board.column('Under consideration');
  const refs = await column
    .locator('[data-feature]')
    .evaluateAll((els) => els.slice(0, 3).map((el) => el.getAttribute('data-feature') ?? ''));
  test.skip(refs.length < 3, 'needs three features under consideration');
  await board.selectFeatures([refs[0]!]);
  await board.selectRangeTo(refs[2]!);
  await expect(board.selectionBar).toContainText('3 selected');
  await page.screenshot({ path: screenshotPath('board-selection.png') });
  await board.moveSelectionToStatus('Ready to develop');
  await board.expectToast('Moved 3 features to Ready to develop');
  for (const ref of refs) await board.expectFeatureIn(ref, 'Ready to develop');
});

test('releases are listed by date, and bad dates are refused', async ({ page, loginAsOwner }) => {
  const releases = new ReleasesPage(page);
  await loginAsOwner(`/w/${mobile.key}/releases`);
  await releases.goto(mobile.key);
  await page.screenshot({ path: screenshotPath('releases.png') });

  const name = `Autumn ${Date.now().toString(36)}`;
  await releases.startNewRelease({ name, startDate: '2027-10-10', releaseDate: '2027-10-01' });
  await releases.dialog().getByRole('button', { name: 'Create release' }).click();
  await releases.expectFieldError(
    'Release date',
    'The release date must not be before the start date',
  );
  await releases.fillRelease({ releaseDate: '2027-10-31' });
  await releases.dialog().getByRole('button', { name: 'Create release' }).click();
  await expect(releases.dialog()).toBeHidden();
  await expect(releases.scheduled.getByRole('link', { name, exact: true })).toBeVisible();
});

test('a contributor cannot open or change workspace settings', async ({
  page,
  loginAsContributor,
  shell,
}) => {
  await loginAsContributor(`/w/${mobile.key}/features`);
  await test.step('no settings in the navigation', async () => {
    await shell.expectSettingsHidden();
  });
  await test.step('the settings page says only owners manage it', async () => {
    await page.goto(`/w/${mobile.key}/settings/integrations`);
    await expect(
      page.getByRole('region', { name: 'Only owners manage integrations' }),
    ).toBeVisible();
  });
  await test.step('the API refuses a settings change', async () => {
    const session = await (await page.request.get('/api/auth/session')).json();
    const workspace = session.workspaces.find((w: { key: string }) => w.key === mobile.key);
    const response = await page.request.patch(`/api/workspaces/${workspace.id}`, {
      data: { name: 'Renamed by a contributor' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(response.status()).toBe(403);
  });
});

test('the roadmap screens have no WCAG A/AA violations', async ({
  page,
  loginAsOwner,
  expectAccessible,
}) => {
  test.slow();
  const board = new BoardPage(page);
  const drawer = new FeatureDrawerPage(page);
  await loginAsOwner(`/w/${mobile.key}/features`);
  await board.expectLoaded();
  await expectAccessible('the board');
  const reference =
    (await page.locator('[data-feature]').first().getAttribute('data-feature')) ?? '';
  await board.openFeature(reference);
  await drawer.expectOpen(reference);
  await expectAccessible('the feature drawer');
  await page.goto(`/w/${mobile.key}/releases`);
  await expect(page.getByRole('region', { name: 'Scheduled' })).toBeVisible();
  await expectAccessible('the releases page');
  await page.goto(`/w/${mobile.key}/initiatives`);
  await expect(page.getByRole('main').getByRole('heading', { name: 'Initiatives' })).toBeVisible();
  await expectAccessible('the initiatives page');
});

test('a conflicting edit keeps my text until I choose to reload or overwrite', async ({
  page,
  loginAsOwner,
}) => {
  const board = new BoardPage(page);
  const drawer = new FeatureDrawerPage(page);
  await loginAsOwner(`/w/${mobile.key}/features`);
  await board.expectLoaded();
  const reference =
    (await page.locator('[data-feature]').last().getAttribute('data-feature')) ?? '';
  await board.openFeature(reference);
  await drawer.expectOpen(reference);

  /** Someone else renames the feature behind this drawer's back. */
  const renameElsewhere = async (name: string) => {
    const session = await (await page.request.get('/api/auth/session')).json();
    const workspace = session.workspaces.find((w: { key: string }) => w.key === mobile.key);
    const base = `/api/workspaces/${workspace.id}/features`;
    const { items } = await (await page.request.get(`${base}?q=${reference}`)).json();
    const feature = items.find((f: { referenceNum: string }) => f.referenceNum === reference);
    const response = await page.request.patch(`${base}/${feature.id}`, {
      data: { version: feature.version, name },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(response.status()).toBe(200);
  };

  await test.step('their rename makes my next save a conflict; my text stays', async () => {
    await renameElsewhere('Renamed by someone else');
    await drawer.writeDescription('My careful wording');
    await drawer.expectConflict();
    await drawer.expectDescriptionContains('My careful wording');
  });

  await test.step('reload shows their version', async () => {
    await drawer.reloadTheirVersion();
    await expect(drawer.name).toHaveValue('Renamed by someone else');
    await expect(drawer.description).not.toContainText('My careful wording');
  });

  await test.step('overwrite saves mine over theirs', async () => {
    await renameElsewhere('Renamed again');
    await drawer.writeDescription('Mine wins');
    await drawer.expectConflict();
    await drawer.overwriteWithMine();
    await page.reload();
    await drawer.expectOpen(reference);
    await drawer.expectDescriptionContains('Mine wins');
    await expect(drawer.name).toHaveValue('Renamed again');
  });
});

test('a move refused as stale puts the card back and says why', async ({ page, loginAsOwner }) => {
  const board = new BoardPage(page);
  await loginAsOwner(`/w/${mobile.key}/features`);
  await board.expectLoaded();
  const reference =
    (await board
      .column('Ready to develop')
      .locator('[data-feature]')
      .first()
      .getAttribute('data-feature')) ?? '';
  // Someone else moved it a moment ago: the server answers this drop with 409.
  await page.route('**/features/*/move', (route) =>
    route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({
        error: { code: 'conflict', message: 'Stale', details: { currentVersion: 99, current: {} } },
      }),
    }),
  );
  await board.dragFeatureToColumn(reference, 'In development');
  await board.expectToast(`${reference} changed while you were moving it`);
  await board.expectFeatureIn(reference, 'Ready to develop');
});

test('a viewer reads the roadmap but cannot change it', async ({ page, loginAsViewer }) => {
  const board = new BoardPage(page);
  const drawer = new FeatureDrawerPage(page);
  await loginAsViewer(`/w/${mobile.key}/features`);
  await board.expectLoaded();
  await expect(board.newFeatureButton).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Move / })).toHaveCount(0);
  const reference =
    (await page.locator('[data-feature]').first().getAttribute('data-feature')) ?? '';
  await page.locator(`[data-feature="${reference}"]`).getByRole('link').click();
  await drawer.expectOpen(reference);
  await expect(drawer.name).toBeDisabled();
  await expect(
    drawer.drawer().getByRole('combobox', { name: 'Status', exact: true }),
  ).toBeDisabled();
  await expect(drawer.newRequirement).toHaveCount(0);
  await expect(drawer.description).toHaveAttribute('contenteditable', 'false');
});
