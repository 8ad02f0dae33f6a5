import {
  type RunningRallySimulator,
  type StartOptions,
  startRallySimulator,
} from '../src/index.ts';

/** Start a simulator on a random port for one test file. */
export async function startSim(options: StartOptions = {}): Promise<RunningRallySimulator> {
  return startRallySimulator({
    port: 0,
    webhookDelivery: { baseDelayMs: 20, timeoutMs: 2000 },
    ...options,
  });
}

export const WSAPI = '/slm/webservice/v2.0';
