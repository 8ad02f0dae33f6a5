import { runConformance } from '@tandem/connector-kit/conformance';
import { REVOKED_PAT } from '@tandem/simulator-azure-devops';
import { conformanceConfig } from '../conformance.config.ts';
import { azureDevOpsConnector } from '../src/index.ts';
import { makeCtx, startSim } from './support/sim.ts';

runConformance({
  name: 'azure-devops',
  config: conformanceConfig,
  async startSimulator() {
    const running = await startSim();
    return {
      url: running.orgUrl,
      close: running.close,
      dropNextResponseAfterCommit() {
        running.simulator.control.addFault({
          method: 'POST',
          path: '/workitems/\\$',
          action: 'drop-after-commit',
          times: 1,
        });
      },
    };
  },
  makeConnector(simulator, { credentials }) {
    const ctx = makeCtx(simulator.url, credentials === 'revoked' ? { pat: REVOKED_PAT } : {});
    return { connector: azureDevOpsConnector, ctx };
  },
});
