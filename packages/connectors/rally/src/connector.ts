/** The `Connector` for Rally: each port call delegates to the file of its concern. */
import type { Connector } from '@tandem/connector-kit';
import { manifest } from '../manifest.ts';
import { uploadAttachment } from './attachments.ts';
import { changesSince } from './changes-since.ts';
import { defaultRecordMappings } from './default-mappings.ts';
import * as discovery from './discovery.ts';
import { rallyOAuth } from './oauth.ts';
import * as records from './records.ts';
import * as schema from './schema.ts';
import { type RallyConfig, rallyConfigSchema } from './spec.ts';
import { parseDelivery } from './webhook-payload.ts';
import { registerWebhook, unregisterWebhook, verifyDelivery } from './webhooks.ts';
import { Wsapi } from './wsapi-client.ts';

export const rallyConnector: Connector<RallyConfig> = {
  manifest,
  spec: rallyConfigSchema,
  defaultRecordMappings,
  oauth: rallyOAuth,

  checkConnection: (ctx) => discovery.whoAmI(new Wsapi(ctx)),
  listWorkspaces: (ctx) => discovery.listWorkspaces(new Wsapi(ctx)),
  listProjects: (ctx, workspaceId) => discovery.listProjects(new Wsapi(ctx), workspaceId),
  listRecordTypes: (ctx, scope) => schema.listRecordTypes(new Wsapi(ctx), scope),
  listFields: (ctx, scope, type) => schema.listFields(new Wsapi(ctx), scope, type),
  listStates: (ctx, scope, type) => schema.listStates(new Wsapi(ctx), scope, type),

  createRecord: records.createRecord,
  readRecord: records.readRecord,
  updateRecord: records.updateRecord,
  deleteRecord: records.deleteRecord,
  findByIdempotencyToken: records.findByIdempotencyToken,
  linkChild: records.linkChild,
  uploadAttachment,

  registerWebhook,
  unregisterWebhook,
  verifyDelivery,
  parseDelivery,

  changesSince,
};
