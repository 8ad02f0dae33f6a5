import { demo, expect, screenshotPath, test } from '../fixtures.ts';
import { IntegrationLogPage } from '../pages/integrations/integration-log.page.ts';
import { FeatureDrawerPage } from '../pages/roadmap/feature-drawer.page.ts';
import { runStamp, seedLinkedFeature } from '../support/rally-seed.ts';

const mobile = demo.workspaces.mobile;
const stamp = runStamp();
let seeded: Awaited<ReturnType<typeof seedLinkedFeature>>;

test.beforeAll(async ({ playwright, baseURL }) => {
  seeded = await seedLinkedFeature(playwright, baseURL, {
    integration: `Rally log ${stamp}`,
    release: `Log ${stamp}`,
    feature: `Log flow ${stamp}`,
  });
});

const logPath = (query = '') =>
  `/w/${mobile.key}/settings/integrations/${seeded.integrationId}/log${query}`;

test('each entry names its record by reference and name, linked to the record', async ({
  page,
  loginAsContributor,
}) => {
  const { feature } = seeded;
  const log = new IntegrationLogPage(page);
  const drawer = new FeatureDrawerPage(page);
  await loginAsContributor(logPath());
  await log.expectLoaded();
  const label = `${feature.referenceNum} · ${feature.name}`;
  const record = log.entries.getByRole('link', { name: label }).first();
  await expect(record).toBeVisible();
  // No truncated ids ("feature 01a25264") anywhere.
  await expect(log.entries).not.toContainText(feature.id.slice(0, 8));
  await page.screenshot({ path: screenshotPath('integration-log-records.png') });
  await record.click();
  await drawer.expectOpen(feature.referenceNum);
});

test('"Show the HTTP calls" keeps the record the log is narrowed to', async ({
  page,
  loginAsContributor,
}) => {
  const { feature } = seeded;
  const log = new IntegrationLogPage(page);
  await loginAsContributor(
    logPath(`?recordType=feature&recordId=${feature.id}&ref=${feature.referenceNum}`),
  );
  await log.expectLoaded();
  const linked = log.entry(/Linked to F\d+/).first();
  await log.expand(linked);
  await log.showCallsAround(linked);
  await expect(page).toHaveURL(/event=http/);
  await expect(page).toHaveURL(new RegExp(`recordId=${feature.id}`));
  await expect(page.getByText(`Only ${feature.referenceNum} · ${feature.name}`)).toBeVisible();
  const calls = log.entries.getByRole('listitem');
  await expect(calls.first()).toContainText('HTTP calls');
  // Every call listed was made for this feature: each names it.
  const count = await calls.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(calls.nth(i)).toContainText(feature.referenceNum);
});

test('the event filter offers the events this integration logged, in plain words', async ({
  page,
  loginAsContributor,
}) => {
  const log = new IntegrationLogPage(page);
  await loginAsContributor(logPath('?level=debug,info,warn,error'));
  await log.expectLoaded();
  const event = page.getByRole('combobox', { name: 'Event' });
  // Sent, linked, HTTP and webhook entries are in this log; no conflict happened.
  await expect(event.getByRole('option', { name: 'Webhooks received' })).toBeAttached();
  await expect(event.getByRole('option', { name: 'HTTP calls' })).toBeAttached();
  await expect(event.getByRole('option', { name: 'Linked records' })).toBeAttached();
  await expect(event.getByRole('option', { name: 'Conflicts' })).toHaveCount(0);
  await event.selectOption({ label: 'Webhooks received' });
  await expect(page).toHaveURL(/event=webhook/);
  const entries = log.entries.getByRole('listitem');
  await expect(entries.first()).toBeVisible();
  const count = await entries.count();
  for (let i = 0; i < count; i++) await expect(entries.nth(i)).toContainText('Webhooks received');
});
