/**
 * The remote-service connector: the `Connector` port over the services events protocol. Each
 * integration points at one service; its credential (an API-key credential) is the signing secret.
 */
import { type Connector, RemoteError } from '@tandem/connector-kit';
import { manifest } from '../manifest.ts';
import { defaultRecordMappings } from './default-mappings.ts';
import { deliver, type ServiceLogSink } from './deliver.ts';
import {
  listFields,
  listProjects,
  listRecordTypes,
  listStates,
  listWorkspaces,
} from './discovery.ts';
import * as records from './records.ts';
import { type RemoteServiceConfig, remoteServiceConfigSchema } from './spec.ts';
import { memoryStateStore, type ServiceStateStore } from './state-store.ts';
import { parseDelivery, registerWebhook, verifyDelivery } from './webhooks.ts';

export interface RemoteServiceOptions {
  store?: ServiceStateStore;
  onServiceLog?: ServiceLogSink;
}

export function createRemoteServiceConnector(
  options: RemoteServiceOptions = {},
): Connector<RemoteServiceConfig> & { adapter: records.Adapter } {
  const adapter: records.Adapter = {
    store: options.store ?? memoryStateStore(),
    ...(options.onServiceLog ? { onLog: options.onServiceLog } : {}),
  };
  const notApplicable = (what: string) => () => {
    throw new RemoteError('validation', `A remote service has no ${what}`, { retryable: false });
  };
  return {
    adapter,
    manifest,
    spec: remoteServiceConfigSchema,
    defaultRecordMappings,
    async checkConnection(ctx) {
      // `installed` is idempotent; its meta_data changes are the only ones kept.
      const account = records.accountOf(ctx);
      const answer = await deliver(
        ctx,
        {
          event: 'installed',
          idempotencyKey: `installed:${Date.now()}`,
          metaData: adapter.store.metaData(account),
          payload: {},
        },
        adapter.onLog,
      );
      if (answer.meta_data) {
        const next = { ...adapter.store.metaData(account), ...answer.meta_data };
        for (const [key, value] of Object.entries(next)) if (value === null) delete next[key];
        adapter.store.setMetaData(account, next);
      }
      return {
        userId: ctx.config.service,
        displayName: `${ctx.config.service} at ${new URL(ctx.config.endpointUrl).host}`,
      };
    },
    listWorkspaces,
    listProjects: async () => listProjects(),
    listRecordTypes: async () => listRecordTypes(),
    listFields: async (ctx, _scope, type) => listFields(ctx, type),
    listStates: async (ctx) => listStates(ctx),
    createRecord: (ctx, input) => records.createRecord(adapter, ctx, input),
    readRecord: async (ctx, ref) => records.readRecord(adapter, ctx, ref),
    updateRecord: (ctx, ref, input) =>
      records.updateRecord(adapter, ctx, ref, input.fields, input.expectedVersion),
    // The protocol has no delete: Tandem forgets the record; the service's copy stays.
    deleteRecord: async (ctx, ref) => records.forgetRecord(adapter, ctx, ref),
    findByIdempotencyToken: (ctx, input) =>
      records.findByToken(adapter, ctx, input.idempotencyToken, input.type),
    linkChild: (ctx, parent, child) => records.linkChild(adapter, ctx, parent, child),
    uploadAttachment: notApplicable(
      'attachment upload: files travel as download URLs in the record',
    ),
    registerWebhook: async (ctx, input) => registerWebhook(ctx, input),
    unregisterWebhook: async () => {},
    verifyDelivery,
    parseDelivery,
    // Services push changes through `webhook`; there is nothing to poll.
    changesSince: async (_ctx, input) => ({ changes: [], nextCursor: input.cursor ?? 'push-only' }),
  };
}

export const remoteServiceConnector = createRemoteServiceConnector();
