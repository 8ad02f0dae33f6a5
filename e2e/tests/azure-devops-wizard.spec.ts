import { demo, screenshotPath, test } from '../fixtures.ts';
import { AzureDevOpsUser } from '../pages/integrations/azure-devops-user.ts';
import { AzureDevOpsSteps } from '../pages/wizard/azure-devops-steps.page.ts';
import { EnableStep } from '../pages/wizard/enable.page.ts';
import { NameTemplateStep } from '../pages/wizard/name-template.page.ts';

const platform = demo.workspaces.platform;
const simulatorUrl = process.env.E2E_SIM_ADO_URL ?? 'http://127.0.0.1:4120';
const orgUrl = `${simulatorUrl}/tandem-demo`;
const ado = new AzureDevOpsUser(simulatorUrl);
const stamp = Date.now().toString(36).slice(-5).toUpperCase();
const shot = (name: string) => ({ path: screenshotPath(`ado-wizard-${name}.png`), fullPage: true });

test.describe.configure({ mode: 'serial' });

test('an owner sets up Azure DevOps from nothing; a read-only token is caught at Test connection', async ({
  page,
  loginAsOwner,
}) => {
  test.setTimeout(120_000);
  const name = new NameTemplateStep(page);
  const steps = new AzureDevOpsSteps(page);
  const enable = new EnableStep(page);
  const tokens = await ado.tokens();

  await test.step('Add → Azure DevOps opens the wizard in the seed’s words', async () => {
    await loginAsOwner(`/w/${platform.key}/settings/integrations`);
    await page.getByRole('button', { name: 'Add integration' }).first().click();
    await page.getByRole('menuitem', { name: 'Azure DevOps' }).click();
    await name.expectOnStep('Name');
    await name.nameIntegration(`Azure DevOps ${stamp}`);
    await page.screenshot(shot('1-name'));
    await name.saveAndContinue();
  });

  await test.step('organization as its URL', async () => {
    await steps.expectOnStep('Organization');
    await steps.enterOrganization(`${orgUrl}/Platform/_workitems`);
    await page.screenshot(shot('2-organization'));
    await steps.saveAndContinue();
  });

  await test.step('a read-only token is named at Test connection; a full one connects', async () => {
    await steps.expectOnStep('Personal access token');
    await steps.testConnection(tokens.readOnly);
    await steps.expectTokenRefused(/lacks the scope Work items \(read and write\)/);
    await page.screenshot(shot('3-token-read-only'));
    await steps.testConnection(tokens.full);
    await steps.expectConnectedAs('Morgan Planner');
    await page.screenshot(shot('3-token-connected'));
    await steps.saveAndContinue();
  });

  await test.step('project, then area path', async () => {
    await steps.expectOnStep('Project');
    await steps.chooseProject('Platform');
    await page.screenshot(shot('4-project'));
    await steps.saveAndContinue();
    await steps.expectOnStep('Area path');
    await steps.chooseArea('API');
    await page.screenshot(shot('5-area'));
    await steps.saveAndContinue();
  });

  await test.step('work item types by the project’s process (Scrum), then states', async () => {
    await steps.expectOnStep('Work item types');
    await steps.expectMapsTo('requirement', 'Product Backlog Item');
    await steps.expectMapsTo('feature', 'Feature');
    await page.screenshot(shot('6-types'));
    await steps.saveAndContinue();
    await steps.expectOnStep('States');
    await page.screenshot(shot('7-states'));
    await steps.saveAndContinue();
  });

  await test.step('enable', async () => {
    await steps.expectOnStep('Enable');
    await enable.saveAndEnable();
    await enable.expectEnabled(`Azure DevOps ${stamp}`);
    await page.screenshot(shot('8-enabled'));
  });
});
