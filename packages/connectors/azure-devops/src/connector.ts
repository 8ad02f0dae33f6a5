/** The `Connector` for Azure DevOps Services: each port call delegates to the file of its concern. */
import type { Connector } from '@tandem/connector-kit';
import { manifest } from '../manifest.ts';
import { uploadAttachment } from './attachments.ts';
import { changesSince } from './changes-since.ts';
import { AdoClient } from './client.ts';
import { defaultRecordMappings } from './default-mappings.ts';
import * as discovery from './discovery.ts';
import * as records from './records.ts';
import * as schema from './schema.ts';
import {
  type AzureDevOpsConfig,
  azureDevOpsConfigSchema,
  normalizeOrganizationUrl,
} from './spec.ts';
import { parseDelivery } from './webhook-payload.ts';
import { registerWebhook, unregisterWebhook, verifyDelivery } from './webhooks.ts';

export const azureDevOpsConnector: Connector<AzureDevOpsConfig> = {
  manifest,
  spec: azureDevOpsConfigSchema,
  defaultRecordMappings,
  normalizeAccountUrl: normalizeOrganizationUrl,

  checkConnection: (ctx) => discovery.whoAmI(new AdoClient(ctx)),
  listWorkspaces: (ctx) => discovery.listWorkspaces(new AdoClient(ctx)),
  listProjects: (ctx, workspaceId) => discovery.listAreas(new AdoClient(ctx), workspaceId),
  listRecordTypes: (ctx, scope) => schema.listRecordTypes(new AdoClient(ctx), scope),
  listFields: (ctx, scope, type) => schema.listFields(new AdoClient(ctx), scope, type),
  listStates: (ctx, scope, type) => schema.listStates(new AdoClient(ctx), scope, type),

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
