import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demo, expect, screenshotPath, test } from '../fixtures.ts';
import { FeatureIntegrationsPage } from '../pages/integrations/feature-integrations.page.ts';
import { IntegrationsPage } from '../pages/integrations/integrations.page.ts';
import { ReportPage } from '../pages/integrations/report.page.ts';
import { BoardPage } from '../pages/roadmap/board.page.ts';
import { AccountUrlStep } from '../pages/wizard/account-url.page.ts';
import { AuthorizeStep } from '../pages/wizard/authorize.page.ts';
import { EnableStep } from '../pages/wizard/enable.page.ts';
import { NameTemplateStep } from '../pages/wizard/name-template.page.ts';
import { ProjectStep } from '../pages/wizard/project.page.ts';
import { RallyLoginPage } from '../pages/wizard/rally-login.page.ts';
import { RecordMappingsStep } from '../pages/wizard/record-mappings.page.ts';
import { StatusMappingStep } from '../pages/wizard/status-mapping.page.ts';
import { WorkspaceStep } from '../pages/wizard/workspace.page.ts';

const mobile = demo.workspaces.mobile;
const simulatorUrl = process.env.E2E_SIM_RALLY_URL ?? 'http://127.0.0.1:4110';
/** `SEEDED_USERS[0]` of `@tandem/sim-rally`: a Rally user with a login page password. */
const rallyUser = {
  username: 'pat.planner@acme.example',
  password: 'Planner-Pass-1',
  name: 'Pat Planner',
};
const stamp = Date.now().toString(36).slice(-5).toUpperCase();
const FIRST = `Rally wizard ${stamp}`;
const SECOND = `Rally from template ${stamp}`;
const TEMPLATE = `Acme template ${stamp}`;
/** The simulator's test CA issued this client certificate (`packages/simulators/rally/test-ca`). */
const testCa = join(import.meta.dirname, '../../packages/simulators/rally/test-ca');
const pem = (file: string) => readFileSync(join(testCa, file), 'utf8');
const shot = (name: string) => ({ path: screenshotPath(`wizard-${name}.png`), fullPage: true });

// The flows build on each other: the second integration comes from the first one's template.
test.describe.configure({ mode: 'serial' });

test('an owner sets up Rally from nothing to an enabled integration', async ({
  page,
  loginAsOwner,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  const list = new IntegrationsPage(page);
  const name = new NameTemplateStep(page);
  const account = new AccountUrlStep(page);
  const authorize = new AuthorizeStep(page);
  const workspace = new WorkspaceStep(page);
  const project = new ProjectStep(page);
  const mappings = new RecordMappingsStep(page);
  const statuses = new StatusMappingStep(page);
  const enable = new EnableStep(page);

  await test.step('Add → Rally opens the wizard at its first step, later steps locked', async () => {
    await loginAsOwner(`/w/${mobile.key}/settings/integrations`);
    await list.addRally();
    await name.expectOnStep('Name');
    await name.expectLocked('Enable');
    await name.nameIntegration(FIRST);
    await expectAccessible('the name step');
    await page.screenshot(shot('1-name'));
    await name.saveAndContinue();
  });

  await test.step('account URL: a bad address is refused at the step, a good one saved', async () => {
    await account.expectOnStep('Rally account');
    await account.expectDone('Name');
    await account.reload();
    await account.expectOnStep('Rally account');
    await account.enterAccountUrl('ftp://rally example');
    await account.saveAndContinue();
    await account.expectUrlRefused('This is not a valid URL');
    await page.screenshot(shot('2-account-error'));
    await account.enterAccountUrl(`${simulatorUrl}/`);
    await page.screenshot(shot('2-account'));
    await account.saveAndContinue();
  });

  await test.step('authorize through Rally’s own login page', async () => {
    await authorize.expectOnStep('Connect');
    await authorize.reload();
    await authorize.expectNotConnected();
    await page.screenshot(shot('3-authorize'));
    await authorize.connectToRally();
    const rally = new RallyLoginPage(page);
    await rally.logIn(rallyUser.username, rallyUser.password);
    await rally.allowAccess();
    await authorize.expectOnStep('Connect');
    await authorize.expectConnectedAs(rallyUser.name);
    await authorize.expectGrantStaysValidWhileUsed();
    await page.screenshot(shot('3-authorize-connected'));
    await authorize.saveAndContinue();
  });

  await test.step('Back keeps the account URL; forward again', async () => {
    await workspace.expectOnStep('Rally workspace');
    await workspace.goBack();
    await authorize.expectConnectedAs(rallyUser.name);
    await authorize.goBack();
    await account.expectAccountUrl(simulatorUrl);
    await account.enterAccountUrl('https://rally1.rallydev.com');
    await account.expectConnectionWouldBeDropped(simulatorUrl);
    await page.screenshot(shot('2-account-change-warning'));
    await account.enterAccountUrl(simulatorUrl);
    await account.expectNoConnectionWarning();
    await account.openStep('Rally workspace');
  });

  await test.step('workspace: searchable, saved, resumed after a reload', async () => {
    await workspace.reload();
    await workspace.expectOnStep('Rally workspace');
    await workspace.search('product');
    await workspace.expectChoices(['Acme Product Development']);
    await workspace.chooseWorkspace('Acme Product Development');
    await page.screenshot(shot('4-workspace'));
    await workspace.saveAndContinue();
  });

  await test.step('project: the tree, and exclude child updates saved', async () => {
    await project.expectOnStep('Rally project');
    await project.reload();
    await project.expectOnStep('Rally project');
    await project.chooseProject('Team Alpha');
    await project.excludeChildUpdates();
    await expectAccessible('the project step');
    await page.screenshot(shot('5-project'));
    await project.saveAndContinue();
    await mappings.expectOnStep('Record mappings');
    await mappings.goBack();
    await project.expectChosen('Team Alpha');
    await project.expectChildUpdatesExcluded();
    await project.reload();
    await project.expectChildUpdatesExcluded();
    await project.saveAndContinue();
  });

  await test.step('record mappings: defaults, and the pre-flight check catches a required field', async () => {
    await mappings.expectOnStep('Record mappings');
    await mappings.expectMappings(['Release', 'Feature', 'Requirement']);
    await mappings.reload();
    await mappings.expectMappings(['Release', 'Feature', 'Requirement']);
    await mappings.openFieldMappings('Feature');
    await expectAccessible('the record mappings step');
    await page.screenshot(shot('6-mappings'));
    await mappings.unmapField('Release', 'Due date');
    await mappings.saveAndContinue();
    await mappings.expectPreflightProblem(/Release ?Date/);
    await mappings.expectOnStep('Record mappings');
    await page.screenshot(shot('6-mappings-preflight'));
    await mappings.mapField('Release', 'Due date', 'Release Date (required)');
    await mappings.runPreflightCheck();
    await expect(mappings.preflight.getByText(/Release ?Date/)).toHaveCount(0);
  });

  await test.step('status mapping from the ⚙ of the Status row: mouse and keyboard', async () => {
    await mappings.openStatusMapping('Feature');
    await statuses.expectOnStep('Status mapping');
    await statuses.dragState('Developing', 'In development');
    await statuses.expectMapped('Developing', 'In development');
    await statuses.moveStateWithKeyboard('Measuring', 'In development');
    await statuses.expectMapped('Measuring', 'In development');
    await statuses.expectAnnouncement(/Measuring dropped: mapped to In development/);
    await statuses.moveStateWithMenu('Discovering', 'Under consideration');
    await statuses.expectMapped('Discovering', 'Under consideration');
    await expectAccessible('the status mapping step');
    await page.screenshot(shot('7-statuses'));
    await statuses.saveAndContinue();
  });

  await test.step('the statuses were saved: they are still there after a reload', async () => {
    await enable.expectOnStep('Enable');
    await enable.openStep('Status mapping');
    await statuses.reload();
    await statuses.expectMapped('Developing', 'In development');
    await statuses.expectMapped('Measuring', 'In development');
    await statuses.expectMapped('Discovering', 'Under consideration');
    await statuses.saveAndContinue();
  });

  await test.step('enable with the recommended defaults', async () => {
    await enable.expectOnStep('Enable');
    await enable.reload();
    await enable.expectDefaults();
    await expectAccessible('the enable step');
    await page.screenshot(shot('8-enable'));
    await enable.saveAndEnable();
    await enable.expectEnabled(FIRST);
    await page.screenshot(shot('8-enabled'));
    await list.goto(mobile.key);
    await list.expectState(FIRST, 'Enabled');
    await page.screenshot(shot('list'));
  });

  await test.step('then Send to Rally works through it', async () => {
    const board = new BoardPage(page);
    const featureName = `Sent by the wizard flow ${stamp}`;
    await board.goto(mobile.key);
    await board.createFeature({ name: featureName });
    // A new feature opens in the drawer; open it from its card if it did not.
    const drawer = page.getByRole('dialog', { name: /^Feature / });
    const opened = await drawer
      .waitFor({ state: 'visible', timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    if (!opened) await board.openFeature(await board.referenceOf(featureName));
    const integrations = new FeatureIntegrationsPage(page);
    await integrations.sendTo(FIRST);
    expect(await integrations.expectLinked(FIRST, { timeout: 20_000 })).toMatch(/^F\d+/);
  });
});

test('a template’s credentials reach a second integration', async ({ page, loginAsOwner }) => {
  const list = new IntegrationsPage(page);
  const name = new NameTemplateStep(page);
  const account = new AccountUrlStep(page);
  const authorize = new AuthorizeStep(page);

  await test.step('make a template from the working integration', async () => {
    await loginAsOwner(`/w/${mobile.key}/settings/integrations`);
    await list.openTemplates();
    await page.getByRole('button', { name: 'New template' }).click();
    const dialog = page.getByRole('dialog', { name: 'New integration template' });
    await dialog.getByLabel('Template name').fill(TEMPLATE);
    await dialog.getByLabel('Copy settings and connection from').selectOption({ label: FIRST });
    await dialog.getByRole('button', { name: 'Create template' }).click();
    await expect(page.getByText(TEMPLATE)).toBeVisible();
  });

  await test.step('set the client certificate once, on the template', async () => {
    await page.getByRole('button', { name: `Set client certificate of ${TEMPLATE}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Set client certificate' });
    await dialog.getByLabel('Private key (PEM)').fill(pem('client-key.pem'));
    await dialog.getByLabel('Certificate (PEM)').fill(pem('client.pem'));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: TEMPLATE })
        .getByText('Client certificate', { exact: true }),
    ).toBeVisible();
    await page.screenshot(shot('templates'));
  });

  await test.step('a new integration from the template is connected without signing in', async () => {
    await list.goto(mobile.key);
    await list.addRally();
    await name.nameIntegration(SECOND);
    await name.chooseTemplate(TEMPLATE);
    await page.screenshot(shot('1-name-template'));
    await name.saveAndContinue();
    await account.expectOnStep('Rally account');
    await account.expectAccountUrl(simulatorUrl);
    await account.saveAndContinue();
    await authorize.expectOnStep('Connect');
    await authorize.expectConnectedAs(rallyUser.name);
  });

  await test.step('a refused or broken Rally sign-in is explained at the step', async () => {
    const here = page.url();
    await page.goto(`${here}?error=denied`);
    await authorize.expectError('Rally was not connected');
    await page.goto(`${here}?error=state_mismatch`);
    await authorize.expectError('That answer from Rally could not be trusted');
    await page.screenshot(shot('3-authorize-error'));
  });

  await test.step('reopened later, the wizard resumes where it was left', async () => {
    await list.goto(mobile.key);
    await list.open(SECOND);
    await page.getByRole('link', { name: 'Continue setup' }).click();
    await authorize.expectOnStep('Connect');
  });

  await test.step('…and the template’s certificate too', async () => {
    await list.goto(mobile.key);
    await list.open(SECOND);
    await page.screenshot(shot('integration-page'));
    await expect(
      page.getByRole('definition').filter({ hasText: /^Set$/ }),
      'client certificate inherited from the template',
    ).toBeVisible();
  });
});

test('the manage integrations report lists both integrations', async ({
  page,
  loginAsOwner,
  expectAccessible,
}) => {
  const report = new ReportPage(page);
  await loginAsOwner(`/w/${mobile.key}/settings/integrations`);
  await new IntegrationsPage(page).openReport();
  await report.expectListed(FIRST, ['Mobile App', 'Rally', 'Team Alpha', 'Enabled']);
  await report.expectListed(SECOND, [TEMPLATE, 'Draft']);
  await report.filterByState('Draft');
  await expect(page).toHaveURL(/state=draft/);
  await report.expectNotListed(FIRST);
  await report.expectListed(SECOND);
  await page.reload();
  await report.expectNotListed(FIRST);
  await report.filterByState('All states');
  await report.sortBy('Integration');
  await report.sortBy('Integration');
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expectAccessible('the manage integrations report');
  await page.screenshot(shot('report'));
  await report.openIntegration(FIRST);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(FIRST) })).toBeVisible();
});

test('More options: client certificate, disable and enable, delete', async ({
  page,
  loginAsOwner,
}) => {
  const list = new IntegrationsPage(page);
  await loginAsOwner(`/w/${mobile.key}/settings/integrations`);

  await test.step('a key that does not belong to the certificate is refused clearly', async () => {
    const dialog = await list.setClientCertificate(FIRST, pem('server-key.pem'), pem('client.pem'));
    await expect(
      dialog.getByText('This private key does not belong to the certificate'),
    ).toBeVisible();
    await page.screenshot(shot('certificate-mismatch'));
    await dialog.getByLabel('Private key (PEM)').fill(pem('client-key.pem'));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Client certificate saved')).toBeVisible();
  });

  await test.step('disable, then enable again', async () => {
    await list.chooseMoreOption(FIRST, 'Disable');
    await list.expectState(FIRST, 'Disabled');
    await list.chooseMoreOption(FIRST, 'Enable');
    await list.expectState(FIRST, 'Enabled');
  });

  await test.step('Edit opens the wizard on any step', async () => {
    await list.chooseMoreOption(FIRST, 'Edit');
    await new NameTemplateStep(page).expectOnStep('Name');
    await new NameTemplateStep(page).expectName(FIRST);
    await new NameTemplateStep(page).openStep('Rally project');
    await new ProjectStep(page).expectChildUpdatesExcluded();
  });

  await test.step('the account URL is locked once something was sent, and says why', async () => {
    const account = new AccountUrlStep(page);
    await account.openStep('Rally account');
    await account.expectLockedBecauseUsed();
    await page.screenshot(shot('2-account-locked'));
  });

  await test.step('delete says what is kept, and removes only the integration', async () => {
    await list.goto(mobile.key);
    await list.deleteIntegration(SECOND);
    await expect(list.row(SECOND)).toHaveCount(0);
    await list.expectState(FIRST, 'Enabled');
  });
});

test('contributors cannot open any of it, even by URL', async ({ page, loginAsContributor }) => {
  await loginAsContributor(`/w/${mobile.key}/settings/integrations/new/wizard/name`);
  await expect(page.getByText('Only owners manage integrations')).toBeVisible();
  await page.goto(`/w/${mobile.key}/settings/integrations/report`);
  await expect(page.getByText('Only owners manage integrations')).toBeVisible();
});
