import { demo, screenshotPath, test } from '../fixtures.ts';
import { IntegrationsPage } from '../pages/integrations/integrations.page.ts';
import { TemplatePage } from '../pages/integrations/template.page.ts';
import { TemplatesPage } from '../pages/integrations/templates.page.ts';
import { AccountUrlStep } from '../pages/wizard/account-url.page.ts';
import { AuthorizeStep } from '../pages/wizard/authorize.page.ts';
import { NameTemplateStep } from '../pages/wizard/name-template.page.ts';
import { RallyLoginPage } from '../pages/wizard/rally-login.page.ts';

const mobile = demo.workspaces.mobile;
const simulatorUrl = process.env.E2E_SIM_RALLY_URL ?? 'http://127.0.0.1:4110';
/**
 * A Rally user of the simulator's seed. Not the wizard flow's: Rally remembers consent per user,
 * and that flow expects to be asked.
 */
const rallyUser = {
  username: 'dana.developer@acme.example',
  password: 'Developer-Pass-1',
  name: 'Dana Developer',
};
const stamp = Date.now().toString(36).slice(-5).toUpperCase();
const TEMPLATE = `Own connection ${stamp}`;
const INTEGRATION = `Rally via own-connection template ${stamp}`;
const shot = (name: string) => ({ path: screenshotPath(`template-${name}.png`), fullPage: true });

test('an owner authorizes a template on its own; an integration made from it is connected', async ({
  page,
  loginAsOwner,
  expectAccessible,
}) => {
  test.setTimeout(90_000);
  const templates = new TemplatesPage(page);
  const template = new TemplatePage(page);
  const rally = new RallyLoginPage(page);

  await test.step('an empty template opens on its own page, not connected', async () => {
    await loginAsOwner(`/w/${mobile.key}/settings/integrations`);
    await new IntegrationsPage(page).openTemplates();
    await templates.expectOn();
    await templates.createEmptyTemplate(TEMPLATE);
    await template.expectOn(TEMPLATE);
    await template.expectNotConnected();
    await template.expectCannotConnectYet();
    await expectAccessible('a template’s page before it is connected');
    await page.screenshot(shot('before-connect'));
  });

  await test.step('the account URL is checked and tidied as in the wizard', async () => {
    await template.enterAccountUrl('ftp://rally example');
    await template.saveAddress();
    await template.expectUrlRefused('This is not a valid URL');
    await template.enterAccountUrl(`${simulatorUrl}/slm/webservice/v2.0/`);
    await template.saveAddress();
    await template.expectAddressSaved(simulatorUrl);
    await page.screenshot(shot('address-saved'));
  });

  await test.step('Deny on Rally’s page is explained on the template’s page', async () => {
    await template.connectWithRally();
    await rally.logIn(rallyUser.username, rallyUser.password);
    await rally.denyAccess();
    await template.expectOn(TEMPLATE);
    await template.expectError('Rally was not connected');
    await template.expectNotConnected();
    await page.screenshot(shot('denied'));
  });

  await test.step('Connect with Rally through its login page, and back', async () => {
    await template.connectWithRally();
    await rally.allowAccess();
    await template.expectOn(TEMPLATE);
    await template.expectJustConnected();
    await template.expectConnectedAs(rallyUser.name);
    await template.expectGrantStaysValidWhileUsed();
    await expectAccessible('a connected template’s page');
    await page.screenshot(shot('connected'));
    await templates.goto(mobile.key);
    await templates.expectConnection(TEMPLATE, 'Connected');
  });

  await test.step('an integration made from the template is connected without signing in', async () => {
    const list = new IntegrationsPage(page);
    const name = new NameTemplateStep(page);
    const account = new AccountUrlStep(page);
    const authorize = new AuthorizeStep(page);
    await list.goto(mobile.key);
    await list.addRally();
    await name.nameIntegration(INTEGRATION);
    await name.chooseTemplate(TEMPLATE);
    await name.saveAndContinue();
    await account.expectOnStep('Rally account');
    await account.expectAccountUrl(simulatorUrl);
    await account.saveAndContinue();
    await authorize.expectOnStep('Connect');
    await authorize.expectConnectedAs(rallyUser.name);
    await authorize.expectGrantStaysValidWhileUsed();
    await page.screenshot(shot('integration-connected'));
  });
});

test('contributors see no template page, even by URL', async ({ page, loginAsContributor }) => {
  await loginAsContributor(`/w/${mobile.key}/settings/integrations/templates/any-template`);
  await page.getByText('Only owners manage integrations').waitFor();
  await page.goto(`/w/${mobile.key}/settings/integrations/templates`);
  await page.getByText('Only owners manage integrations').waitFor();
});
