/** `startAzureDevOpsSimulator({ host, port, ...options })`: the simulator on a real HTTP port. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import {
  type AzureDevOpsSimulator,
  type AzureDevOpsSimulatorOptions,
  createAzureDevOpsSimulator,
} from './create-simulator.ts';

export interface StartOptions extends AzureDevOpsSimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4020; 0 picks a free port. */
  port?: number;
}

export interface RunningAzureDevOpsSimulator {
  /** e.g. `http://127.0.0.1:4020` (no trailing slash). */
  url: string;
  /** The organisation URL clients take: `http://127.0.0.1:4020/tandem-demo`. */
  orgUrl: string;
  simulator: AzureDevOpsSimulator;
  close(): Promise<void>;
}

export async function startAzureDevOpsSimulator(
  options: StartOptions = {},
): Promise<RunningAzureDevOpsSimulator> {
  const host = options.host ?? '127.0.0.1';
  const simulator = createAzureDevOpsSimulator(options);
  const server = createAdaptorServer({ fetch: simulator.app.fetch }) as Server;
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4020, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  simulator.setPublicUrl(options.publicUrl ?? url);
  return {
    url,
    orgUrl: `${url}/${simulator.organization}`,
    simulator,
    close: () =>
      new Promise<void>((resolve) => {
        simulator.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
