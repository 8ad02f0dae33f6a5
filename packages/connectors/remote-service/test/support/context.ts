/** A connector context pointed at a running service, over the shared transport. */
import {
  accountKey,
  createTransport,
  principalFromSecret,
  type RequestLogEntry,
} from '@tandem/connector-kit';
import type { Ctx } from '../../src/deliver.ts';
import { type RemoteServiceConfig, remoteServiceConfigSchema } from '../../src/spec.ts';

export function makeCtx(
  endpointUrl: string,
  secret: string,
  config: Partial<Record<keyof RemoteServiceConfig, unknown>> = {},
): Ctx & { log: RequestLogEntry[] } {
  const log: RequestLogEntry[] = [];
  const transport = createTransport({
    allowPrivateNetwork: true, // the test services listen on 127.0.0.1
    accountKey: accountKey('remote-service', endpointUrl, principalFromSecret(secret)),
    maxConcurrent: 4,
    secrets: () => [secret],
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    onRequestLog: (entry) => log.push(entry),
  });
  return {
    config: remoteServiceConfigSchema.parse({
      endpointUrl,
      service: 'tracker',
      integrationId: 'int-1',
      data: { board: 'Main' },
      ...config,
    }),
    credentials: async () => ({ kind: 'api_key', apiKey: secret }),
    transport,
    log,
  };
}
