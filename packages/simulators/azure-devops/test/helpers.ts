import {
  type RunningAzureDevOpsSimulator,
  type StartOptions,
  startAzureDevOpsSimulator,
} from '../src/index.ts';

/** Start a simulator on a random port for one test file; deliveries retry in milliseconds. */
export async function startSim(options: StartOptions = {}): Promise<RunningAzureDevOpsSimulator> {
  return startAzureDevOpsSimulator({
    port: 0,
    webhookDelivery: { timeScale: 0.001, timeoutMs: 2000 },
    ...options,
  });
}

/** Headers for raw requests as the Node client sends them. */
export function patHeaders(
  pat: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    authorization: `Basic ${Buffer.from(`:${pat}`).toString('base64')}`,
    'x-tfs-fedauthredirect': 'Suppress',
    accept: 'application/json;api-version=7.1',
    ...extra,
  };
}
