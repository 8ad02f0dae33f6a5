import { runConformance } from '@tandem/connector-kit/conformance';
import { conformanceConfig } from '../conformance.config.ts';
import { createRemoteServiceConnector } from '../src/index.ts';
import { makeCtx } from './support/context.ts';
import { startTracker, TRACKER_SECRET } from './support/tracker-service.ts';

runConformance({
  name: 'remote-service',
  config: conformanceConfig,
  startSimulator: startTracker,
  makeConnector(tracker, { credentials }) {
    const secret =
      credentials === 'revoked' ? 'a-secret-the-service-does-not-know' : TRACKER_SECRET;
    return { connector: createRemoteServiceConnector(), ctx: makeCtx(tracker.url, secret) };
  },
});
