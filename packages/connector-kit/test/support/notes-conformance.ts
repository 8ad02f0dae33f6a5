/** The notes connector's conformance options, shared by the harness's own tests. */
import type { ConformanceConfig, ConformanceOptions } from '../../src/conformance/index.ts';
import {
  accountKey,
  type Connector,
  createTransport,
  principalFromSecret,
} from '../../src/index.ts';
import { type NotesConfig, notesConnector } from './notes-connector.ts';
import { GOOD_TOKEN, type NotesServer, startNotesServer } from './notes-server.ts';

export const notesConformanceConfig: ConformanceConfig = {
  strict: true,
  suites: {
    connection: 'run',
    discovery: 'run',
    records: 'run',
    idempotentCreate: 'run',
    children: 'run',
    attachments: 'run',
    webhooks: 'run',
    changesSince: 'run',
    errors: 'run',
  },
  fixture: {
    scope: { workspaceId: 'sp1', projectId: 'f2' },
    recordType: 'note',
    titleField: 'title',
    newFields: (seed) => ({
      title: `Note ${seed}`,
      priority: 'normal',
      body: '<p>Made by conformance</p>',
    }),
    changedFields: (seed) => ({ title: `Renamed ${seed}`, priority: 'high' }),
    parentType: 'note',
    childType: 'task',
    newFieldsOf: (_type, seed) => ({ title: `Task ${seed}` }),
    invalidFields: { priority: 'urgent' },
    missingId: '00000000-0000-0000-0000-000000000000',
  },
  webhookTimeoutMs: 3000,
};

export function notesConformance(
  connector: Connector<NotesConfig> = notesConnector,
  config: ConformanceConfig = notesConformanceConfig,
): ConformanceOptions<NotesConfig, NotesServer> {
  return {
    name: 'notes',
    config,
    startSimulator: startNotesServer,
    makeConnector(simulator, { credentials }) {
      const token = credentials === 'valid' ? GOOD_TOKEN : 'revoked-token-value';
      const transport = createTransport({
        allowPrivateNetwork: true, // the test server listens on 127.0.0.1
        accountKey: accountKey('notes', simulator.url, principalFromSecret(token)),
        maxConcurrent: connector.manifest.maxConcurrentPerAccount,
        secrets: () => [token],
        retry: { baseDelayMs: 5, maxDelayMs: 50 },
      });
      return {
        connector,
        ctx: {
          config: { baseUrl: simulator.url, space: 'sp1' },
          credentials: async () => ({ kind: 'pat', token }),
          transport,
        },
      };
    },
  };
}
