import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  SEED_IDS,
  startRallySimulator,
} from '@tandem/sim-rally';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeServiceProtocol, fixtureEvent, sendEvent } from '../../src/harness/index.ts';
import { type RunningService, serveService } from '../../src/index.ts';
import { serviceAnswerSchema } from '../../src/protocol/index.ts';
import { rallyExampleService } from './service.ts';

const secret = 'rally-example-secret-0123456789';
let sim: RunningRallySimulator;
const data = () => ({
  accountUrl: sim.url,
  apiKey: DEFAULT_ADMIN_API_KEY,
  workspaceId: String(SEED_IDS.workspace),
  projectId: String(SEED_IDS.projectAlpha),
});

async function start(): Promise<RunningService> {
  sim = await startRallySimulator({ port: 0 });
  const service = await serveService(rallyExampleService, { secret });
  return {
    url: service.url,
    close: async () => {
      await service.close();
      await sim.close();
    },
  };
}

describeServiceProtocol({
  name: 'rally example',
  service: 'rally_example',
  secret,
  // Read when each check runs, after `start` has the simulator's address.
  get data() {
    return data();
  },
  invalidData: { accountUrl: 'not a url', apiKey: 'short' },
  start,
  breakRemote: {
    break: () => {
      sim.simulator.control.addFault({
        method: 'POST',
        path: '/create',
        action: 'status',
        status: 503,
        times: 10,
      });
    },
    heal: () => sim.simulator.control.clearFaults(),
  },
});

describe('rally example, end to end', () => {
  let running: RunningService;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(() => running.close());

  it('creates the release, then the feature in it with its story, and stores their Rally ids', async () => {
    const event = (name: 'create_release' | 'create_feature') =>
      fixtureEvent(name, { service: 'rally_example', data: data() });
    const release = serviceAnswerSchema.parse(
      (await sendEvent(running.url, event('create_release'), secret)).body,
    );
    expect(release.ok).toBe(true);
    const releaseId = release.ok ? release.integration_fields[0]?.fields.id : undefined;
    expect(releaseId).toMatch(/^\d+$/);

    const featureEvent = event('create_feature');
    if (featureEvent.event !== 'create_feature' || !featureEvent.feature.release)
      throw new Error('fixture');
    featureEvent.feature.release.integration_fields.push({
      name: 'id',
      value: releaseId!,
      service_name: 'rally_example',
    });
    const answer = serviceAnswerSchema.parse(
      (await sendEvent(running.url, featureEvent, secret)).body,
    );
    if (!answer.ok) throw new Error(answer.error.message);
    const feature = answer.integration_fields.find((f) => f.resource === 'features');
    const story = answer.integration_fields.find((f) => f.resource === 'requirements');
    expect(feature?.fields.formatted_id).toMatch(/^F\d+$/);
    expect(story?.fields.formatted_id).toMatch(/^US\d+$/);

    const read = await fetch(
      `${sim.url}/slm/webservice/v2.0/portfolioitem/feature/${feature?.fields.id}?fetch=Name,Release,UserStories`,
      {
        headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
      },
    );
    // WSAPI wraps a read in one key named after the type.
    const [rallyFeature] = Object.values(
      (await read.json()) as Record<string, Record<string, unknown>>,
    );
    expect(rallyFeature?.Name).toBe('Feature with attachments');
    expect(JSON.stringify(rallyFeature?.Release)).toContain(`/release/${releaseId}`);
  });
});
