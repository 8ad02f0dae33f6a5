/** `startRallySimulator({ host, port, ...options })`: the simulator on a real HTTP(S) port. */

import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import {
  createRallySimulator,
  type RallySimulator,
  type RallySimulatorOptions,
} from './create-simulator.ts';
import { loadTestCa } from './tls/test-ca.ts';

export interface StartOptions extends Omit<RallySimulatorOptions, 'tls'> {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Serve HTTPS with the simulator's test CA (needed for the mTLS switch). */
  tls?: boolean;
}

export interface RunningRallySimulator {
  /** e.g. `http://127.0.0.1:4010` (no trailing slash; pass it as the `rally` client's `server`). */
  url: string;
  simulator: RallySimulator;
  close(): Promise<void>;
}

export async function startRallySimulator(
  options: StartOptions = {},
): Promise<RunningRallySimulator> {
  const host = options.host ?? '127.0.0.1';
  const tls = options.tls ? loadTestCa() : undefined;
  const simulator = createRallySimulator({ ...options, tls });
  const server = tls
    ? createAdaptorServer({
        fetch: simulator.app.fetch,
        createServer: createHttpsServer,
        serverOptions: {
          key: tls.serverKey,
          cert: tls.serverCert,
          ca: tls.ca,
          requestCert: true,
          rejectUnauthorized: false,
        },
      })
    : createAdaptorServer({ fetch: simulator.app.fetch });
  (server as import('node:http').Server).keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const displayHost = host.includes(':') ? `[${host}]` : host;
  const url = `${tls ? 'https' : 'http'}://${displayHost}:${port}`;
  simulator.setPublicUrl(options.publicUrl ?? url);
  return {
    url,
    simulator,
    close: () =>
      new Promise<void>((resolve) => {
        simulator.close();
        const s = server as unknown as {
          closeAllConnections?: () => void;
          close: (cb: () => void) => void;
        };
        s.close(() => resolve());
        s.closeAllConnections?.();
      }),
  };
}
