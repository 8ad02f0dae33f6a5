import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteServiceConnector } from '../src/index.ts';
import { makeCtx } from './support/context.ts';
import { type RunningTracker, startTracker, TRACKER_SECRET } from './support/tracker-service.ts';

describe('checkConnection sends installed', () => {
  let tracker: RunningTracker;
  beforeAll(async () => {
    tracker = await startTracker();
  });
  afterAll(() => tracker.close());

  it('says which service answered, keeps its meta_data and sends it with later events', async () => {
    const connector = createRemoteServiceConnector();
    const ctx = makeCtx(tracker.url, TRACKER_SECRET);
    expect(await connector.checkConnection(ctx)).toEqual({
      userId: 'tracker',
      displayName: expect.stringContaining('tracker at 127.0.0.1'),
    });
    expect(await connector.checkConnection(ctx)).toEqual(await connector.checkConnection(ctx));
    expect(connector.adapter.store.metaData(`${tracker.url}#int-1`)).toEqual({ board: 'Main' });
  });

  it('a secret the service does not know fails with kind auth, not retryable', async () => {
    const error = await createRemoteServiceConnector()
      .checkConnection(makeCtx(tracker.url, 'a-secret-the-service-does-not-know'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', retryable: false });
    expect((error as Error).message).toContain('refused installed: Signature refused (mismatch)');
  });
});
