import { runConformance } from '@tandem/connector-kit/conformance';
import { conformanceConfig } from '../conformance.config.ts';
import { rallyConnector } from '../src/index.ts';
import { makeCtx, startSim } from './support/sim.ts';

runConformance({
  name: 'rally',
  config: conformanceConfig,
  async startSimulator() {
    const running = await startSim();
    return {
      url: running.url,
      close: running.close,
      dropNextResponseAfterCommit() {
        running.simulator.control.addFault({
          method: 'POST',
          path: '/create',
          action: 'drop-after-commit',
          times: 1,
        });
      },
    };
  },
  makeConnector(simulator, { credentials }) {
    const ctx = makeCtx(
      simulator.url,
      credentials === 'revoked' ? { apiKey: '_revokedKey0000000000000000000000000000000' } : {},
    );
    return { connector: rallyConnector, ctx };
  },
});
