import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  type StartOptions,
  startRallySimulator,
} from '@tandem/sim-rally';
import type { DatabaseHandle } from '@tandem/storage';
import { afterAll, beforeAll } from 'vitest';
import { registerOAuthClientAt, signIn, wizardApp } from './support.ts';

/**
 * One Rally simulator for the enclosing suite, on a free port: started before its first test and
 * closed after its last. Its fields are there from `beforeAll` on, so read them inside tests.
 */
export function rallySimulatorForSuite(options: StartOptions = {}): RunningRallySimulator {
  const sim = {} as RunningRallySimulator;
  beforeAll(async () => {
    Object.assign(sim, await startRallySimulator({ port: 0, ...options }));
    // Tandem's OAuth client is the simulator's demo client, registered there.
    registerOAuthClientAt(sim.url);
  });
  afterAll(() => sim.close());
  return sim;
}

/** A wizard BFF with the demo owner signed in: the app, its browser and the first workspace. */
export async function signedInOwner(
  database: DatabaseHandle,
  options: Parameters<typeof wizardApp>[1] = {},
) {
  const app = await wizardApp(database, options);
  const browser = app.client();
  return { app, browser, ...(await signIn(browser)) };
}

/** The webhooks Rally holds for one integration (registered by Enable, removed by Disable). */
export async function rallyWebhooksOf(sim: RunningRallySimulator, integrationId: string) {
  const res = await fetch(`${sim.url}/apps/pigeon/api/v2/webhook?pagesize=200`, {
    headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
  });
  const { Results } = (await res.json()) as { Results: { TargetUrl: string }[] };
  return Results.filter((h) => h.TargetUrl.includes(`/api/webhooks/${integrationId}?`));
}
