import type { PlaywrightWorkerArgs } from '@playwright/test';
import { demo } from '../fixtures.ts';
import { RallyWorkspace, type SeededFeature } from '../pages/integrations/rally-workspace.ts';

/** The Rally simulator `playwright.config.ts` starts for the run. */
export const simulatorUrl = process.env.E2E_SIM_RALLY_URL ?? 'http://127.0.0.1:4110';

/** Five characters that tell this run's records apart from earlier runs' in the same database. */
export const runStamp = () => Date.now().toString(36).slice(-5).toUpperCase();

/**
 * Seeds through the API as the demo owner of Mobile App (for a `beforeAll`): `seed` gets a signed-in
 * `RallyWorkspace`; its request context is disposed afterwards.
 */
export async function seedAsOwner<T>(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string | undefined,
  seed: (rally: RallyWorkspace) => Promise<T>,
): Promise<T> {
  const api = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  try {
    const rally = new RallyWorkspace(api, simulatorUrl);
    await rally.signIn(demo.owner.email, demo.password, demo.workspaces.mobile.key);
    return await seed(rally);
  } finally {
    await api.dispose();
  }
}

/**
 * A two-way Rally integration in Mobile App with one feature in a release, sent and linked (for
 * a `beforeAll`); `options` as `enableTwoWayRallyIntegration` takes them.
 */
export async function seedLinkedFeature(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string | undefined,
  names: { integration: string; release: string; feature: string },
  options: Parameters<RallyWorkspace['enableTwoWayRallyIntegration']>[1] = {},
): Promise<{ integrationId: string; feature: SeededFeature & { remoteId: string } }> {
  return seedAsOwner(playwright, baseURL, async (rally) => {
    const integrationId = await rally.enableTwoWayRallyIntegration(names.integration, options);
    const release = await rally.createRelease(names.release);
    const [seeded] = await rally.createFeatures(release.id, [names.feature]);
    const [linked] = await rally.sendAndLink(integrationId, [seeded!]);
    return { integrationId, feature: { ...seeded!, remoteId: linked!.remoteId } };
  });
}
