import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteServiceConnector } from '../src/index.ts';
import { makeCtx } from './support/context.ts';
import { sendReleaseFeatureRequirement } from './support/send-plan.ts';
import { type RunningTracker, startTracker, TRACKER_SECRET } from './support/tracker-service.ts';

const scope = { workspaceId: 'tracker', projectId: 'records' };

describe('a send: release first, then the feature in it, then its requirements inside it', () => {
  let tracker: RunningTracker;
  beforeAll(async () => {
    tracker = await startTracker();
  });
  afterAll(() => tracker.close());

  it('sends the events the engine’s send plan makes, and stores their integration fields', async () => {
    const connector = createRemoteServiceConnector();
    const ctx = makeCtx(tracker.url, TRACKER_SECRET);
    const { release, feature, requirement } = await sendReleaseFeatureRequirement(
      connector,
      ctx,
      { release: 'Summer', feature: 'Checkout', requirement: 'Pay by card' },
      'tr',
    );
    expect(tracker.deliveries).toEqual(['create_release', 'create_feature', 'update_feature']);
    expect([release.formattedId, feature.formattedId, requirement.formattedId]).toEqual([
      'TR-1',
      'TR-2',
      'TR-3',
    ]);
    expect(requirement.parentId).toBe(feature.id);
    expect(tracker.items.get(requirement.id)).toEqual({
      kind: 'requirement',
      name: 'Pay by card',
      parent: feature.id,
    });

    // An update carries the whole feature: its release's and requirements' integration fields too.
    const updated = await connector.updateRecord(ctx, feature, { fields: { name: 'Checkout 2' } });
    expect(updated.fields).toMatchObject({ name: 'Checkout 2', release: release.id });
    expect(tracker.items.get(feature.id)?.name).toBe('Checkout 2');
    expect(tracker.deliveries.at(-1)).toBe('update_feature');
  });

  it('refuses a requirement without its feature before sending anything', async () => {
    const connector = createRemoteServiceConnector();
    const before = tracker.deliveries.length;
    const error = await connector
      .createRecord(makeCtx(tracker.url, TRACKER_SECRET), {
        scope,
        type: 'requirement',
        fields: { name: 'Alone' },
        idempotencyToken: 'req-x',
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('sent with its feature'),
    });
    expect(tracker.deliveries.length).toBe(before);
  });
});
